#!/bin/sh
# Builds the libFuzzer target for the IDX reader with clang and runs it.
#   tests/fuzz/run_fuzz.sh [SECONDS]      (default 60)
# Environment: BUILD_DIR (default build-fuzz), JOBS (default 1), CXX (default clang++).
# The growing corpus is kept in $BUILD_DIR/fuzz_idx_corpus (the seeds in tests/fuzz/corpus
# are only read); a finding is written to $BUILD_DIR/fuzz_idx_artifacts/ and the script fails.
set -eu
seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_DIR:-$root/build-fuzz}
jobs=${JOBS:-1}

cmake -S "$root" -B "$build" \
  -DCMAKE_CXX_COMPILER="${CXX:-clang++}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DETGRAD_FUZZ=ON \
  -DETGRAD_BUILD_EXAMPLES=OFF -DETGRAD_BUILD_BENCHMARKS=OFF -DETGRAD_INSTALL=OFF \
  -DETGRAD_COMPILE_FAIL_TESTS=OFF -DETGRAD_CONSUMER_TESTS=OFF
cmake --build "$build" --target fuzz_idx -j "$jobs"

corpus=$build/fuzz_idx_corpus
artifacts=$build/fuzz_idx_artifacts
mkdir -p "$corpus" "$artifacts"
exec "$build/tests/fuzz/fuzz_idx" "$corpus" "$root/tests/fuzz/corpus" \
  -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=4096 -timeout=10 \
  -print_final_stats=1 -artifact_prefix="$artifacts/"
