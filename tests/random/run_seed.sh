#!/usr/bin/env bash
# Runs the randomized differential tests for any seed and count, in their own build tree.
# Usage: tests/random/run_seed.sh SEED [COUNT] [BUILD_DIR]
#        SKIP=10,42 tests/random/run_seed.sh SEED ...   (leave programs out, e.g. a known
#        compile-time outlier of the second-order programs; README "Known limits")
# Prints the generator's summary (op coverage, rejected drafts) and Catch2's result; exit status 0
# when every program passes. A failing program is named "random program SEED/INDEX"; print its
# numpy reference with: /usr/bin/python3 tests/random/gen_programs.py --seed SEED --only INDEX
set -euo pipefail
cd "$(dirname "$0")/../.."
seed=${1:?usage: tests/random/run_seed.sh SEED [COUNT] [BUILD_DIR]}
count=${2:-200}
build=${3:-build-random}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DETGRAD_BUILD_EXAMPLES=OFF \
  -DETGRAD_BUILD_BENCHMARKS=OFF -DETGRAD_COMPILE_FAIL_TESTS=OFF -DETGRAD_CONSUMER_TESTS=OFF \
  -DETGRAD_RANDOM_SEED="$seed" -DETGRAD_RANDOM_COUNT="$count" -DETGRAD_RANDOM_SKIP="${SKIP:-}" \
  >/dev/null
cmake --build "$build" --target etgrad_random_tests -j"$(nproc)"
"$build"/tests/random/etgrad_random_tests "[random]"
