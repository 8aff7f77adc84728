// The benchmark executable's main: registers what every translation unit listed, in case order,
// runs Google Benchmark, and adds context lines to its output (the compiler and flags, whether
// libtorch is compiled in, the OpenBLAS core type libtorch will use). Also the small helpers of
// support.hpp.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "support.hpp"

namespace bench {

bool close(const char* what, const float* a, const float* b, std::size_t n, double tol,
           std::string& why) {
  double scale = 0, worst = -1;
  std::size_t at = 0;
  for (std::size_t i = 0; i < n; ++i) scale = std::fmax(scale, std::fabs(double(b[i])));
  scale = std::fmax(scale, 1e-30);
  for (std::size_t i = 0; i < n; ++i) {
    const double d = std::fabs(double(a[i]) - double(b[i])) / scale;
    if (!(d <= worst) || std::isnan(d)) {
      worst = std::isnan(d) ? INFINITY : d;
      at = i;
    }
  }
  if (worst <= tol) return true;
  why = std::string(what) + ": etgrad and hand differ at element " + std::to_string(at) + ": " +
        std::to_string(a[at]) + " vs " + std::to_string(b[at]) + " (scale " +
        std::to_string(scale) + ")";
  return false;
}

bool close_scalar(const char* what, float a, float b, double tol, std::string& why) {
  return close(what, &a, &b, 1, tol, why);
}

bool first_time(const std::string& name) {
  static std::mutex m;
  static std::set<std::string> seen;
  std::lock_guard<std::mutex> lock(m);
  return seen.insert(name).second;
}

namespace {
struct entry {
  int case_no, size_no;
  impl_rank impl;
  std::string name;
  bench_fn fn;
  benchmark::TimeUnit unit;
};
std::vector<entry>& entries() {
  static std::vector<entry> all;
  return all;
}
}  // namespace

bool enlist(int case_no, int size_no, impl_rank impl, std::string name, bench_fn fn,
            benchmark::TimeUnit unit) {
  entries().push_back({case_no, size_no, impl, std::move(name), fn, unit});
  return true;
}

void register_all() {
  auto all = entries();
  std::stable_sort(all.begin(), all.end(), [](const entry& a, const entry& b) {
    return std::tie(a.case_no, a.size_no, a.impl) < std::tie(b.case_no, b.size_no, b.impl);
  });
  for (const entry& e : all) benchmark::RegisterBenchmark(e.name.c_str(), e.fn)->Unit(e.unit);
}

}  // namespace bench

int main(int argc, char** argv) {
#if defined(__clang__)
  benchmark::AddCustomContext("compiler", std::string("clang++ ") + __clang_version__);
#elif defined(__GNUC__)
  benchmark::AddCustomContext("compiler", std::string("g++ ") + __VERSION__);
#endif
#ifdef ETGRAD_BENCH_FLAGS
  benchmark::AddCustomContext("flags", ETGRAD_BENCH_FLAGS);
#endif
#ifdef EIGEN_USE_BLAS
  benchmark::AddCustomContext("gemm", "BLAS (EIGEN_USE_BLAS) for etgrad and the hand twins");
#else
  benchmark::AddCustomContext("gemm", "Eigen's own kernel");
#endif
#ifdef ETGRAD_BENCH_HAVE_TORCH
  const char* core = std::getenv("OPENBLAS_CORETYPE");
  benchmark::AddCustomContext("libtorch", "yes");
  benchmark::AddCustomContext("OPENBLAS_CORETYPE", core ? core : "(unset)");
  if (core == nullptr)
    std::fprintf(stderr,
                 "note: OPENBLAS_CORETYPE is unset; OpenBLAS may misdetect this CPU and use slow "
                 "kernels (DESIGN.md: SkylakeX on AVX-512 machines, Haswell or Zen on AVX2 ones)\n");
#else
  benchmark::AddCustomContext("libtorch", "no (not found at configure time)");
#endif
  bench::register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
