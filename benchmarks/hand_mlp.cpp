// Hand-written Eigen twin of case 3, one training step of a two-layer network:
//   logits = relu(X W1) W2,  loss = mean(logsumexp<1>(logits) - sum<1>(logits * Y))
// Four GEMMs through Eigen's Matrix product (row-major, .noalias(), no temporaries), the softmax
// cross-entropy and its gradient in one pass over the rows, the ReLU applied in place and its
// mask read back from the activations. All buffers are allocated in the constructor.
#include <Eigen/Core>
#include <cmath>

#include "support.hpp"
#include "twins.hpp"

namespace bench {
namespace {

using Mat = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

template <std::size_t B, std::size_t D, std::size_t H, std::size_t K>
class mlp final : public twin {
  using Logits = Eigen::Matrix<float, Eigen::Dynamic, static_cast<int>(K), Eigen::RowMajor>;
  using WOut = Eigen::Matrix<float, Eigen::Dynamic, static_cast<int>(K), Eigen::RowMajor>;

 public:
  mlp()
      : x_(B, D), w1_(D, H), w2_(H, K), y_(B, K), a1_(B, H), z_(B, K), dz_(B, K), da1_(B, H),
        gw1_(D, H), gw2_(H, K) {
    fill_uniform(x_.data(), B * D, data::mlp_x, 0, 1);
    const float r1 = std::sqrt(6.0f / (D + H)), r2 = std::sqrt(6.0f / (H + K));
    fill_uniform(w1_.data(), D * H, data::mlp_w1, -r1, r1);
    fill_uniform(w2_.data(), H * K, data::mlp_w2, -r2, r2);
    fill_one_hot(y_.data(), B, K);
  }

  void step() override {
    // forward
    a1_.noalias() = x_ * w1_;
    a1_ = a1_.cwiseMax(0.0f);  // relu in place; relu'(h) = [a1 > 0]
    z_.noalias() = a1_ * w2_;
    // softmax cross-entropy, its value and dZ = (softmax(z) - y) / B, row by row
    constexpr float inv_b = 1.0f / static_cast<float>(B);
    float total = 0;
    for (Eigen::Index r = 0; r < static_cast<Eigen::Index>(B); ++r) {
      const auto z = z_.row(r).array();
      const float m = z.maxCoeff();
      auto p = dz_.row(r).array();
      p = (z - m).exp();
      const float s = p.sum();
      total += m + std::log(s) - (z * y_.row(r).array()).sum();
      p = (p * (1.0f / s) - y_.row(r).array()) * inv_b;
    }
    loss_ = total * inv_b;
    // backward
    gw2_.noalias() = a1_.transpose() * dz_;
    da1_.noalias() = dz_ * w2_.transpose();
    da1_.array() = (a1_.array() > 0.0f).select(da1_.array(), 0.0f);
    gw1_.noalias() = x_.transpose() * da1_;
  }
  float loss() const override { return loss_; }
  const float* grad(std::size_t i) const override { return i == 0 ? gw1_.data() : gw2_.data(); }

 private:
  Mat x_, w1_;
  WOut w2_;
  Logits y_;
  Mat a1_;
  Logits z_, dz_;
  Mat da1_, gw1_;
  WOut gw2_;
  float loss_ = 0;
};

template <class Twin>
void run(benchmark::State& state) {
  run_twin<Twin>(state);
}

[[maybe_unused]] const bool listed = [] {
  enlist(3, 0, hand_impl, "BM_mlp/hand/64x784x100x10", run<mlp<64, 784, 100, 10>>);
  enlist(3, 1, hand_impl, "BM_mlp/hand/256x784x500x10", run<mlp<256, 784, 500, 10>>);
  return true;
}();

}  // namespace

std::unique_ptr<twin> make_mlp(std::size_t b, std::size_t d, std::size_t h, std::size_t k) {
  if (b == 64 && d == 784 && h == 100 && k == 10) return std::make_unique<mlp<64, 784, 100, 10>>();
  if (b == 256 && d == 784 && h == 500 && k == 10)
    return std::make_unique<mlp<256, 784, 500, 10>>();
  return nullptr;
}

}  // namespace bench
