// The timed loop of an etgrad case: a compile_grad program built once, called every iteration;
// its result (loss, gradients...) is checked once per process against the hand-written twin.
#pragma once

#include <etgrad/etgrad.hpp>
#include <memory>
#include <string>
#include <tuple>
#include <utility>

#include "support.hpp"
#include "twins.hpp"

namespace bench {

namespace eg = etgrad;

// tol: relative to the largest gradient element (float sums in a different order differ by a
// few ulps of the total; 1e-3 catches a wrong gradient, not a reordering).
template <class Program>
void run_program(benchmark::State& state, Program& step, const std::string& key,
                 std::unique_ptr<twin> reference, double tol = 1e-3) {
  const auto& first = step();  // the first call may allocate (API.md); later ones must not
  if (first_time(key)) {
    if (!reference) {
      state.SkipWithError(("no hand twin for " + key).c_str());
      return;
    }
    reference->step();
    std::string why;
    using result = std::decay_t<decltype(first)>;
    constexpr std::size_t grads = std::tuple_size_v<result> - 1;
    if (!same_results(first, *reference, tol, why, std::make_index_sequence<grads>{})) {
      state.SkipWithError((key + ": " + why).c_str());
      return;
    }
  }
  alloc_meter meter;
  for (auto _ : state) {
    const auto& r = step();
    benchmark::DoNotOptimize(std::get<0>(r));
    benchmark::ClobberMemory();
  }
  meter.report(state);
}

}  // namespace bench
