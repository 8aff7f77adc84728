// Reshape: row-major (C order) reshape; the element count must match. Free: a view.
//
//   eg::reshape<eg::shape<6>>(x)      // x: (2, 3)
//   eg::reshape<eg::shape<>>(s)       // s: (1, 1) -> a scalar
#pragma once

#include "../detail/fwd.hpp"
#include "../detail/node.hpp"

namespace etgrad {
namespace detail {

template <class S, class A>
struct reshape_node : node_base {
  using value_type = value_t<A>;
  using shape_type = S;
  using in_shape = shape_of<A>;
  static constexpr bool differentiable = A::differentiable;
  static constexpr bool is_leaf = false;
  static constexpr bool contiguous = A::contiguous;
  static constexpr bool lazy_broadcast = A::lazy_broadcast;
  static constexpr std::size_t arity = 1;

  A a;

  explicit reshape_node(A a_) : a(std::move(a_)) {}
  void prepare(epoch_t e) const { a.prepare(e); }
  auto lower() const {
    if constexpr (A::contiguous)
      return const_map<value_type, S>(a.data());
    else
      return a.lower().reshape(typename eigen_sizes<S>::type{});
  }
  const value_type* data() const { return a.data(); }
  template <std::size_t I>
  const A& child() const {
    return a;
  }
  // Reshape: G -> reshape(G, input shape)
  template <std::size_t I, class G>
  auto backward(const G& g) const {
    return make_reshape<in_shape>(g);
  }
};

template <class A>
struct is_reshape : std::false_type {};
template <class S, class A>
struct is_reshape<reshape_node<S, A>> : std::true_type {};

template <class S, class A>
auto make_reshape(A a) {
  if constexpr (std::is_same_v<S, shape_of<A>>)
    return a;
  else if constexpr (is_ones<A>::value)
    return ones_node<value_t<A>, S>{};
  else if constexpr (is_reshape<A>::value)
    return make_reshape<S>(std::move(a.a));  // reshape(reshape(x)) = reshape(x)
  else
    return reshape_node<S, A>(std::move(a));
}

template <bool Skip, class From, class To>
constexpr bool check_reshape() {
  if constexpr (Skip) {
    return false;
  } else {
    static_assert(is_shape<To>::value, "etgrad: reshape: the target must be eg::shape<...>");
    static_assert(!has_zero(To::dims), "etgrad: reshape: the target shape To has a zero dimension");
    static_assert(
        has_zero(To::dims) || From::size == To::size,
        "etgrad: reshape: the element counts of From and To differ; a reshape keeps every "
        "element (the products of the dimensions must be equal)");
    return !has_zero(To::dims) && From::size == To::size;
  }
}

}  // namespace detail

template <class S, class A, std::enable_if_t<detail::is_expression_v<A>, int> = 0>
auto reshape(A&& a) {
  constexpr bool ok = detail::check_reshape<detail::poisoned<A>, detail::shape_of<A>, S>();
  if constexpr (ok)
    return detail::make_reshape<S>(detail::as_node(std::forward<A>(a)));
  else
    return detail::invalid_node{};
}

}  // namespace etgrad
