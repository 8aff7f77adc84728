#!/usr/bin/env bash
# Runs the benchmark executable of a build directory and prints the ratio summary; writes the
# JSON, the markdown table and the bar plot next to it.
#
#   benchmarks/run.sh [BUILD_DIR] [extra Google Benchmark flags...]
#   REPS=5 benchmarks/run.sh build-release --benchmark_filter=mlp
#
# BUILD_DIR (default build-release) must have been configured with -DETGRAD_BUILD_BENCHMARKS=ON
# and built (target etgrad_bench). Results go to $OUT (default BUILD_DIR/benchmarks/results):
# bench.json, bench.md, bench.png. Repetitions ($REPS, default 3) run randomly interleaved and the
# report uses their medians: the machines are shared and noisy, so compare ratios from one run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:-build-release}"
[[ $# -gt 0 ]] && shift
bench="$build/benchmarks/etgrad_bench"
if [[ ! -x "$bench" ]]; then
  echo "run.sh: $bench not found; configure with -DETGRAD_BUILD_BENCHMARKS=ON and build the" \
       "etgrad_bench target first" >&2
  exit 1
fi
out="${OUT:-$build/benchmarks/results}"
mkdir -p "$out"

# libtorch (when compiled in): one thread, and an OpenBLAS core type it cannot misdetect.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
if [[ -z "${OPENBLAS_CORETYPE:-}" ]]; then
  if grep -qw avx512f /proc/cpuinfo 2>/dev/null; then
    export OPENBLAS_CORETYPE=SkylakeX
  elif grep -qw avx2 /proc/cpuinfo 2>/dev/null; then
    export OPENBLAS_CORETYPE=Haswell
  fi
fi

"$bench" --benchmark_repetitions="${REPS:-3}" --benchmark_enable_random_interleaving=true \
  --benchmark_report_aggregates_only=true --benchmark_out="$out/bench.json" \
  --benchmark_out_format=json "$@" > "$out/bench.txt" 2>&1

plot=(--plot "$out/bench.png")
if ! /usr/bin/python3 -c 'import matplotlib' 2> /dev/null; then
  echo "run.sh: python3-matplotlib is not installed; no plot" >&2
  plot=()
fi
/usr/bin/python3 "$here/report.py" "$out/bench.json" --markdown "$out/bench.md" "${plot[@]}" --summary
echo
echo "written: $out/bench.json, $out/bench.md${plot:+, $out/bench.png}"
