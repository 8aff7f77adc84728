#!/usr/bin/env bash
# Runs the benchmark executable of a build directory and prints the ratio summary; writes the
# JSON, the markdown table and the bar plot next to it.
#
#   benchmarks/run.sh [BUILD_DIR] [extra Google Benchmark flags...]
#   REPS=5 benchmarks/run.sh build-release --benchmark_filter=mlp
#
# BUILD_DIR (default build-release) must have been configured with -DETGRAD_BUILD_BENCHMARKS=ON
# and built (target etgrad_bench, and etgrad_bench_blas when OpenBLAS was found). Results go to
# $OUT (default BUILD_DIR/benchmarks/results): bench.json, bench.md, bench.png, and the same
# with the stem bench_blas. Repetitions ($REPS, default 3) run randomly interleaved and the
# report uses their medians: the machines are shared and noisy, so compare ratios from one run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:-build-release}"
[[ $# -gt 0 ]] && shift
if [[ ! -x "$build/benchmarks/etgrad_bench" ]]; then
  echo "run.sh: $build/benchmarks/etgrad_bench not found; configure with" \
       "-DETGRAD_BUILD_BENCHMARKS=ON and build the etgrad_bench target first" >&2
  exit 1
fi
out="${OUT:-$build/benchmarks/results}"
mkdir -p "$out"

# libtorch and OpenBLAS: one thread, and an OpenBLAS core type it cannot misdetect.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
if [[ -z "${OPENBLAS_CORETYPE:-}" ]]; then
  if grep -qw avx512f /proc/cpuinfo 2>/dev/null; then
    export OPENBLAS_CORETYPE=SkylakeX
  elif grep -qw avx2 /proc/cpuinfo 2>/dev/null; then
    export OPENBLAS_CORETYPE=Haswell
  fi
fi

plot_ok=1
if ! /usr/bin/python3 -c 'import matplotlib' 2> /dev/null; then
  echo "run.sh: python3-matplotlib is not installed; no plot" >&2
  plot_ok=0
fi

# etgrad_bench (Eigen's GEMM kernel) and, when built, etgrad_bench_blas (OpenBLAS sgemm for
# etgrad, the hand twins and libtorch alike): results bench.* and bench_blas.*.
for name in etgrad_bench etgrad_bench_blas; do
  bench="$build/benchmarks/$name"
  [[ -x "$bench" ]] || continue
  stem="bench${name#etgrad_bench}"
  echo "-- $name --"
  "$bench" --benchmark_repetitions="${REPS:-3}" --benchmark_enable_random_interleaving=true \
    --benchmark_report_aggregates_only=true --benchmark_out="$out/$stem.json" \
    --benchmark_out_format=json "$@" > "$out/$stem.txt" 2>&1
  plot=()
  ((plot_ok)) && plot=(--plot "$out/$stem.png")
  /usr/bin/python3 "$here/report.py" "$out/$stem.json" --markdown "$out/$stem.md" "${plot[@]}" \
    --summary
  echo "written: $out/$stem.json, $out/$stem.md${plot:+, $out/$stem.png}"
  echo
done
