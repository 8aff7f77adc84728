#!/usr/bin/env bash
# Compile time and peak compiler memory (/usr/bin/time -v) of the two-layer network step built
# with etgrad next to its hand-written Eigen twin, under g++ and clang++.
#
#   benchmarks/compile_time.sh                 # -O3, g++ and clang++, the network TU pair
#   OPT=-O2 benchmarks/compile_time.sh
#   COMPILERS="g++" benchmarks/compile_time.sh --all   # also every other benchmark TU
#
# Each translation unit is compiled alone (-c, one process at a time, so the numbers are not
# disturbed by a parallel build) with the benchmark targets' flags: -std=c++17 $OPT -march=native
# -DNDEBUG. Wall time is what a user waits; CPU time (user + system) is steadier on a shared
# machine. Rows:
#   header only           a TU that only includes <etgrad/etgrad.hpp> (the fixed cost)
#   etgrad_mlp.cpp        the network step with etgrad, two sizes (64x784x100x10, 256x784x500x10)
#   hand_mlp.cpp          the same two steps written by hand with Eigen's Matrix GEMM
#   examples/*.cpp        the demo's translation units, when examples/ has them
# Prints a markdown table.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
opt="${OPT:--O3}"
compilers="${COMPILERS:-g++ clang++}"
all=0
[[ "${1:-}" == "--all" ]] && all=1

if [[ ! -x /usr/bin/time ]]; then
  echo "compile_time.sh: needs GNU time at /usr/bin/time (Debian package 'time')" >&2
  exit 1
fi

eigen_inc="$(pkg-config --cflags-only-I eigen3 2>/dev/null | sed 's/-I//g' | awk '{print $1}')"
eigen_inc="${eigen_inc:-/usr/include/eigen3}"
common=(-std=c++17 "$opt" -march=native -DNDEBUG "-I$root/include" -isystem "$eigen_inc")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo '#include <etgrad/etgrad.hpp>' > "$work/header_only.cpp"

tus=("$work/header_only.cpp" "$here/etgrad_mlp.cpp" "$here/hand_mlp.cpp")
if [[ $all == 1 ]]; then
  for f in "$here"/etgrad_*.cpp "$here"/hand_*.cpp; do
    case "$f" in */etgrad_mlp.cpp | */hand_mlp.cpp) ;; *) tus+=("$f") ;; esac
  done
fi
shopt -s nullglob
for f in "$root"/examples/*.cpp; do tus+=("$f"); done
shopt -u nullglob

label() {
  case "$1" in
    "$work/header_only.cpp") echo "header only (#include <etgrad/etgrad.hpp>)" ;;
    "$root"/*) echo "${1#"$root"/}" ;;
    *) echo "$1" ;;
  esac
}

# m:ss.ss or h:mm:ss -> seconds
to_seconds() {
  awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }' <<< "$1"
}

echo "flags: ${common[*]} -c"
echo
echo "| translation unit | compiler | wall (s) | CPU (s) | peak memory (MB) |"
echo "|---|---|---:|---:|---:|"
for cxx in $compilers; do
  if ! command -v "$cxx" > /dev/null; then
    echo "| (all) | $cxx | not installed | | |"
    continue
  fi
  version="$("$cxx" --version | head -n 1 | sed -E 's/.* ([0-9]+\.[0-9]+\.[0-9]+).*/\1/')"
  for tu in "${tus[@]}"; do
    log="$work/time.log"
    extra=()
    [[ "$tu" == "$root"/examples/* ]] && extra=("-I$root/examples")
    if /usr/bin/time -v "$cxx" "${common[@]}" "${extra[@]}" -c "$tu" -o "$work/out.o" \
        > "$work/cxx.log" 2> "$log"; then
      wall="$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')"
      user="$(grep 'User time (seconds)' "$log" | awk '{print $NF}')"
      sys="$(grep 'System time (seconds)' "$log" | awk '{print $NF}')"
      rss_kb="$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')"
      printf '| %s | %s %s | %.1f | %.1f | %d |\n' "$(label "$tu")" "$cxx" "$version" \
        "$(to_seconds "$wall")" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" \
        "$((rss_kb / 1024))"
    else
      echo "| $(label "$tu") | $cxx $version | failed to compile (first error below) | | |"
      grep -m 1 -E 'error' "$log" "$work/cxx.log" >&2 || true
    fi
  done
done
