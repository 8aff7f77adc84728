// Negate, Exp, Log, ReLU, and two indicator functions used inside backward rules
// (positive(x) = [x > 0], is_zero(x) = [x == 0]); indicators have zero derivative.
//
//   auto y = eg::relu(-x);   auto z = eg::log(eg::exp(x));
#pragma once

#include "../detail/fwd.hpp"
#include "../detail/node.hpp"

namespace etgrad {
namespace detail {

// [x > 0] and [x == 0] as 1 or 0, vectorised: the comparison mask ANDed with the bits of 1.0.
template <class T>
struct positive_functor {
  T operator()(const T& x) const { return x > T(0) ? T(1) : T(0); }
  template <class P>
  P packetOp(const P& x) const {
    using namespace Eigen::internal;
    return pand(pcmp_lt(pzero(x), x), pset1<P>(T(1)));
  }
};
template <class T>
struct is_zero_functor {
  T operator()(const T& x) const { return x == T(0) ? T(1) : T(0); }
  template <class P>
  P packetOp(const P& x) const {
    using namespace Eigen::internal;
    return pand(pcmp_eq(pzero(x), x), pset1<P>(T(1)));
  }
};

}  // namespace detail
}  // namespace etgrad

namespace Eigen::internal {
template <class T>
struct functor_traits<etgrad::detail::positive_functor<T>> {
  enum { Cost = 2, PacketAccess = true };
};
template <class T>
struct functor_traits<etgrad::detail::is_zero_functor<T>> {
  enum { Cost = 2, PacketAccess = true };
};
}  // namespace Eigen::internal

namespace etgrad {
namespace detail {

// stores_value: the node keeps its value in a buffer when it is differentiated, because its
// backward rule reads it (exp) or a matmul reads it twice (relu): computed once per evaluation.
struct negate_op {
  static constexpr bool stores_value = false;
  static constexpr bool differentiable = true;
  template <class L>
  static auto apply(const L& l) {
    return -l;
  }
  // d(-a) = -G
  template <class G, class A, class Self>
  static auto grad(const G& g, const A&, const Self&) {
    return make_unary<negate_op>(g);
  }
};
struct exp_op {
  static constexpr bool stores_value = true;
  static constexpr bool differentiable = true;
  template <class L>
  static auto apply(const L& l) {
    return l.exp();
  }
  // d(exp a) = G * exp(a)
  template <class G, class A, class Self>
  static auto grad(const G& g, const A&, const Self& self) {
    return make_mul(g, self);
  }
};
struct log_op {
  static constexpr bool stores_value = false;
  static constexpr bool differentiable = true;
  template <class L>
  static auto apply(const L& l) {
    return l.log();
  }
  // d(log a) = G / a
  template <class G, class A, class Self>
  static auto grad(const G& g, const A& a, const Self&) {
    return make_binary<divide_op>(g, a);
  }
};
struct relu_op {
  static constexpr bool stores_value = true;
  static constexpr bool differentiable = true;
  template <class L>
  static auto apply(const L& l) {
    return l.template cwiseMax<Eigen::PropagateNaN>(typename L::Scalar(0));
  }
  // d(relu a) = G * [a > 0]   (relu'(0) = 0, API.md)
  template <class G, class A, class Self>
  static auto grad(const G& g, const A& a, const Self&) {
    return make_mul(g, make_unary<positive_op>(a));
  }
};
struct positive_op {
  static constexpr bool stores_value = false;
  static constexpr bool differentiable = false;
  template <class L>
  static auto apply(const L& l) {
    return l.unaryExpr(positive_functor<typename L::Scalar>());
  }
};
struct is_zero_op {
  static constexpr bool stores_value = false;
  static constexpr bool differentiable = false;
  template <class L>
  static auto apply(const L& l) {
    return l.unaryExpr(is_zero_functor<typename L::Scalar>());
  }
};

struct no_store {};

template <class Op, class A>
inline constexpr bool stores_unary = Op::stores_value&& A::differentiable;

template <class Op, class A>
struct unary_node
    : node_base,
      std::conditional_t<stores_unary<Op, A>, materialized<value_t<A>, shape_of<A>>, no_store> {
  using value_type = value_t<A>;
  using shape_type = shape_of<A>;
  static constexpr bool stored = stores_unary<Op, A>;
  static constexpr bool differentiable = Op::differentiable && A::differentiable;
  static constexpr bool is_leaf = false;
  static constexpr bool contiguous = stored;
  static constexpr bool lazy_broadcast = !stored && A::lazy_broadcast;
  static constexpr std::size_t arity = 1;

  A a;

  explicit unary_node(A a_) : a(std::move(a_)) {}
  void prepare(epoch_t e) const {
    if constexpr (stored) {
      if (this->computed(e)) return;
      a.prepare(e);
      assign(this->out_map(), Op::apply(a.lower()));
    } else {
      a.prepare(e);
    }
  }
  auto lower() const {
    if constexpr (stored)
      return const_map<value_type, shape_type>(this->data());
    else
      return Op::apply(a.lower());
  }
  template <std::size_t I>
  const A& child() const {
    return a;
  }
  template <std::size_t I, class G>
  auto backward(const G& g) const {
    return Op::grad(g, a, *this);
  }
};

template <class Op, class A>
auto make_unary(A a) {
  return unary_node<Op, A>(std::move(a));
}

template <class A, std::enable_if_t<is_expression_v<A>, int> = 0>
auto operator-(A&& a) {
  return make_unary<negate_op>(as_node(std::forward<A>(a)));
}

}  // namespace detail

template <class A, std::enable_if_t<detail::is_expression_v<A>, int> = 0>
auto exp(A&& a) {
  return detail::make_unary<detail::exp_op>(detail::as_node(std::forward<A>(a)));
}
template <class A, std::enable_if_t<detail::is_expression_v<A>, int> = 0>
auto log(A&& a) {
  return detail::make_unary<detail::log_op>(detail::as_node(std::forward<A>(a)));
}
template <class A, std::enable_if_t<detail::is_expression_v<A>, int> = 0>
auto relu(A&& a) {
  return detail::make_unary<detail::relu_op>(detail::as_node(std::forward<A>(a)));
}

}  // namespace etgrad
