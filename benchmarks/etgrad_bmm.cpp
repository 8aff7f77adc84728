// etgrad side of case 4, a batched matmul with a broadcast right operand:
//   loss = sum(matmul(A, B) * R),  A: (8, 64, 32), B: (32, 16), R: (8, 64, 16) constant
// (R random, so that neither gradient is trivial); gradients for A and B.
#include "etgrad_support.hpp"

namespace bench {
namespace {

void bmm(benchmark::State& state) {
  eg::variable<float, eg::shape<8, 64, 32>> A;
  eg::variable<float, eg::shape<32, 16>> B;
  eg::constant<float, eg::shape<8, 64, 16>> R;
  fill_uniform(A.data(), 8 * 64 * 32, data::bmm_a, -1, 1);
  fill_uniform(B.data(), 32 * 16, data::bmm_b, -1, 1);
  fill_uniform(R.data(), 8 * 64 * 16, data::bmm_r, -1, 1);
  auto loss = eg::sum(eg::matmul(A, B) * R);
  auto step = eg::compile_grad(loss, A, B);
  run_program(state, step, "bmm", make_bmm(8, 64, 32, 16));
}

[[maybe_unused]] const bool listed =
    enlist(4, 0, etgrad_impl, "BM_bmm/etgrad/8x64x32@32x16", bmm);

}  // namespace
}  // namespace bench
