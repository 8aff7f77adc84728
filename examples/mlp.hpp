// needle's two-layer network written with etgrad: logits = relu(X W1) W2, softmax cross-entropy
// loss = mean over the batch of logsumexp(logits) - logit of the true class, plain SGD.
// Batch size B and hidden width H are compile-time shapes.
#pragma once

#include <etgrad/etgrad.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>

namespace demo {

namespace eg = etgrad;

inline constexpr std::size_t features = 784;
inline constexpr std::size_t classes = 10;

struct batch_result {
  double loss;
  std::size_t errors;
};

template <std::size_t B, std::size_t H>
class mlp {
  using x_t = eg::constant<float, eg::shape<B, features>>;
  using y_t = eg::constant<float, eg::shape<B, classes>>;
  using w1_t = eg::variable<float, eg::shape<features, H>>;
  using w2_t = eg::variable<float, eg::shape<H, classes>>;

  static auto make_logits(const x_t& x, const w1_t& w1, const w2_t& w2) {
    return eg::matmul(eg::relu(eg::matmul(x, w1)), w2);
  }
  template <class Logits>
  static auto make_loss(const Logits& logits, const y_t& y) {
    return eg::mean(eg::logsumexp<1>(logits) - eg::sum<1>(logits * y));
  }
  using logits_t = decltype(make_logits(std::declval<const x_t&>(), std::declval<const w1_t&>(),
                                        std::declval<const w2_t&>()));
  using loss_t = decltype(make_loss(std::declval<const logits_t&>(), std::declval<const y_t&>()));
  using step_t = decltype(eg::compile_grad(
      std::declval<const loss_t&>(), std::declval<const w1_t&>(), std::declval<const w2_t&>()));

 public:
  static constexpr std::size_t batch = B;
  static constexpr std::size_t hidden = H;

  // He (Kaiming) initialisation for ReLU layers: W ~ N(0, 2 / fan_in), from a seeded generator.
  explicit mlp(std::uint32_t seed)
      : logits_(make_logits(x_, w1_, w2_)),
        loss_(make_loss(logits_, y_)),
        step_(eg::compile_grad(loss_, w1_, w2_)),
        forward_(eg::compile_eval(logits_)) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    const float s1 = std::sqrt(2.0f / float(features)), s2 = std::sqrt(2.0f / float(H));
    for (std::size_t i = 0; i < w1_t::size; ++i) w1_.data()[i] = s1 * normal(rng);
    for (std::size_t i = 0; i < w2_t::size; ++i) w2_.data()[i] = s2 * normal(rng);
  }
  mlp(const mlp&) = delete;
  mlp& operator=(const mlp&) = delete;

  // One SGD step on B images (row-major, 784 floats each) with their labels.
  batch_result train_step(const float* images, const std::uint8_t* labels, float lr) {
    load(images, labels, B);
    const auto& [loss, g1, g2] = step_();
    sgd(w1_.data(), g1.data(), w1_t::size, lr);
    sgd(w2_.data(), g2.data(), w2_t::size, lr);
    return {double(loss), count_errors(eg::last_value(logits_).data(), labels, B)};
  }

  // Misclassified images among the first n <= B (the rest of the batch is padding).
  std::size_t evaluate(const float* images, const std::uint8_t* labels, std::size_t n) {
    load(images, labels, n);
    return count_errors(forward_().data(), labels, n);
  }

  w1_t& w1() { return w1_; }
  w2_t& w2() { return w2_; }
  x_t& x() { return x_; }
  y_t& y() { return y_; }
  const loss_t& loss() const { return loss_; }

 private:
  void load(const float* images, const std::uint8_t* labels, std::size_t n) {
    std::memcpy(x_.data(), images, n * features * sizeof(float));
    std::fill(x_.data() + n * features, x_.data() + B * features, 0.0f);
    std::fill(y_.data(), y_.data() + B * classes, 0.0f);
    for (std::size_t i = 0; i < n; ++i) y_.data()[i * classes + labels[i]] = 1.0f;
  }
  static void sgd(float* w, const float* g, std::size_t n, float lr) {
    for (std::size_t i = 0; i < n; ++i) w[i] -= lr * g[i];
  }
  static std::size_t count_errors(const float* logits, const std::uint8_t* labels, std::size_t n) {
    std::size_t errors = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const float* row = logits + i * classes;
      const auto best = std::size_t(std::max_element(row, row + classes) - row);
      errors += best != labels[i];
    }
    return errors;
  }

  x_t x_;
  y_t y_;
  w1_t w1_;
  w2_t w2_;
  logits_t logits_;
  loss_t loss_;
  step_t step_;
  eg::compiled_eval<logits_t> forward_;
};

}  // namespace demo
