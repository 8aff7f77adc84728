// etgrad side of case 3, one training step of a two-layer network:
//   logits = matmul(relu(matmul(X, W1)), W2)
//   loss   = mean(logsumexp<1>(logits) - sum<1>(logits * Y)),  Y one-hot (constant)
// gradients for W1 and W2, through one compile_grad object.
#include "etgrad_support.hpp"

#include <cmath>

namespace bench {
namespace {

template <std::size_t B, std::size_t D, std::size_t H, std::size_t K>
void mlp(benchmark::State& state) {
  eg::constant<float, eg::shape<B, D>> X;
  eg::constant<float, eg::shape<B, K>> Y;
  eg::variable<float, eg::shape<D, H>> W1;
  eg::variable<float, eg::shape<H, K>> W2;
  fill_uniform(X.data(), B * D, data::mlp_x, 0, 1);
  const float r1 = std::sqrt(6.0f / (D + H)), r2 = std::sqrt(6.0f / (H + K));
  fill_uniform(W1.data(), D * H, data::mlp_w1, -r1, r1);
  fill_uniform(W2.data(), H * K, data::mlp_w2, -r2, r2);
  fill_one_hot(Y.data(), B, K);

  auto logits = eg::matmul(eg::relu(eg::matmul(X, W1)), W2);
  auto loss = eg::mean(eg::logsumexp<1>(logits) - eg::sum<1>(logits * Y));
  auto step = eg::compile_grad(loss, W1, W2);
  run_program(state, step,
              "mlp/" + std::to_string(B) + "x" + std::to_string(D) + "x" + std::to_string(H),
              make_mlp(B, D, H, K));
}

[[maybe_unused]] const bool listed = [] {
  enlist(3, 0, etgrad_impl, "BM_mlp/etgrad/64x784x100x10", mlp<64, 784, 100, 10>);
  enlist(3, 1, etgrad_impl, "BM_mlp/etgrad/256x784x500x10", mlp<256, 784, 500, 10>);
  return true;
}();

}  // namespace
}  // namespace bench
