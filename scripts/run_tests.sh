#!/usr/bin/env bash
# The README's test command: installs what is missing, builds the test suite, runs ctest.
# Usage: scripts/run_tests.sh [build-dir] [extra cmake args...]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true

scripts/install_deps.sh clang libclang-rt-14-dev
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DETGRAD_BUILD_BENCHMARKS=OFF -DETGRAD_BUILD_EXAMPLES=ON "$@"
cmake --build "$build" -j"$(nproc)"
ctest --test-dir "$build" -j"$(nproc)" --output-on-failure
