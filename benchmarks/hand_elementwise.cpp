// Hand-written Eigen twins of cases 1 and 2: the same loss and gradients, the best code we can
// write, buffers allocated outside the timed loop.
#include <cmath>

#include "hand_packet.hpp"
#include "support.hpp"
#include "twins.hpp"

namespace bench {
namespace {

using namespace Eigen::internal;
using packet::P;
using packet::width;

// 1. loss = sum(exp(x) * w): one pass computes e = exp(x) once, stores gw = e and gx = e * w and
//    accumulates the loss from gx.
template <std::size_t N>
class sum_exp_mul final : public twin {
 public:
  sum_exp_mul() : x_(N), w_(N), gx_(N), gw_(N) {
    fill_uniform(x_.data(), N, data::x, -1, 1);
    fill_uniform(w_.data(), N, data::w, 0, 1);
  }
  void step() override {
    const float* x = x_.data();
    const float* w = w_.data();
    float* gx = gx_.data();
    float* gw = gw_.data();
    // U packets per iteration, each with its own accumulator (instruction-level parallelism)
    constexpr std::size_t U = 4;
    P acc[U];
    for (std::size_t u = 0; u < U; ++u) acc[u] = pset1<P>(0.0f);
    constexpr std::size_t body = N - N % (U * width);
    for (std::size_t i = 0; i < body; i += U * width) {
      for (std::size_t u = 0; u < U; ++u) {
        const std::size_t j = i + u * width;
        const P e = pexp(pload<P>(x + j));
        pstore(gw + j, e);
        const P m = pmul(e, pload<P>(w + j));
        pstore(gx + j, m);
        acc[u] = padd(acc[u], m);
      }
    }
    constexpr std::size_t packets = N - N % width;
    for (std::size_t j = body; j < packets; j += width) {
      const P e = pexp(pload<P>(x + j));
      pstore(gw + j, e);
      const P m = pmul(e, pload<P>(w + j));
      pstore(gx + j, m);
      acc[0] = padd(acc[0], m);
    }
    float s = predux(padd(padd(acc[0], acc[1]), padd(acc[2], acc[3])));
    for (std::size_t i = packets; i < N; ++i) {
      gw[i] = std::exp(x[i]);
      gx[i] = gw[i] * w[i];
      s += gx[i];
    }
    loss_ = s;
  }
  float loss() const override { return loss_; }
  const float* grad(std::size_t i) const override { return i == 0 ? gx_.data() : gw_.data(); }

 private:
  packet::buffer x_, w_, gx_, gw_;
  float loss_ = 0;
};

// 2. loss = sum(sum<1>(X + b)) = sum(X) + R * sum(b): one read of X; the gradients are constant
//    (dX = 1, db = R) and are written every step like any gradient.
template <std::size_t R, std::size_t C>
class sum_axis final : public twin {
 public:
  sum_axis() : x_(R * C), b_(C), gx_(R * C), gb_(C) {
    fill_uniform(x_.data(), R * C, data::X, 0, 1);
    fill_uniform(b_.data(), C, data::b, 0, 1);
  }
  void step() override {
    loss_ = x_.sum() + static_cast<float>(R) * b_.sum();
    gx_.setOnes();
    gb_.setConstant(static_cast<float>(R));
  }
  float loss() const override { return loss_; }
  const float* grad(std::size_t i) const override { return i == 0 ? gx_.data() : gb_.data(); }

 private:
  packet::buffer x_, b_, gx_, gb_;
  float loss_ = 0;
};

template <class Twin>
void run(benchmark::State& state) {
  run_twin<Twin>(state);
}

[[maybe_unused]] const bool listed = [] {
  enlist(1, 0, hand_impl, "BM_sum_exp_mul/hand/16", run<sum_exp_mul<16>>, benchmark::kNanosecond);
  enlist(1, 1, hand_impl, "BM_sum_exp_mul/hand/1024", run<sum_exp_mul<1024>>, benchmark::kNanosecond);
  enlist(1, 2, hand_impl, "BM_sum_exp_mul/hand/1000000", run<sum_exp_mul<1000000>>);
  enlist(2, 0, hand_impl, "BM_sum_axis1/hand/64x64", run<sum_axis<64, 64>>);
  enlist(2, 1, hand_impl, "BM_sum_axis1/hand/1024x1024", run<sum_axis<1024, 1024>>);
  return true;
}();

}  // namespace

std::unique_ptr<twin> make_sum_exp_mul(std::size_t n) {
  switch (n) {
    case 16: return std::make_unique<sum_exp_mul<16>>();
    case 1024: return std::make_unique<sum_exp_mul<1024>>();
    case 1000000: return std::make_unique<sum_exp_mul<1000000>>();
    default: return nullptr;
  }
}

std::unique_ptr<twin> make_sum_axis(std::size_t r, std::size_t c) {
  if (r == 64 && c == 64) return std::make_unique<sum_axis<64, 64>>();
  if (r == 1024 && c == 1024) return std::make_unique<sum_axis<1024, 1024>>();
  return nullptr;
}

}  // namespace bench
