// Hand-written twin of case 5, the deep elementwise chain: layer j = 1..D is y * 0.999 + 0.001
// for odd j and exp(-y) for even j; loss = sum(y_D). One pass over x: per packet the forward
// values the backward needs (the exp outputs) are kept in registers, then the backward product
// runs in reverse; four packets are interleaved for instruction-level parallelism. Cost grows linearly with depth (D / 2 exps per element).
#include <cmath>

#include "hand_packet.hpp"
#include "support.hpp"
#include "twins.hpp"

namespace bench {
namespace {

using namespace Eigen::internal;
using packet::P;
using packet::width;

constexpr float scale = 0.999f, shift = 0.001f;

template <std::size_t N, int D>
class chain final : public twin {
  static constexpr int exps = D / 2;

 public:
  chain() : x_(N), gx_(N) { fill_uniform(x_.data(), N, data::chain_x, 0, 1); }
  void step() override {
    const float* x = x_.data();
    float* gx = gx_.data();
    const P a = pset1<P>(scale), c = pset1<P>(shift);
    // U independent packets per iteration: the chain is one long dependency per element, so
    // interleaving several elements' chains keeps the FMA and exp pipelines busy.
    constexpr std::size_t U = 4;
    static_assert(N % (U * width) == 0, "chain: N must be a multiple of U packets");
    P acc[U];
    for (std::size_t u = 0; u < U; ++u) acc[u] = pset1<P>(0.0f);
    for (std::size_t i = 0; i < N; i += U * width) {
      P y[U];
      P kept[exps > 0 ? exps : 1][U];  // the forward values the backward needs
      for (std::size_t u = 0; u < U; ++u) y[u] = pload<P>(x + i + u * width);
      int k = 0;
      for (int j = 1; j <= D; ++j) {
        if (j % 2 == 1) {
          for (std::size_t u = 0; u < U; ++u) y[u] = pmadd(y[u], a, c);
        } else {
          for (std::size_t u = 0; u < U; ++u) kept[k][u] = y[u] = pexp(pnegate(y[u]));
          ++k;
        }
      }
      for (std::size_t u = 0; u < U; ++u) acc[u] = padd(acc[u], y[u]);
      // backward: dy_j/dy_{j-1} is 0.999 (odd j) or -exp(-y_{j-1}) = -y_j (even j)
      P g[U];
      for (std::size_t u = 0; u < U; ++u) g[u] = pset1<P>(1.0f);
      for (int j = D; j >= 1; --j) {
        if (j % 2 == 1) {
          for (std::size_t u = 0; u < U; ++u) g[u] = pmul(g[u], a);
        } else {
          --k;
          for (std::size_t u = 0; u < U; ++u) g[u] = pnegate(pmul(g[u], kept[k][u]));
        }
      }
      for (std::size_t u = 0; u < U; ++u) pstore(gx + i + u * width, g[u]);
    }
    loss_ = predux(padd(padd(acc[0], acc[1]), padd(acc[2], acc[3])));
  }
  float loss() const override { return loss_; }
  const float* grad(std::size_t) const override { return gx_.data(); }

 private:
  packet::buffer x_, gx_;
  float loss_ = 0;
};

template <int D>
void run(benchmark::State& state) {
  run_twin<chain<4096, D>>(state);
}

[[maybe_unused]] const bool listed = [] {
  enlist(5, 1, hand_impl, "BM_chain_n4096/hand/depth1", run<1>, benchmark::kNanosecond);
  enlist(5, 4, hand_impl, "BM_chain_n4096/hand/depth4", run<4>, benchmark::kNanosecond);
  enlist(5, 8, hand_impl, "BM_chain_n4096/hand/depth8", run<8>, benchmark::kNanosecond);
  enlist(5, 16, hand_impl, "BM_chain_n4096/hand/depth16", run<16>, benchmark::kNanosecond);
  enlist(5, 32, hand_impl, "BM_chain_n4096/hand/depth32", run<32>, benchmark::kNanosecond);
  return true;
}();

}  // namespace

std::unique_ptr<twin> make_chain(std::size_t n, int depth) {
  if (n != 4096) return nullptr;
  switch (depth) {
    case 1: return std::make_unique<chain<4096, 1>>();
    case 4: return std::make_unique<chain<4096, 4>>();
    case 8: return std::make_unique<chain<4096, 8>>();
    case 16: return std::make_unique<chain<4096, 16>>();
    case 32: return std::make_unique<chain<4096, 32>>();
    default: return nullptr;
  }
}

}  // namespace bench
