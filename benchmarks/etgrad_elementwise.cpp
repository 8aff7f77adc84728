// etgrad side of cases 1 and 2 (elementwise with a full reduction; a broadcast add reduced over
// axis 1), each through its compile_grad object: forward and backward, every leaf's gradient.
#include "etgrad_support.hpp"

namespace bench {
namespace {

// 1. loss = sum(exp(x) * w)
template <std::size_t N>
void sum_exp_mul(benchmark::State& state) {
  eg::variable<float, eg::shape<N>> x, w;
  fill_uniform(x.data(), N, data::x, -1, 1);
  fill_uniform(w.data(), N, data::w, 0, 1);
  auto loss = eg::sum(eg::exp(x) * w);
  auto step = eg::compile_grad(loss, x, w);
  run_program(state, step, "sum_exp_mul/" + std::to_string(N), make_sum_exp_mul(N));
}

// 2. loss = sum(sum<1>(X + b)), b broadcast along the rows of X
template <std::size_t R, std::size_t C>
void sum_axis(benchmark::State& state) {
  eg::variable<float, eg::shape<R, C>> X;
  eg::variable<float, eg::shape<C>> b;
  fill_uniform(X.data(), R * C, data::X, 0, 1);
  fill_uniform(b.data(), C, data::b, 0, 1);
  auto loss = eg::sum(eg::sum<1>(X + b));
  auto step = eg::compile_grad(loss, X, b);
  run_program(state, step, "sum_axis1/" + std::to_string(R) + "x" + std::to_string(C),
              make_sum_axis(R, C));
}

[[maybe_unused]] const bool listed = [] {
  enlist(1, 0, etgrad_impl, "BM_sum_exp_mul/etgrad/16", sum_exp_mul<16>, benchmark::kNanosecond);
  enlist(1, 1, etgrad_impl, "BM_sum_exp_mul/etgrad/1024", sum_exp_mul<1024>, benchmark::kNanosecond);
  enlist(1, 2, etgrad_impl, "BM_sum_exp_mul/etgrad/1000000", sum_exp_mul<1000000>);
  enlist(2, 0, etgrad_impl, "BM_sum_axis1/etgrad/64x64", sum_axis<64, 64>);
  enlist(2, 1, etgrad_impl, "BM_sum_axis1/etgrad/1024x1024", sum_axis<1024, 1024>);
  return true;
}();

}  // namespace
}  // namespace bench
