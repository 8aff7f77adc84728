// etgrad side of case 5, the deep elementwise chain at N = 4096: layer j = 1..D is
// y * 0.999 + 0.001 for odd j and exp(-y) for even j; loss = sum(y_D); gradient for x.
#include "etgrad_support.hpp"

namespace bench {
namespace {

template <int D, class X>
auto chain(const X& x) {
  if constexpr (D == 1) {
    return x * 0.999f + 0.001f;
  } else {
    auto inner = chain<D - 1>(x);
    if constexpr (D % 2 == 0)
      return eg::exp(-std::move(inner));
    else
      return std::move(inner) * 0.999f + 0.001f;
  }
}

template <int D>
void run(benchmark::State& state) {
  constexpr std::size_t N = 4096;
  eg::variable<float, eg::shape<N>> x;
  fill_uniform(x.data(), N, data::chain_x, 0, 1);
  auto loss = eg::sum(chain<D>(x));
  auto step = eg::compile_grad(loss, x);
  run_program(state, step, "chain/" + std::to_string(D), make_chain(N, D));
}

[[maybe_unused]] const bool listed = [] {
  enlist(5, 1, etgrad_impl, "BM_chain_n4096/etgrad/depth1", run<1>, benchmark::kNanosecond);
  enlist(5, 4, etgrad_impl, "BM_chain_n4096/etgrad/depth4", run<4>, benchmark::kNanosecond);
  enlist(5, 8, etgrad_impl, "BM_chain_n4096/etgrad/depth8", run<8>, benchmark::kNanosecond);
  enlist(5, 16, etgrad_impl, "BM_chain_n4096/etgrad/depth16", run<16>, benchmark::kNanosecond);
  enlist(5, 32, etgrad_impl, "BM_chain_n4096/etgrad/depth32", run<32>, benchmark::kNanosecond);
  return true;
}();

}  // namespace
}  // namespace bench
