// EWiseAdd, EWiseSub, EWiseMul, EWiseDiv, EWisePow: elementwise binary ops with numpy
// broadcasting. Gradients are summed back to each operand's exact shape (reduce_to).
//
//   auto y = x + b;          // x: (4, 3), b: (3,)  ->  y: (4, 3)
#pragma once

#include "../detail/fwd.hpp"
#include "../detail/node.hpp"

namespace etgrad {
namespace detail {

// Seed formulas, with G the output gradient and `self` the node's own value.
struct add_op {
  template <class L, class R>
  static auto apply(const L& l, const R& r) {
    return l + r;
  }
  // d(a+b) = G, G
  template <std::size_t I, class G, class A, class B, class Self>
  static auto grad(const G& g, const A&, const B&, const Self&) {
    return g;
  }
};
struct subtract_op {
  template <class L, class R>
  static auto apply(const L& l, const R& r) {
    return l - r;
  }
  // d(a-b) = G, -G
  template <std::size_t I, class G, class A, class B, class Self>
  static auto grad(const G& g, const A&, const B&, const Self&) {
    if constexpr (I == 0)
      return g;
    else
      return make_unary<negate_op>(g);
  }
};
struct multiply_op {
  template <class L, class R>
  static auto apply(const L& l, const R& r) {
    return l * r;
  }
  // d(a*b) = G*b, G*a
  template <std::size_t I, class G, class A, class B, class Self>
  static auto grad(const G& g, const A& a, const B& b, const Self&) {
    if constexpr (I == 0)
      return make_mul(g, b);
    else
      return make_mul(g, a);
  }
};
struct divide_op {
  template <class L, class R>
  static auto apply(const L& l, const R& r) {
    return l / r;
  }
  // d(a/b) = G/b, -G*(a/b)/b
  template <std::size_t I, class G, class A, class B, class Self>
  static auto grad(const G& g, const A&, const B& b, const Self& self) {
    if constexpr (I == 0)
      return make_binary<divide_op>(g, b);
    else
      return make_unary<negate_op>(make_binary<divide_op>(make_mul(g, self), b));
  }
};
struct pow_op {
  template <class L, class R>
  static auto apply(const L& l, const R& r) {
    return l.binaryExpr(r,
                        Eigen::internal::scalar_pow_op<typename L::Scalar, typename R::Scalar>());
  }
  // d(a^b)/da = G * b * a^(b-1), with the exponent b-1 replaced by 0 where b == 0 so that the
  //   derivative is 0 there (API.md), not 0 * a^-1 = NaN at a = 0.
  // d(a^b)/db = G * a^b * log(a), with log(a) replaced by log(1) = 0 where a == 0 (API.md).
  template <std::size_t I, class G, class A, class B, class Self>
  static auto grad(const G& g, const A& a, const B& b, const Self& self) {
    if constexpr (I == 0) {
      auto exponent =
          make_binary<add_op>(make_scalar<add_scalar_op>(b, -1.0), make_unary<is_zero_op>(b));
      return make_mul(g, make_mul(b, make_binary<pow_op>(a, exponent)));
    } else {
      auto safe_log = make_unary<log_op>(make_binary<add_op>(a, make_unary<is_zero_op>(a)));
      return make_mul(g, make_mul(self, safe_log));
    }
  }
};

template <class Op, class A, class B>
struct binary_node : node_base {
  using value_type = value_t<A>;
  using shape_type = broadcast_shape_t<shape_of<A>, shape_of<B>>;
  static constexpr bool differentiable = A::differentiable || B::differentiable;
  static constexpr bool is_leaf = false;
  static constexpr bool contiguous = false;
  static constexpr bool lazy_broadcast = A::lazy_broadcast || B::lazy_broadcast ||
                                         !std::is_same_v<shape_of<A>, shape_type> ||
                                         !std::is_same_v<shape_of<B>, shape_type>;
  static constexpr std::size_t arity = 2;

  A a;
  B b;

  binary_node(A a_, B b_) : a(std::move(a_)), b(std::move(b_)) {}
  void prepare(epoch_t e) const {
    a.prepare(e);
    b.prepare(e);
  }
  auto lower() const {
    return Op::apply(broadcast_lower<shape_type>(a), broadcast_lower<shape_type>(b));
  }
  template <std::size_t I>
  const auto& child() const {
    if constexpr (I == 0)
      return a;
    else
      return b;
  }
  template <std::size_t I, class G>
  auto backward(const G& g) const {
    if constexpr (I == 0)
      return reduce_to<shape_of<A>>(Op::template grad<0>(g, a, b, *this));
    else
      return reduce_to<shape_of<B>>(Op::template grad<1>(g, a, b, *this));
  }
};

template <class Op, class A, class B>
auto make_binary(A a, B b) {
  return binary_node<Op, A, B>(std::move(a), std::move(b));
}

// Multiplying by the seed's ones is a broadcast at most: keeps backward graphs lean.
template <class A, class B>
auto make_mul(A a, B b) {
  using out = broadcast_shape_t<shape_of<A>, shape_of<B>>;
  if constexpr (is_ones<A>::value)
    return make_broadcast_to<out>(std::move(b));
  else if constexpr (is_ones<B>::value)
    return make_broadcast_to<out>(std::move(a));
  else
    return make_binary<multiply_op>(std::move(a), std::move(b));
}

#define ETGRAD_DETAIL_BINARY_CHECK(NAME)                                                   \
  template <bool Skip, class TA, class TB, class SA, class SB>                             \
  constexpr bool check_##NAME() {                                                          \
    if constexpr (Skip) {                                                                  \
      return false;                                                                        \
    } else {                                                                               \
      static_assert(std::is_same_v<TA, TB>,                                                \
                    "etgrad: " #NAME                                                       \
                    ": operands have different element types; use one of float or double " \
                    "throughout an expression");                                           \
      static_assert(                                                                       \
          broadcastable<SA, SB>(),                                                         \
          "etgrad: " #NAME                                                                 \
          ": operand shapes SA and SB do not broadcast (numpy rules: align on the right; " \
          "each pair of axes must be equal or one of them 1); fix a shape or "             \
          "eg::reshape one operand");                                                      \
      return std::is_same_v<TA, TB> && broadcastable<SA, SB>();                            \
    }                                                                                      \
  }
ETGRAD_DETAIL_BINARY_CHECK(add)
ETGRAD_DETAIL_BINARY_CHECK(subtract)
ETGRAD_DETAIL_BINARY_CHECK(multiply)
ETGRAD_DETAIL_BINARY_CHECK(divide)
ETGRAD_DETAIL_BINARY_CHECK(pow)
#undef ETGRAD_DETAIL_BINARY_CHECK

template <class A, class B>
inline constexpr bool both_expressions = is_expression_v<A>&& is_expression_v<B>;

#define ETGRAD_DETAIL_BINARY_OPERATOR(SYMBOL, NAME)                                            \
  template <class A, class B, std::enable_if_t<both_expressions<A, B>, int> = 0>               \
  auto operator SYMBOL(A&& a, B&& b) {                                                         \
    constexpr bool ok =                                                                        \
        check_##NAME<poisoned<A, B>, value_t<A>, value_t<B>, shape_of<A>, shape_of<B>>();      \
    if constexpr (ok)                                                                          \
      return make_binary<NAME##_op>(as_node(std::forward<A>(a)), as_node(std::forward<B>(b))); \
    else                                                                                       \
      return invalid_node{};                                                                   \
  }
ETGRAD_DETAIL_BINARY_OPERATOR(+, add)
ETGRAD_DETAIL_BINARY_OPERATOR(-, subtract)
ETGRAD_DETAIL_BINARY_OPERATOR(*, multiply)
ETGRAD_DETAIL_BINARY_OPERATOR(/, divide)
#undef ETGRAD_DETAIL_BINARY_OPERATOR

}  // namespace detail

// Elementwise a^b with broadcasting (EWisePow). For a scalar exponent see ops/scalar.hpp.
template <class A, class B, std::enable_if_t<detail::both_expressions<A, B>, int> = 0>
auto pow(A&& a, B&& b) {
  constexpr bool ok =
      detail::check_pow<detail::poisoned<A, B>, detail::value_t<A>, detail::value_t<B>,
                        detail::shape_of<A>, detail::shape_of<B>>();
  if constexpr (ok)
    return detail::make_binary<detail::pow_op>(detail::as_node(std::forward<A>(a)),
                                               detail::as_node(std::forward<B>(b)));
  else
    return detail::invalid_node{};
}

}  // namespace etgrad
