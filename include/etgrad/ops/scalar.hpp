// AddScalar, MulScalar, DivScalar, PowerScalar and the reversed forms s - a, s / a: an
// expression combined with a plain arithmetic scalar.
//
//   auto y = 2 * x + 1;   auto z = eg::pow(x, 3);   auto r = 1 / x;
#pragma once

#include "../detail/fwd.hpp"
#include "../detail/node.hpp"

namespace etgrad {
namespace detail {

struct add_scalar_op {
  template <class L, class T>
  static auto apply(const L& l, T s) {
    return l + s;
  }
  // d(a+s) = G
  template <class G, class A, class T, class Self>
  static auto grad(const G& g, const A&, T, const Self&) {
    return g;
  }
};
struct rsub_scalar_op {
  template <class L, class T>
  static auto apply(const L& l, T s) {
    return l.unaryExpr(Eigen::internal::bind1st_op<Eigen::internal::scalar_difference_op<T, T>>(s));
  }
  // d(s-a) = -G
  template <class G, class A, class T, class Self>
  static auto grad(const G& g, const A&, T, const Self&) {
    return make_unary<negate_op>(g);
  }
};
struct mul_scalar_op {
  template <class L, class T>
  static auto apply(const L& l, T s) {
    return l * s;
  }
  // d(a*s) = G*s
  template <class G, class A, class T, class Self>
  static auto grad(const G& g, const A&, T s, const Self&) {
    return make_scalar<mul_scalar_op>(g, s);
  }
};
struct div_scalar_op {
  template <class L, class T>
  static auto apply(const L& l, T s) {
    return l / s;
  }
  // d(a/s) = G/s
  template <class G, class A, class T, class Self>
  static auto grad(const G& g, const A&, T s, const Self&) {
    return make_scalar<div_scalar_op>(g, s);
  }
};
struct rdiv_scalar_op {
  template <class L, class T>
  static auto apply(const L& l, T s) {
    return l.unaryExpr(Eigen::internal::bind1st_op<Eigen::internal::scalar_quotient_op<T, T>>(s));
  }
  // d(s/a) = -G*(s/a)/a
  template <class G, class A, class T, class Self>
  static auto grad(const G& g, const A& a, T, const Self& self) {
    return make_unary<negate_op>(make_binary<divide_op>(make_mul(g, self), a));
  }
};
struct pow_scalar_op {
  template <class L, class T>
  static auto apply(const L& l, T s) {
    return l.pow(s);
  }
  // d(a^s) = G * s * a^(s-1); for s == 0 the exponent is taken as 0, so the derivative is
  // 0 * a^0 = 0 everywhere, also at a = 0 (API.md), instead of 0 * 0^-1 = NaN.
  template <class G, class A, class T, class Self>
  static auto grad(const G& g, const A& a, T s, const Self&) {
    const T e = s == T(0) ? T(0) : s - T(1);
    return make_mul(g, make_scalar<mul_scalar_op>(make_scalar<pow_scalar_op>(a, e), s));
  }
};

template <class Op, class A>
struct scalar_node : node_base {
  using value_type = value_t<A>;
  using shape_type = shape_of<A>;
  static constexpr bool differentiable = A::differentiable;
  static constexpr bool is_leaf = false;
  static constexpr bool contiguous = false;
  static constexpr bool lazy_broadcast = A::lazy_broadcast;
  static constexpr std::size_t arity = 1;

  A a;
  value_type s;

  scalar_node(A a_, value_type s_) : a(std::move(a_)), s(s_) {}
  void prepare(epoch_t e) const { a.prepare(e); }
  auto lower() const { return Op::apply(a.lower(), s); }
  template <std::size_t I>
  const A& child() const {
    return a;
  }
  template <std::size_t I, class G>
  auto backward(const G& g) const {
    return Op::grad(g, a, s, *this);
  }
};

template <class Op, class A, class T>
auto make_scalar(A a, T s) {
  return scalar_node<Op, A>(std::move(a), static_cast<value_t<A>>(s));
}

// An expression with a scalar; a poisoned operand (from an earlier error) stays quiet.
template <class Op, class A, class S>
auto scalar_operand(A&& a, S s) {
  if constexpr (poisoned<A>)
    return invalid_node{};
  else
    return make_scalar<Op>(as_node(std::forward<A>(a)), s);
}

template <class A, class S>
inline constexpr bool expression_and_scalar =
    is_expression_v<A>&& std::is_arithmetic_v<std::decay_t<S>>;

template <class A, class S, std::enable_if_t<expression_and_scalar<A, S>, int> = 0>
auto operator+(A&& a, S s) {
  return scalar_operand<add_scalar_op>(std::forward<A>(a), s);
}
template <class A, class S, std::enable_if_t<expression_and_scalar<A, S>, int> = 0>
auto operator+(S s, A&& a) {
  return scalar_operand<add_scalar_op>(std::forward<A>(a), s);
}
template <class A, class S, std::enable_if_t<expression_and_scalar<A, S>, int> = 0>
auto operator-(A&& a, S s) {
  return scalar_operand<add_scalar_op>(std::forward<A>(a), -static_cast<double>(s));
}
template <class A, class S, std::enable_if_t<expression_and_scalar<A, S>, int> = 0>
auto operator-(S s, A&& a) {
  return scalar_operand<rsub_scalar_op>(std::forward<A>(a), s);
}
template <class A, class S, std::enable_if_t<expression_and_scalar<A, S>, int> = 0>
auto operator*(A&& a, S s) {
  return scalar_operand<mul_scalar_op>(std::forward<A>(a), s);
}
template <class A, class S, std::enable_if_t<expression_and_scalar<A, S>, int> = 0>
auto operator*(S s, A&& a) {
  return scalar_operand<mul_scalar_op>(std::forward<A>(a), s);
}
template <class A, class S, std::enable_if_t<expression_and_scalar<A, S>, int> = 0>
auto operator/(A&& a, S s) {
  return scalar_operand<div_scalar_op>(std::forward<A>(a), s);
}
template <class A, class S, std::enable_if_t<expression_and_scalar<A, S>, int> = 0>
auto operator/(S s, A&& a) {
  return scalar_operand<rdiv_scalar_op>(std::forward<A>(a), s);
}

}  // namespace detail

// a^s elementwise (PowerScalar). An integral s works on negative bases: pow(x, 2) of -3 is 9.
template <class A, class S, std::enable_if_t<detail::expression_and_scalar<A, S>, int> = 0>
auto pow(A&& a, S s) {
  return detail::scalar_operand<detail::pow_scalar_op>(std::forward<A>(a), s);
}

}  // namespace etgrad
