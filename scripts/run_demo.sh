#!/usr/bin/env bash
# The README's main job: installs what is missing, builds in Release, trains the two-layer
# network on Fashion-MNIST (Debian's dataset-fashion-mnist) and on real MNIST digits when
# ../shared/data/mnist is there, then runs the benchmarks and prints their summary.
# Usage: scripts/run_demo.sh [epochs]
set -euo pipefail
cd "$(dirname "$0")/.."
epochs=${1:-10}

# libtorch (about 1 GB with its dependencies) and the OpenBLAS benchmark program are opt-in:
# ETGRAD_WITH_TORCH=1 installs libtorch-dev and libopenblas-dev and builds both (README,
# Benchmarks: the table there was measured that way).
extra=(python3-matplotlib)
opt=(-DETGRAD_BENCH_TORCH=OFF -DETGRAD_BENCH_BLAS=OFF)
if [[ "${ETGRAD_WITH_TORCH:-0}" == 1 ]]; then
  extra+=(libtorch-dev libopenblas-dev)
  opt=(-DETGRAD_BENCH_TORCH=ON -DETGRAD_BENCH_BLAS=ON)
fi
scripts/install_deps.sh "${extra[@]}"
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DETGRAD_BUILD_TESTS=OFF \
  -DETGRAD_BUILD_EXAMPLES=ON -DETGRAD_BUILD_BENCHMARKS=ON "${opt[@]}"
cmake --build build-release -j"$(nproc)"

echo "== Fashion-MNIST (/usr/share/datasets/fashion-mnist) =="
build-release/examples/train_mnist --epochs "$epochs"
if [[ -d ../shared/data/mnist ]]; then
  echo "== MNIST digits (../shared/data/mnist) =="
  build-release/examples/train_mnist --data ../shared/data/mnist --epochs "$epochs"
fi

if [[ -x benchmarks/run.sh ]]; then
  echo "== Benchmarks (etgrad vs hand-written Eigen; libtorch with ETGRAD_WITH_TORCH=1) =="
  benchmarks/run.sh build-release
fi
