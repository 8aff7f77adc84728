// The hand-written Eigen twins, seen from the etgrad translation units: only to check once per
// case that both compute the same loss and gradients. The timed hand loops live in hand_*.cpp
// and call the concrete classes directly (no virtual call per step).
#pragma once

#include <cstddef>
#include <memory>

namespace bench {

class twin {
 public:
  virtual ~twin() = default;
  virtual void step() = 0;
  virtual float loss() const = 0;
  virtual const float* grad(std::size_t i) const = 0;  // in the order of the etgrad leaves
};

// 1. loss = sum(exp(x) * w), x, w: (n,)            grads: x, w
std::unique_ptr<twin> make_sum_exp_mul(std::size_t n);
// 2. loss = sum(sum<1>(X + b)), X: (r, c), b: (c,)  grads: X, b
std::unique_ptr<twin> make_sum_axis(std::size_t r, std::size_t c);
// 3. logits = relu(X W1) W2, loss = mean(logsumexp<1>(logits) - sum<1>(logits * Y))
//    X: (b, d), W1: (d, h), W2: (h, k), Y one-hot (b, k)        grads: W1, W2
std::unique_ptr<twin> make_mlp(std::size_t b, std::size_t d, std::size_t h, std::size_t k);
// 4. loss = sum(matmul(A, B) * R), A: (batch, m, k), B: (k, n), R: (batch, m, n)  grads: A, B
std::unique_ptr<twin> make_bmm(std::size_t batch, std::size_t m, std::size_t k, std::size_t n);
// 5. loss = sum(chain_depth(x)), x: (n,), layer j = 1..depth: odd j: y * 0.999 + 0.001,
//    even j: exp(-y)                                                grads: x
std::unique_ptr<twin> make_chain(std::size_t n, int depth);

}  // namespace bench
