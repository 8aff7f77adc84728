// The bridge to Eigen's Tensor module: fixed-size row-major maps, compile-time index lists,
// owned buffers, and an assignment that never allocates.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <unsupported/Eigen/CXX11/Tensor>
#include <utility>

#include "../shape.hpp"

namespace etgrad {
namespace detail {

using index_t = Eigen::Index;

template <class S>
struct eigen_sizes;
template <std::size_t... D>
struct eigen_sizes<shape<D...>> {
  using type = Eigen::Sizes<static_cast<std::ptrdiff_t>(D)...>;
};

// A read-only, fixed-size, row-major view: what every node lowers to at its leaves.
template <class T, class S>
using const_map_t = Eigen::TensorMap<
    const Eigen::TensorFixedSize<T, typename eigen_sizes<S>::type, Eigen::RowMajor>>;
template <class T, class S>
using map_t =
    Eigen::TensorMap<Eigen::TensorFixedSize<T, typename eigen_sizes<S>::type, Eigen::RowMajor>>;
// What users hold: an owning, row-major, dynamically sized tensor (heap storage).
template <class T, class S>
using result_t = Eigen::Tensor<T, static_cast<int>(S::rank), Eigen::RowMajor>;

template <class Map, std::size_t... D>
Map make_map_impl(typename Map::StoragePointerType p, shape<D...>) {
  if constexpr (sizeof...(D) == 0)
    return Map(p);
  else
    return Map(p, static_cast<index_t>(D)...);
}
template <class T, class S>
const_map_t<T, S> const_map(const T* p) {
  return make_map_impl<const_map_t<T, S>>(p, S{});
}
template <class T, class S>
map_t<T, S> mutable_map(T* p) {
  return make_map_impl<map_t<T, S>>(p, S{});
}

// Compile-time index lists (Eigen::IndexList<type2index<...>>) from a constexpr array: Eigen
// specialises reductions and broadcasts on them (DESIGN.md: 5-7x faster than runtime axes).
template <class F, std::size_t... I>
Eigen::IndexList<Eigen::type2index<static_cast<index_t>(F::value[I])>...> index_list_impl(
    std::index_sequence<I...>);
template <class F>
using index_list_t = decltype(index_list_impl<F>(std::make_index_sequence<F::value.size()>{}));

template <std::size_t... V>
struct values {
  static constexpr std::array<std::size_t, sizeof...(V)> value{V...};
};

// Owned, aligned heap storage of N elements, allocated once, zero-initialised.
template <class T>
struct aligned_deleter {
  void operator()(T* p) const noexcept { Eigen::internal::aligned_free(p); }
};
template <class T>
using buffer_ptr = std::unique_ptr<T[], aligned_deleter<T>>;
template <class T>
buffer_ptr<T> allocate_buffer(std::size_t n) {
  T* p = static_cast<T*>(Eigen::internal::aligned_malloc(sizeof(T) * (n == 0 ? 1 : n)));
  for (std::size_t i = 0; i < n; ++i) p[i] = T(0);
  return buffer_ptr<T>(p);
}

// dst = expr, through Eigen's non-tiled executor: the tiled one allocates scratch on every call,
// and a training step must not touch the heap.
template <class Dst, class Expr>
void assign(Dst dst, const Expr& expr) {
  using assign_op = const Eigen::TensorAssignOp<Dst, const Expr>;
  assign_op op(dst, expr);
  using device = Eigen::DefaultDevice;
  constexpr bool vec = Eigen::internal::IsVectorizable<device, assign_op>::value;
  Eigen::internal::TensorExecutor<assign_op, device, vec,
                                  Eigen::internal::TiledEvaluation::Off>::run(op, device());
}
template <class Dst, class Expr>
void add_assign(Dst dst, const Expr& expr) {
  assign(dst, dst + expr);
}

// The sum of all elements of an Eigen tensor expression: one pass over its evaluator with four
// packet accumulators (Eigen's tensor full reduction keeps one, and runs at half the speed of
// Eigen Core's redux on a buffer), added up per block of 1024 packets' worth of elements, so
// float rounding grows like that of a blocked sum, not of one long running sum; then the tail.
template <class Expr>
typename Eigen::internal::traits<Expr>::Scalar full_sum(const Expr& expr) {
  namespace in = Eigen::internal;
  using T = typename in::traits<Expr>::Scalar;
  using device = Eigen::DefaultDevice;
  using evaluator = Eigen::TensorEvaluator<const Expr, device>;
  const device dev;
  evaluator ev(expr, dev);
  ev.evalSubExprsIfNeeded(nullptr);
  const index_t n = in::array_prod(ev.dimensions());
  index_t i = 0;
  T total = T(0);
  if constexpr (evaluator::PacketAccess) {
    using packet = typename in::packet_traits<T>::type;
    constexpr index_t w = in::packet_traits<T>::size;
    constexpr index_t block = 256 * 4 * w;
    const packet zero = in::pset1<packet>(T(0));
    packet acc = zero;
    while (i + 4 * w <= n) {
      const index_t end = std::min(n, i + block);
      packet s0 = zero, s1 = zero, s2 = zero, s3 = zero;
      for (; i + 4 * w <= end; i += 4 * w) {
        s0 = in::padd(s0, ev.template packet<Eigen::Unaligned>(i));
        s1 = in::padd(s1, ev.template packet<Eigen::Unaligned>(i + w));
        s2 = in::padd(s2, ev.template packet<Eigen::Unaligned>(i + 2 * w));
        s3 = in::padd(s3, ev.template packet<Eigen::Unaligned>(i + 3 * w));
      }
      acc = in::padd(acc, in::padd(in::padd(s0, s1), in::padd(s2, s3)));
    }
    for (; i + w <= n; i += w) acc = in::padd(acc, ev.template packet<Eigen::Unaligned>(i));
    total = in::predux(acc);
  }
  for (; i < n; ++i) total += ev.coeff(i);
  ev.cleanup();
  return total;
}

// Evaluation epochs: every top-level evaluation takes a fresh number; a materialised node
// computes its buffer at most once per epoch, so a forward value shared by the loss and its
// backward rules (copies of one node share one cache) is computed once.
using epoch_t = std::uint64_t;
inline epoch_t next_epoch() {
  static std::atomic<epoch_t> counter{0};
  return ++counter;
}

// The cache of a materialised node: its output buffer and the epoch it was last computed in.
template <class T, std::size_t N>
struct cache {
  buffer_ptr<T> data = allocate_buffer<T>(N);
  epoch_t epoch = 0;
};
template <class T, std::size_t N>
std::shared_ptr<cache<T, N>> make_cache() {
  return std::make_shared<cache<T, N>>();
}

}  // namespace detail
}  // namespace etgrad
