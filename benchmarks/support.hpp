// Shared by every benchmark translation unit: the allocation meter (counted in
// alloc_counter.cpp), deterministic data, result comparison and name-based registration.
//
// Names are BM_<case>/<impl>/<size>, impl one of etgrad, hand, torch, so that report.py can pair
// the implementations of one case and size.
#pragma once

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>

namespace bench {

// Heap allocations since program start: operator new and the malloc family (Eigen's
// aligned_malloc, libtorch's allocator), each allocation counted once.
struct alloc_stats {
  std::uint64_t count;
  std::uint64_t bytes;
};
alloc_stats alloc_now() noexcept;

// Started just before the timed loop; report() sets the per-iteration counters.
class alloc_meter {
 public:
  alloc_meter() noexcept : start_(alloc_now()) {}
  void report(benchmark::State& state) const {
    const alloc_stats end = alloc_now();
    const double n = state.iterations() > 0 ? static_cast<double>(state.iterations()) : 1.0;
    state.counters["allocs_per_iter"] = static_cast<double>(end.count - start_.count) / n;
    state.counters["alloc_bytes_per_iter"] = static_cast<double>(end.bytes - start_.bytes) / n;
  }

 private:
  alloc_stats start_;
};

// The same values on every side (etgrad, hand, torch): a counter-based generator of the seed and
// the element index, uniform in [lo, hi).
inline float uniform_at(std::uint64_t seed, std::uint64_t i, float lo, float hi) {
  std::uint64_t z = seed * 0x9E3779B97F4A7C15ull + i + 0x632BE59BD9B4E019ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  const float u = static_cast<float>(z >> 40) * (1.0f / 16777216.0f);  // 24 bits in [0, 1)
  return lo + (hi - lo) * u;
}
inline void fill_uniform(float* p, std::size_t n, std::uint64_t seed, float lo, float hi) {
  for (std::size_t i = 0; i < n; ++i) p[i] = uniform_at(seed, i, lo, hi);
}
// Row r of a (rows, classes) matrix is the one-hot vector of class (7 r + 3) mod classes.
inline void fill_one_hot(float* p, std::size_t rows, std::size_t classes) {
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t c = 0; c < classes; ++c) p[r * classes + c] = c == (7 * r + 3) % classes ? 1.0f : 0.0f;
}

// Seeds and ranges of every leaf, shared by all implementations.
namespace data {
// Ranges are chosen so that losses do not cancel to near zero (comparisons are relative).
// case 1: x in [-1, 1), w in [0, 1)
constexpr std::uint64_t x = 11, w = 12;
// case 2: X, b in [0, 1)
constexpr std::uint64_t X = 21, b = 22;
// case 3: inputs in [0, 1) like pixels, weights in +-sqrt(6 / (fan_in + fan_out))
constexpr std::uint64_t mlp_x = 31, mlp_w1 = 32, mlp_w2 = 33;
// case 4: A, B, R in [-1, 1)
constexpr std::uint64_t bmm_a = 41, bmm_b = 42, bmm_r = 43;
// case 5: x in [0, 1)
constexpr std::uint64_t chain_x = 51;
}  // namespace data

// max |a - b| / max(max |b|, 1e-30) <= tol; on failure a message naming the worst element.
bool close(const char* what, const float* a, const float* b, std::size_t n, double tol,
           std::string& why);
bool close_scalar(const char* what, float a, float b, double tol, std::string& why);

// Benchmarks are listed from every translation unit during static initialisation and registered
// by main() sorted by (case, size, implementation), so that the etgrad, hand and torch runs of one
// case and size are adjacent in the output whatever the link order.
enum impl_rank { etgrad_impl = 0, hand_impl = 1, torch_impl = 2 };
using bench_fn = void (*)(benchmark::State&);
bool enlist(int case_no, int size_no, impl_rank impl, std::string name, bench_fn fn,
            benchmark::TimeUnit unit = benchmark::kMicrosecond);
void register_all();

// The timed loop of a hand-written twin: Twin is a final class, so step() is a direct call.
template <class Twin, class... Args>
void run_twin(benchmark::State& state, Args... args) {
  Twin t(args...);
  t.step();
  alloc_meter meter;
  for (auto _ : state) {
    t.step();
    benchmark::DoNotOptimize(t.loss());
    benchmark::ClobberMemory();
  }
  meter.report(state);
}

// Compare an etgrad result tuple (loss, gradients...) with a twin's loss and gradients.
template <class Tuple, class Twin, std::size_t... I>
bool same_results(const Tuple& r, const Twin& t, double tol, std::string& why,
                  std::index_sequence<I...>) {
  bool ok = close_scalar("loss", std::get<0>(r), t.loss(), tol, why);
  ((ok = ok && close(("gradient " + std::to_string(I)).c_str(), std::get<I + 1>(r).data(),
                     t.grad(I), static_cast<std::size_t>(std::get<I + 1>(r).size()), tol, why)),
   ...);
  return ok;
}

// Once per name: true the first time, so expensive verification runs once per process although
// Google Benchmark calls a benchmark function several times.
bool first_time(const std::string& name);

}  // namespace bench
