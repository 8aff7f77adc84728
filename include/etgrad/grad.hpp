// The public entry points: eval, grad, vjp, value_and_grad, gradient, and compile_grad, the
// reusable form for training loops.
//
//   auto [gw, gb] = eg::grad(loss, w, b);         // owning Eigen tensors, one per leaf
//   auto step = eg::compile_grad(loss, w, b);     // built once
//   const auto& [l, gw2, gb2] = step();           // forward + backward, no heap allocation
#pragma once

#include <tuple>
#include <utility>

#include "autodiff.hpp"

namespace etgrad {
namespace detail {

// Is V a variable of element type T (true for what is not a variable: another check reports it)?
template <class T, class V>
constexpr bool same_element() {
  if constexpr (is_variable_v<V>)
    return std::is_same_v<value_t<V>, T>;
  else
    return true;
}

// Each check reports the first problem only, so one mistake gives one error message.
#define ETGRAD_DETAIL_GRAD_CHECK(NAME)                                                            \
  template <bool Skip, class L, class... V>                                                       \
  constexpr bool check_##NAME() {                                                                 \
    if constexpr (Skip) {                                                                         \
      return false;                                                                               \
    } else if constexpr (!is_expression_v<L>) {                                                   \
      static_assert(is_expression_v<L>, "etgrad: " #NAME                                          \
                                        ": the loss must be an etgrad expression or leaf, not a " \
                                        "plain number or another type");                          \
      return false;                                                                               \
    } else if constexpr (shape_of<L>::rank != 0) {                                                \
      static_assert(shape_of<L>::rank == 0,                                                       \
                    "etgrad: " #NAME                                                              \
                    ": the loss must be a scalar (shape<>); reduce it with eg::sum or eg::mean, " \
                    "or use eg::vjp with an output gradient");                                    \
      return false;                                                                               \
    } else if constexpr (!(is_variable_v<V> && ...)) {                                            \
      static_assert((is_variable_v<V> && ...),                                                    \
                    "etgrad: " #NAME                                                              \
                    ": gradients are taken with respect to eg::variable leaves only (not an "     \
                    "expression, not an eg::constant); pass the variable itself");                \
      return false;                                                                               \
    } else {                                                                                      \
      static_assert((same_element<value_t<L>, V>() && ...),                                       \
                    "etgrad: " #NAME                                                              \
                    ": a variable's element type differs from the loss's; use one of float or "   \
                    "double throughout");                                                         \
      return (same_element<value_t<L>, V>() && ...);                                              \
    }                                                                                             \
  }
ETGRAD_DETAIL_GRAD_CHECK(grad)
ETGRAD_DETAIL_GRAD_CHECK(value_and_grad)
ETGRAD_DETAIL_GRAD_CHECK(gradient)
ETGRAD_DETAIL_GRAD_CHECK(compile_grad)
#undef ETGRAD_DETAIL_GRAD_CHECK

template <bool Skip, class Out, class G, class... V>
constexpr bool check_vjp() {
  if constexpr (Skip) {
    return false;
  } else if constexpr (!is_expression_v<Out> || !is_expression_v<G>) {
    static_assert(is_expression_v<Out> && is_expression_v<G>,
                  "etgrad: vjp: the output and the output gradient G must be etgrad expressions "
                  "or leaves (use an eg::constant for G)");
    return false;
  } else if constexpr (!std::is_same_v<shape_of<Out>, shape_of<G>>) {
    static_assert(std::is_same_v<shape_of<Out>, shape_of<G>>,
                  "etgrad: vjp: the output gradient G must have exactly the output's shape Out");
    return false;
  } else if constexpr (!std::is_same_v<value_t<Out>, value_t<G>>) {
    static_assert(std::is_same_v<value_t<Out>, value_t<G>>,
                  "etgrad: vjp: the output gradient's element type differs from the output's; "
                  "use one of float or double throughout");
    return false;
  } else if constexpr (!(is_variable_v<V> && ...)) {
    static_assert((is_variable_v<V> && ...),
                  "etgrad: vjp: gradients are taken with respect to eg::variable leaves only (not "
                  "an expression, not an eg::constant); pass the variable itself");
    return false;
  } else {
    static_assert((same_element<value_t<Out>, V>() && ...),
                  "etgrad: vjp: a variable's element type differs from the output's; use one of "
                  "float or double throughout");
    return (same_element<value_t<Out>, V>() && ...);
  }
}

// Owns a copy of the forward graph (sharing its caches), the backward terms per leaf and the
// result tensors. Everything is allocated in the constructor.
template <bool WithValue, class Root, class TermsTuple, class... V>
class gradient_program {
  using T = value_t<Root>;

 public:
  using gradients_type = std::tuple<result_t<T, typename V::shape_type>...>;
  using result_type =
      std::conditional_t<WithValue, std::tuple<T, result_t<T, typename V::shape_type>...>,
                         gradients_type>;

  gradient_program(Root root, TermsTuple terms)
      : root_(std::move(root)), terms_(std::move(terms)), results_(initial()) {}

  // Forward and backward into the owned results; returns them (bind with const auto&).
  const result_type& operator()() {
    const epoch_t e = next_epoch();
    if constexpr (WithValue) {
      root_.prepare(e);
      std::get<0>(results_) = read_scalar(root_);
    }
    run(e, std::index_sequence_for<V...>{});
    return results_;
  }
  const result_type& results() const { return results_; }
  result_type release() { return std::move(results_); }

 private:
  static constexpr std::size_t offset = WithValue ? 1 : 0;
  static result_type initial() {
    if constexpr (WithValue)
      return result_type(T(0), make_result<T>(typename V::shape_type{})...);
    else
      return result_type(make_result<T>(typename V::shape_type{})...);
  }
  template <std::size_t... I>
  void run(epoch_t e, std::index_sequence<I...>) {
    (accumulate_terms<T, typename std::tuple_element_t<I, std::tuple<V...>>::shape_type>(
         std::get<I>(terms_), std::get<I + offset>(results_).data(), e),
     ...);
  }

  Root root_;
  TermsTuple terms_;
  result_type results_;
};

// What a failed grad() returns per leaf, so `auto [ga, gb] = ...` raises no second error.
template <class V>
using quiet_t = invalid_node;

// What a failed compile_grad() returns: called like the real program, it raises no second error.
template <class... V>
struct invalid_program {
  using result_type = std::tuple<invalid_node, quiet_t<V>...>;
  const result_type& operator()() const { return results_; }
  const result_type& results() const { return results_; }
  result_type release() const { return results_; }
  result_type results_;
};

template <bool WithValue, class Root, class Seed, class... V>
auto build_program(Root root, const Seed& seed, const V&... leaves) {
  auto all = backprop(root, seed, true);
  auto terms = std::make_tuple(terms_for(all, leaves)...);
  return gradient_program<WithValue, Root, decltype(terms), V...>(std::move(root),
                                                                  std::move(terms));
}

}  // namespace detail

// The value of an expression: an owning row-major Eigen tensor of its shape.
template <class E, std::enable_if_t<detail::is_expression_v<E>, int> = 0>
auto eval(const E& e) {
  if constexpr (detail::poisoned<E>) {
    return detail::invalid_node{};
  } else {
    using T = detail::value_t<E>;
    using S = detail::shape_of<E>;
    auto node = detail::as_node(e);
    node.prepare(detail::next_epoch());
    auto result = detail::make_result<T>(S{});
    detail::assign(detail::mutable_map<T, S>(result.data()), node.lower());
    return result;
  }
}

// A reusable forward evaluation: build once, call every step; operator() recomputes the value
// into a tensor the object owns and returns it (no heap allocation after construction).
template <class E>
class compiled_eval {
  using node_type = detail::node_t<const E&>;
  using T = detail::value_t<E>;
  using S = detail::shape_of<E>;

 public:
  explicit compiled_eval(const E& e)
      : node_(detail::as_node(e)), result_(detail::make_result<T>(S{})) {}
  const detail::result_t<T, S>& operator()() {
    node_.prepare(detail::next_epoch());
    detail::assign(detail::mutable_map<T, S>(result_.data()), node_.lower());
    return result_;
  }

 private:
  node_type node_;
  detail::result_t<T, S> result_;
};

template <class E, std::enable_if_t<detail::is_expression_v<E>, int> = 0>
auto compile_eval(const E& e) {
  return compiled_eval<E>(e);
}

// The value a buffer-owning node (matmul, sum, logsumexp, gradient()) got in the most recent
// evaluation that included it, e.g. the logits after a compile_grad step: a read-only Eigen view.
template <class E>
auto last_value(const E& e) {
  static_assert(detail::is_node_v<E> && std::decay_t<E>::contiguous && !std::decay_t<E>::is_leaf,
                "etgrad: last_value: only nodes that own a buffer (matmul, sum, logsumexp, "
                "gradient) keep their last value; use eg::eval or eg::compile_eval otherwise");
  return detail::const_map<detail::value_t<E>, detail::shape_of<E>>(e.data());
}

// A reusable gradient: build once from the loss and the variables, then call it every step.
// operator() returns a reference to std::tuple<T loss, gradient tensors...> that it owns.
template <class L, class... V>
auto compile_grad(const L& loss, const V&... leaves) {
  constexpr bool ok = detail::check_compile_grad<detail::poisoned<L, V...>, L, V...>();
  if constexpr (ok) {
    using T = detail::value_t<L>;
    return detail::build_program<true>(detail::as_node(loss), detail::ones_node<T, shape<>>{},
                                       leaves...);
  } else {
    return detail::invalid_program<V...>{};
  }
}

// Gradients of a scalar loss, one owning tensor per listed variable, always in a std::tuple.
template <class L, class... V>
auto grad(const L& loss, const V&... leaves) {
  constexpr bool ok = detail::check_grad<detail::poisoned<L, V...>, L, V...>();
  if constexpr (ok) {
    using T = detail::value_t<L>;
    auto program = detail::build_program<false>(detail::as_node(loss),
                                                detail::ones_node<T, shape<>>{}, leaves...);
    program();
    return program.release();
  } else {
    return std::tuple<detail::quiet_t<V>...>{};
  }
}

// The loss value followed by the gradients, in one flat tuple: auto [v, ga, gb] = ...
template <class L, class... V>
auto value_and_grad(const L& loss, const V&... leaves) {
  constexpr bool ok = detail::check_value_and_grad<detail::poisoned<L, V...>, L, V...>();
  if constexpr (ok) {
    using T = detail::value_t<L>;
    auto program = detail::build_program<true>(detail::as_node(loss),
                                               detail::ones_node<T, shape<>>{}, leaves...);
    program();
    return program.release();
  } else {
    return std::tuple<detail::invalid_node, detail::quiet_t<V>...>{};
  }
}

// Vector-Jacobian product: the gradients of sum(out * G) for an output of any shape.
template <class Out, class G, class... V>
auto vjp(const Out& out, const G& g, const V&... leaves) {
  constexpr bool ok = detail::check_vjp<detail::poisoned<Out, G, V...>, Out, G, V...>();
  if constexpr (ok) {
    auto program =
        detail::build_program<false>(detail::as_node(out), detail::as_node(g), leaves...);
    program();
    return program.release();
  } else {
    return std::tuple<detail::quiet_t<V>...>{};
  }
}

// The gradient of a scalar loss with respect to one variable, as a lazy expression: evaluate it,
// use it in further expressions, or differentiate it again (second derivatives).
template <class L, class V>
auto gradient(const L& loss, const V& leaf) {
  constexpr bool ok = detail::check_gradient<detail::poisoned<L, V>, L, V>();
  if constexpr (ok) {
    using T = detail::value_t<L>;
    auto all = detail::backprop(detail::as_node(loss), detail::ones_node<T, shape<>>{}, true);
    auto terms = detail::terms_for(all, leaf);
    return detail::leaf_gradient_node<V, decltype(terms)>(std::move(terms));
  } else {
    return detail::invalid_node{};
  }
}

}  // namespace etgrad
