// Summation over all axes, one axis or several (the axes are removed), and reduce_to, the
// "sum a broadcast gradient back to the operand's shape" used by every broadcasting op.
//
//   eg::sum(x)        // shape<>         eg::sum<1>(x)      // (2, 3, 4) -> (2, 4)
//   eg::sum<0, 2>(x)  // (2, 3, 4) -> (3,)
#pragma once

#include "../detail/fwd.hpp"
#include "../detail/node.hpp"

namespace etgrad {
namespace detail {

template <class A, std::size_t... Axes>
struct sum_node : node_base, materialized<value_t<A>, reduced_shape_t<shape_of<A>, Axes...>> {
  using value_type = value_t<A>;
  using in_shape = shape_of<A>;
  using shape_type = reduced_shape_t<in_shape, Axes...>;
  using kept_shape = kept_shape_t<in_shape, Axes...>;
  static constexpr bool differentiable = A::differentiable;
  static constexpr bool is_leaf = false;
  static constexpr std::size_t arity = 1;
  static constexpr bool full = sizeof...(Axes) == in_shape::rank;

  A a;
  // Eigen reduces a lazy broadcast 1.7-3x slower than a buffer (DESIGN.md): a partial sum
  // materialises it first. A full sum reads it in one pass (full_sum's own packet loop).
  static constexpr bool via_scratch = A::lazy_broadcast && !full;
  std::shared_ptr<cache<value_type, in_shape::size>> scratch =
      via_scratch ? make_cache<value_type, in_shape::size>() : nullptr;

  explicit sum_node(A a_) : a(std::move(a_)) {}

  template <class Src>
  void reduce_from(const Src& src) const {
    if constexpr (full)
      *this->out() = full_sum(src);
    else
      assign(this->out_map(), src.sum(index_list_t<values<Axes...>>{}));
  }
  void prepare(epoch_t e) const {
    if (this->computed(e)) return;
    a.prepare(e);
    if constexpr (via_scratch) {
      assign(mutable_map<value_type, in_shape>(scratch->data.get()), a.lower());
      reduce_from(const_map<value_type, in_shape>(scratch->data.get()));
    } else {
      reduce_from(a.lower());
    }
  }
  template <std::size_t I>
  const A& child() const {
    return a;
  }
  // Summation: G -> broadcast_to(reshape(G, shape with 1s at the summed axes), input shape)
  template <std::size_t I, class G>
  auto backward(const G& g) const {
    return make_broadcast_to<in_shape>(make_reshape<kept_shape>(g));
  }
};

template <class S, std::size_t... I>
values<I...> all_axes_impl(std::index_sequence<I...>);
template <class S>
using all_axes = decltype(all_axes_impl<S>(std::make_index_sequence<S::rank>{}));

template <class A>
struct is_sum_node : std::false_type {};
template <class A, std::size_t... Axes>
struct is_sum_node<sum_node<A, Axes...>> : std::true_type {};

template <std::size_t... Axes, class A>
auto make_sum(A a) {
  using S = shape_of<A>;
  if constexpr (sizeof...(Axes) == 0) {
    return a;
  } else if constexpr (sizeof...(Axes) == S::rank && is_sum_node<A>::value) {
    // The sum of all elements of a partial sum is the sum of all elements of its operand: one
    // reduction, not two (the partial sum's buffer is still computed where something else uses it).
    return make_sum_over<all_axes<shape_of<decltype(a.a)>>>(a.a);
  } else if constexpr (is_ones<A>::value) {
    // A sum of ones (a broadcast seed summed back) is the count of summed elements.
    constexpr std::size_t count = (std::size_t{1} * ... * S::dims[Axes]);
    return make_scalar<mul_scalar_op>(ones_node<value_t<A>, reduced_shape_t<S, Axes...>>{}, count);
  } else {
    return sum_node<A, Axes...>(std::move(a));
  }
}

template <class F, class A, std::size_t... I>
auto make_sum_over_impl(A a, std::index_sequence<I...>) {
  return make_sum<F::value[I]...>(std::move(a));
}
template <class F, class A>
auto make_sum_over(A a) {
  return make_sum_over_impl<F>(std::move(a), std::make_index_sequence<F::value.size()>{});
}


// Sum g over the axes that broadcasting S to g's shape created or stretched; reshape to S.
template <class S, class G>
auto reduce_to(G g) {
  using from = shape_of<G>;
  if constexpr (std::is_same_v<S, from>) {
    return g;
  } else {
    auto summed = make_sum_over<broadcast_axes<S, from>>(std::move(g));
    return make_reshape<S>(std::move(summed));
  }
}

// The axis checks of sum, mean and logsumexp: in range, each listed once.
#define ETGRAD_DETAIL_AXES_CHECK(NAME)                                                       \
  template <bool Skip, class S, std::size_t... Axes>                                         \
  constexpr bool check_##NAME() {                                                            \
    if constexpr (Skip) {                                                                    \
      return false;                                                                          \
    } else {                                                                                 \
      static_assert(axes_in_range<S::rank, Axes...>(),                                       \
                    "etgrad: " #NAME                                                         \
                    ": an axis is out of range for the operand's rank (axes are 0-based: a " \
                    "rank-R operand has axes 0 .. R-1)");                                    \
      static_assert(axes_unique<Axes...>(),                                                  \
                    "etgrad: " #NAME ": an axis is listed twice; list each axis once");      \
      return axes_in_range<S::rank, Axes...>() && axes_unique<Axes...>();                    \
    }                                                                                        \
  }
ETGRAD_DETAIL_AXES_CHECK(sum)
ETGRAD_DETAIL_AXES_CHECK(mean)
ETGRAD_DETAIL_AXES_CHECK(logsumexp)
#undef ETGRAD_DETAIL_AXES_CHECK

}  // namespace detail

// Sum over the listed axes, which are removed; with no axes, over all of them (a shape<> result).
template <std::size_t... Axes, class A, std::enable_if_t<detail::is_expression_v<A>, int> = 0>
auto sum(A&& a) {
  using S = detail::shape_of<A>;
  constexpr bool ok = detail::check_sum<detail::poisoned<A>, S, Axes...>();
  if constexpr (!ok)
    return detail::invalid_node{};
  else if constexpr (sizeof...(Axes) == 0)
    return detail::make_sum_over<detail::all_axes<S>>(detail::as_node(std::forward<A>(a)));
  else
    return detail::make_sum<Axes...>(detail::as_node(std::forward<A>(a)));
}

}  // namespace etgrad
