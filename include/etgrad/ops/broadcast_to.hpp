// BroadcastTo: numpy broadcast_to a full target shape (axes aligned on the right; new leading
// axes and size-1 axes stretch). Lazy: Eigen fuses it into the consumer's loop.
//
//   eg::broadcast_to<eg::shape<2, 3>>(b)   // b: (3,) or (1, 3) or (2, 1) or shape<>
#pragma once

#include "../detail/fwd.hpp"
#include "../detail/node.hpp"

namespace etgrad {
namespace detail {

template <class S, class A>
struct broadcast_to_node : node_base {
  using value_type = value_t<A>;
  using shape_type = S;
  using in_shape = shape_of<A>;
  static constexpr bool differentiable = A::differentiable;
  static constexpr bool is_leaf = false;
  static constexpr bool contiguous = false;
  static constexpr bool lazy_broadcast = true;
  static constexpr std::size_t arity = 1;

  A a;

  explicit broadcast_to_node(A a_) : a(std::move(a_)) {}
  void prepare(epoch_t e) const { a.prepare(e); }
  auto lower() const { return broadcast_lower<S>(a); }
  template <std::size_t I>
  const A& child() const {
    return a;
  }
  // BroadcastTo: G -> reshape(summation(G, broadcast axes), input shape), axes aligned right.
  template <std::size_t I, class G>
  auto backward(const G& g) const {
    return reduce_to<in_shape>(g);
  }
};

template <class S, class A>
auto make_broadcast_to(A a) {
  if constexpr (std::is_same_v<S, shape_of<A>>)
    return a;
  else if constexpr (is_ones<A>::value)
    return ones_node<value_t<A>, S>{};
  else
    return broadcast_to_node<S, A>(std::move(a));
}

template <bool Skip, class From, class To>
constexpr bool check_broadcast_to() {
  if constexpr (Skip) {
    return false;
  } else {
    static_assert(is_shape<To>::value, "etgrad: broadcast_to: the target must be eg::shape<...>");
    static_assert(From::rank <= To::rank,
                  "etgrad: broadcast_to: the target shape To has lower rank than the operand From; "
                  "broadcasting only adds axes (use eg::sum or eg::reshape to remove them)");
    static_assert(From::rank > To::rank || broadcasts_to<From, To>(),
                  "etgrad: broadcast_to: operand shape From does not broadcast to target To "
                  "(aligned on the right, each operand axis must equal the target's or be 1)");
    return broadcasts_to<From, To>();
  }
}

}  // namespace detail

template <class S, class A, std::enable_if_t<detail::is_expression_v<A>, int> = 0>
auto broadcast_to(A&& a) {
  constexpr bool ok = detail::check_broadcast_to<detail::poisoned<A>, detail::shape_of<A>, S>();
  if constexpr (ok)
    return detail::make_broadcast_to<S>(detail::as_node(std::forward<A>(a)));
  else
    return detail::invalid_node{};
}

}  // namespace etgrad
