// Reverse mode at compile time. backprop() walks the expression type from the root, applying
// each node's backward rule to the incoming gradient expression; what reaches a variable leaf
// is a `contribution`: the leaf's address and a gradient expression of the leaf's shape. A leaf's
// gradient is the sum of the contributions that reach it (Boost.Hana holds these heterogeneous
// tuples). Which contributions belong to which user variable is decided by address when the
// gradient is built, never per step.
#pragma once

#include <boost/hana/at.hpp>
#include <boost/hana/filter.hpp>
#include <boost/hana/flatten.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/length.hpp>
#include <boost/hana/transform.hpp>
#include <boost/hana/tuple.hpp>
#include <tuple>

#include "detail/node.hpp"

namespace etgrad {
namespace detail {

namespace hana = boost::hana;

template <class Leaf, class E>
struct contribution {
  using leaf_type = Leaf;
  const void* leaf;
  bool active;  // false when it flows through a term of a nested gradient() that is unused
  E expr;
};

template <class N, class G>
auto backprop(const N& n, const G& g, bool active);

// A node may switch the gradient to some operands off at run time (only leaf_gradient_node does).
template <class N>
bool child_active(const N&, std::size_t) {
  return true;
}

template <std::size_t I, class N, class G>
auto backprop_child(const N& n, const G& g, bool active) {
  using C = std::decay_t<decltype(n.template child<I>())>;
  if constexpr (!C::differentiable)
    return hana::make_tuple();
  else
    return backprop(n.template child<I>(), n.template backward<I>(g), active && child_active(n, I));
}

template <class N, class G, std::size_t... I>
auto backprop_children(const N& n, const G& g, bool active, std::index_sequence<I...>) {
  return hana::flatten(hana::make_tuple(backprop_child<I>(n, g, active)...));
}

template <class N, class G>
auto backprop(const N& n, const G& g, bool active) {
  if constexpr (!N::differentiable)
    return hana::make_tuple();
  else if constexpr (N::is_leaf)
    return hana::make_tuple(contribution<typename N::leaf_type, G>{n.address(), active, g});
  else
    return backprop_children(n, g, active, std::make_index_sequence<N::arity>{});
}

// The contributions that can reach variable `v`: same leaf type at compile time, same address
// at run time.
template <class V, class Contributions>
auto terms_for(const Contributions& all, const V& v) {
  auto same_type = hana::filter(all, [](const auto& c) {
    return hana::bool_c<std::is_same_v<typename std::decay_t<decltype(c)>::leaf_type, V>>;
  });
  return hana::transform(same_type, [&v](auto c) {
    c.active = c.active && c.leaf == static_cast<const void*>(&v);
    return c;
  });
}

// dst = sum of the active terms (zeros when none): one fused Eigen loop per term.
template <class T, class S, class Terms>
void accumulate_terms(const Terms& terms, T* dst, epoch_t e) {
  bool first = true;
  const auto out = mutable_map<T, S>(dst);
  hana::for_each(terms, [&](const auto& c) {
    if (!c.active) return;
    c.expr.prepare(e);
    if (first)
      assign(out, c.expr.lower());
    else
      add_assign(out, c.expr.lower());
    first = false;
  });
  if (first)
    for (std::size_t i = 0; i < S::size; ++i) dst[i] = T(0);
}

// eg::gradient(loss, x): the gradient of loss with respect to x as an expression, itself
// differentiable (its operands are the contributions; the gradient flows to the active ones).
template <class Leaf, class Terms>
struct leaf_gradient_node : node_base,
                            materialized<typename Leaf::value_type, typename Leaf::shape_type> {
  using value_type = typename Leaf::value_type;
  using shape_type = typename Leaf::shape_type;
  static constexpr std::size_t arity = decltype(hana::length(std::declval<Terms>()))::value;
  template <std::size_t... I>
  static constexpr bool any_differentiable(std::index_sequence<I...>) {
    return (std::decay_t<decltype(hana::at_c<I>(std::declval<Terms>()).expr)>::differentiable ||
            ... || false);
  }
  static constexpr bool differentiable = any_differentiable(std::make_index_sequence<arity>{});
  static constexpr bool is_leaf = false;

  Terms terms;

  explicit leaf_gradient_node(Terms t) : terms(std::move(t)) {}
  void prepare(epoch_t e) const {
    if (this->computed(e)) return;
    accumulate_terms<value_type, shape_type>(terms, this->out(), e);
  }
  template <std::size_t I>
  const auto& child() const { return hana::at_c<I>(terms).expr; }
  bool active(std::size_t i) const {
    bool result = false;
    std::size_t k = 0;
    hana::for_each(terms, [&](const auto& c) { result = k++ == i ? c.active : result; });
    return result;
  }
  // A sum of terms: G flows unchanged to each (active) term.
  template <std::size_t I, class G>
  auto backward(const G& g) const { return g; }
};

template <class Leaf, class Terms>
bool child_active(const leaf_gradient_node<Leaf, Terms>& n, std::size_t i) {
  return n.active(i);
}

template <class N>
value_t<N> read_scalar(const N& n) {
  if constexpr (N::contiguous) {
    return *n.data();
  } else {
    value_t<N> v{};
    assign(mutable_map<value_t<N>, shape<>>(&v), n.lower());
    return v;
  }
}

template <class T, std::size_t... D>
result_t<T, shape<D...>> make_result(shape<D...>) {
  if constexpr (sizeof...(D) == 0)
    return result_t<T, shape<>>();
  else
    return result_t<T, shape<D...>>(static_cast<index_t>(D)...);
}

}  // namespace detail
}  // namespace etgrad
