// logsumexp over axes (removed), numerically stable: m + log(sum(exp(x - m))) with m the max
// over the axes (taken as 0 where it is not finite, so all -inf gives -inf, as in PyTorch).
// With no axes it reduces over all of them.
//
//   eg::logsumexp<1>(logits)   // (batch, classes) -> (batch,)
#pragma once

#include <cmath>
#include <limits>

#include "../detail/fwd.hpp"
#include "../detail/node.hpp"
#include "summation.hpp"

namespace etgrad {
namespace detail {

template <class A, std::size_t... Axes>
struct logsumexp_node : node_base, materialized<value_t<A>, reduced_shape_t<shape_of<A>, Axes...>> {
  using value_type = value_t<A>;
  using T = value_type;
  using in_shape = shape_of<A>;
  using shape_type = reduced_shape_t<in_shape, Axes...>;
  using kept_shape = kept_shape_t<in_shape, Axes...>;
  static constexpr bool differentiable = A::differentiable;
  static constexpr bool is_leaf = false;
  static constexpr std::size_t arity = 1;
  static constexpr bool full = sizeof...(Axes) == in_shape::rank;

  struct workspace {
    buffer_ptr<T> max = allocate_buffer<T>(shape_type::size);
    buffer_ptr<T> empty = allocate_buffer<T>(shape_type::size);  // 1 where every input is -inf
    buffer_ptr<T> input = A::contiguous ? nullptr : allocate_buffer<T>(in_shape::size);
    buffer_ptr<T> shifted = allocate_buffer<T>(in_shape::size);
  };

  A a;
  std::shared_ptr<workspace> work = std::make_shared<workspace>();

  explicit logsumexp_node(A a_) : a(std::move(a_)) {}

  template <class Src>
  static auto reduce_max(const Src& s) {
    if constexpr (full)
      return s.maximum();
    else
      return s.maximum(index_list_t<values<Axes...>>{});
  }
  template <class Src>
  static auto reduce_sum(const Src& s) {
    if constexpr (full)
      return s.sum();
    else
      return s.sum(index_list_t<values<Axes...>>{});
  }

  void prepare(epoch_t e) const {
    if (this->computed(e)) return;
    a.prepare(e);
    const T* in = materialize(a, work->input.get());
    auto x = const_map<T, in_shape>(in);
    T* m = work->max.get();
    assign(mutable_map<T, shape_type>(m), reduce_max(x));
    T* empty = work->empty.get();
    for (std::size_t i = 0; i < shape_type::size; ++i) {
      empty[i] = m[i] == -std::numeric_limits<T>::infinity() ? T(1) : T(0);
      if (!std::isfinite(m[i])) m[i] = T(0);
    }
    auto m_b = const_map<T, kept_shape>(m).broadcast(
        index_list_t<broadcast_factors<kept_shape, in_shape>>{});
    assign(mutable_map<T, in_shape>(work->shifted.get()), (x - m_b).exp());
    auto shifted = const_map<T, in_shape>(work->shifted.get());
    assign(this->out_map(), reduce_sum(shifted).log() + const_map<T, shape_type>(m));
    // Eigen's vectorised exp(-inf) is the smallest normal number, not 0: restore log(0) = -inf.
    T* out = this->out();
    for (std::size_t i = 0; i < shape_type::size; ++i)
      if (empty[i] != T(0)) out[i] = -std::numeric_limits<T>::infinity();
  }
  template <std::size_t I>
  const A& child() const {
    return a;
  }
  // logsumexp: G -> broadcast(G) * exp(x - broadcast(logsumexp(x)))   (softmax times G)
  template <std::size_t I, class G>
  auto backward(const G& g) const {
    auto g_b = make_broadcast_to<in_shape>(make_reshape<kept_shape>(g));
    auto self_b = make_broadcast_to<in_shape>(make_reshape<kept_shape>(*this));
    return make_mul(g_b, make_unary<exp_op>(make_binary<subtract_op>(a, self_b)));
  }
};

template <class A, std::size_t... Axes>
auto make_logsumexp(A a, values<Axes...>) {
  return logsumexp_node<A, Axes...>(std::move(a));
}

}  // namespace detail

template <std::size_t... Axes, class A, std::enable_if_t<detail::is_expression_v<A>, int> = 0>
auto logsumexp(A&& a) {
  using S = detail::shape_of<A>;
  constexpr bool ok = detail::check_logsumexp<detail::poisoned<A>, S, Axes...>();
  if constexpr (!ok)
    return detail::invalid_node{};
  else if constexpr (S::rank == 0)
    return detail::as_node(std::forward<A>(a));  // logsumexp of one value is that value
  else if constexpr (sizeof...(Axes) == 0)
    return detail::make_logsumexp(detail::as_node(std::forward<A>(a)), detail::all_axes<S>{});
  else
    return detail::make_logsumexp(detail::as_node(std::forward<A>(a)), detail::values<Axes...>{});
}

}  // namespace etgrad
