// libtorch side of every case (compiled only when CMake's find_package(Torch) found it): the
// same losses on the same data, float32, one thread, gradients through torch::autograd::grad
// (returned, not accumulated into .grad(), like etgrad).
//
// Run with OPENBLAS_CORETYPE set: Debian's libtorch calls OpenBLAS, which misdetects some CPUs and
// falls back to kernels 4.5x slower (DESIGN.md). Use OPENBLAS_CORETYPE=SkylakeX on AVX-512
// machines (the DESIGN.md reference machine); on AVX2-only CPUs such as AMD EPYC Zen 3, SkylakeX
// kernels would fault: use Haswell (or Zen). Also OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1.
#include <torch/torch.h>

#include <cmath>
#include <vector>

#include "support.hpp"
#include "twins.hpp"

namespace bench {
namespace {

torch::Tensor filled(std::vector<int64_t> sizes, std::uint64_t seed, float lo, float hi) {
  auto t = torch::empty(sizes, torch::TensorOptions().dtype(torch::kFloat32));
  fill_uniform(t.data_ptr<float>(), static_cast<std::size_t>(t.numel()), seed, lo, hi);
  return t;
}

// One forward + backward, gradients for `leaves`; the loss checked once against the hand twin.
template <class Loss>
void run_torch(benchmark::State& state, const std::string& key, std::vector<torch::Tensor> leaves,
               Loss&& make_loss, std::unique_ptr<twin> reference) {
  torch::set_num_threads(1);
  for (auto& l : leaves) l.requires_grad_(true);
  auto once = [&] {
    torch::Tensor loss = make_loss();
    auto grads = torch::autograd::grad({loss}, leaves);
    return std::make_pair(loss.item<float>(), std::move(grads));
  };
  std::pair<float, std::vector<torch::Tensor>> first = once();
  if (first_time("torch/" + key) && reference) {
    reference->step();
    std::string why;
    bool ok = close_scalar("loss", first.first, reference->loss(), 1e-3, why);
    for (std::size_t i = 0; ok && i < leaves.size(); ++i) {
      torch::Tensor g = first.second[i].contiguous();
      ok = close(("gradient " + std::to_string(i)).c_str(), g.data_ptr<float>(), reference->grad(i),
                 static_cast<std::size_t>(g.numel()), 1e-3, why);
    }
    if (!ok) {
      state.SkipWithError(("torch " + key + ": " + why).c_str());
      return;
    }
  }
  alloc_meter meter;
  for (auto _ : state) {
    auto r = once();
    benchmark::DoNotOptimize(r.first);
    benchmark::DoNotOptimize(r.second[0].data_ptr());
    benchmark::ClobberMemory();
  }
  meter.report(state);
}

template <int64_t N>
void sum_exp_mul(benchmark::State& state) {
  auto x = filled({N}, data::x, -1, 1);
  auto w = filled({N}, data::w, 0, 1);
  run_torch(state, "sum_exp_mul/" + std::to_string(N), {x, w},
            [&] { return (x.exp() * w).sum(); }, make_sum_exp_mul(N));
}

template <int64_t R, int64_t C>
void sum_axis(benchmark::State& state) {
  auto X = filled({R, C}, data::X, 0, 1);
  auto b = filled({C}, data::b, 0, 1);
  run_torch(state, "sum_axis1/" + std::to_string(R), {X, b},
            [&] { return (X + b).sum(1).sum(); }, make_sum_axis(R, C));
}

template <int64_t B, int64_t D, int64_t H, int64_t K>
void mlp(benchmark::State& state) {
  auto X = filled({B, D}, data::mlp_x, 0, 1);
  const float r1 = std::sqrt(6.0f / (D + H)), r2 = std::sqrt(6.0f / (H + K));
  auto W1 = filled({D, H}, data::mlp_w1, -r1, r1);
  auto W2 = filled({H, K}, data::mlp_w2, -r2, r2);
  auto Y = torch::empty({B, K}, torch::TensorOptions().dtype(torch::kFloat32));
  fill_one_hot(Y.data_ptr<float>(), B, K);
  run_torch(state, "mlp/" + std::to_string(B), {W1, W2},
            [&] {
              auto logits = torch::relu(X.mm(W1)).mm(W2);
              return (torch::logsumexp(logits, 1) - (logits * Y).sum(1)).mean();
            },
            make_mlp(B, D, H, K));
}

void bmm(benchmark::State& state) {
  auto A = filled({8, 64, 32}, data::bmm_a, -1, 1);
  auto B = filled({32, 16}, data::bmm_b, -1, 1);
  auto R = filled({8, 64, 16}, data::bmm_r, -1, 1);
  run_torch(state, "bmm", {A, B}, [&] { return (torch::matmul(A, B) * R).sum(); },
            make_bmm(8, 64, 32, 16));
}

template <int D>
void chain(benchmark::State& state) {
  auto x = filled({4096}, data::chain_x, 0, 1);
  run_torch(state, "chain/" + std::to_string(D), {x},
            [&] {
              torch::Tensor y = x;
              for (int j = 1; j <= D; ++j) y = j % 2 == 1 ? y * 0.999f + 0.001f : torch::exp(-y);
              return y.sum();
            },
            make_chain(4096, D));
}

[[maybe_unused]] const bool listed = [] {
  enlist(1, 0, torch_impl, "BM_sum_exp_mul/torch/16", sum_exp_mul<16>, benchmark::kNanosecond);
  enlist(1, 1, torch_impl, "BM_sum_exp_mul/torch/1024", sum_exp_mul<1024>, benchmark::kNanosecond);
  enlist(1, 2, torch_impl, "BM_sum_exp_mul/torch/1000000", sum_exp_mul<1000000>);
  enlist(2, 0, torch_impl, "BM_sum_axis1/torch/64x64", sum_axis<64, 64>);
  enlist(2, 1, torch_impl, "BM_sum_axis1/torch/1024x1024", sum_axis<1024, 1024>);
  enlist(3, 0, torch_impl, "BM_mlp/torch/64x784x100x10", mlp<64, 784, 100, 10>);
  enlist(3, 1, torch_impl, "BM_mlp/torch/256x784x500x10", mlp<256, 784, 500, 10>);
  enlist(4, 0, torch_impl, "BM_bmm/torch/8x64x32@32x16", bmm);
  enlist(5, 1, torch_impl, "BM_chain_n4096/torch/depth1", chain<1>, benchmark::kNanosecond);
  enlist(5, 4, torch_impl, "BM_chain_n4096/torch/depth4", chain<4>, benchmark::kNanosecond);
  enlist(5, 8, torch_impl, "BM_chain_n4096/torch/depth8", chain<8>, benchmark::kNanosecond);
  enlist(5, 16, torch_impl, "BM_chain_n4096/torch/depth16", chain<16>, benchmark::kNanosecond);
  enlist(5, 32, torch_impl, "BM_chain_n4096/torch/depth32", chain<32>, benchmark::kNanosecond);
  return true;
}();

}  // namespace
}  // namespace bench
