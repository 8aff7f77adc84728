// Hand-written Eigen twin of case 4, a batched matmul with a broadcast right operand:
//   loss = sum(matmul(A, B) * R),  A: (batch, m, k), B: (k, n), R: (batch, m, n) constant
// The batch is stacked into one (batch * m, k) GEMM per product:
//   C = A B,  gA = R B^T,  gB = A^T R   (transposes read in place by Eigen's GEMM)
#include <Eigen/Core>

#include "support.hpp"
#include "twins.hpp"

namespace bench {
namespace {

using Mat = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

template <std::size_t Batch, std::size_t M, std::size_t K, std::size_t N>
class bmm final : public twin {
  static constexpr std::size_t rows = Batch * M;

 public:
  bmm() : a_(rows, K), b_(K, N), r_(rows, N), c_(rows, N), ga_(rows, K), gb_(K, N) {
    fill_uniform(a_.data(), rows * K, data::bmm_a, -1, 1);
    fill_uniform(b_.data(), K * N, data::bmm_b, -1, 1);
    fill_uniform(r_.data(), rows * N, data::bmm_r, -1, 1);
  }
  void step() override {
    c_.noalias() = a_ * b_;
    loss_ = (c_.array() * r_.array()).sum();
    ga_.noalias() = r_ * b_.transpose();
    gb_.noalias() = a_.transpose() * r_;
  }
  float loss() const override { return loss_; }
  const float* grad(std::size_t i) const override { return i == 0 ? ga_.data() : gb_.data(); }

 private:
  Mat a_, b_, r_, c_, ga_, gb_;
  float loss_ = 0;
};

void run(benchmark::State& state) { run_twin<bmm<8, 64, 32, 16>>(state); }

[[maybe_unused]] const bool listed =
    enlist(4, 0, hand_impl, "BM_bmm/hand/8x64x32@32x16", run);

}  // namespace

std::unique_ptr<twin> make_bmm(std::size_t batch, std::size_t m, std::size_t k, std::size_t n) {
  if (batch == 8 && m == 64 && k == 32 && n == 16) return std::make_unique<bmm<8, 64, 32, 16>>();
  return nullptr;
}

}  // namespace bench
