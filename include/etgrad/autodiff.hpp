// Reverse mode at compile time. backprop() walks the expression type from the root, applying
// each node's backward rule to the incoming gradient expression; what reaches a variable leaf
// is a `contribution`: the leaf's address and a gradient expression of the leaf's shape. A leaf's
// gradient is the sum of the contributions that reach it (Boost.Hana holds these heterogeneous
// tuples). Which contributions belong to which user variable is decided by address when the
// gradient is built, never per step.
#pragma once

#include <algorithm>
#include <array>
#include <memory>
#include <boost/hana/append.hpp>
#include <boost/hana/at.hpp>
#include <boost/hana/concat.hpp>
#include <boost/hana/contains.hpp>
#include <boost/hana/filter.hpp>
#include <boost/hana/flatten.hpp>
#include <boost/hana/fold_left.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/length.hpp>
#include <boost/hana/not.hpp>
#include <boost/hana/size.hpp>
#include <boost/hana/transform.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/type.hpp>
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

// Buffer-owning nodes are junctions: the walk stops there and leaves a `pending` item, so that
// all the gradient flowing into one node (a subexpression used several times) is summed first and
// the node's backward rules run once, not once per use.
template <class N>
inline constexpr bool is_junction = std::is_base_of_v<materialized_tag, N>;

template <class N, class G>
struct pending {
  using node_type = N;
  const N* node;
  bool active;
  G expr;
  const void* identity() const { return node->store.get(); }
};

template <class X>
struct is_pending : std::false_type {};
template <class N, class G>
struct is_pending<pending<N, G>> : std::true_type {};

template <class N, std::size_t I>
using child_t = std::decay_t<decltype(std::declval<const N&>().template child<I>())>;

// Height of a node type: 0 for leaves, 1 + the highest operand. A node can only sit below nodes
// of greater height, so junctions are resolved from the highest down.
template <class N>
constexpr std::size_t height_of();
template <class N, std::size_t... I>
constexpr std::size_t height_impl(std::index_sequence<I...>) {
  return 1 + std::max({std::size_t{0}, height_of<child_t<N, I>>()...});
}
template <class N>
constexpr std::size_t height_of() {
  if constexpr (N::arity == 0)
    return 0;
  else
    return height_impl<N>(std::make_index_sequence<N::arity>{});
}

template <class N, class G>
auto collect(const N& n, const G& g, bool active);

// A node may switch the gradient to some operands off at run time (only leaf_gradient_node does).
template <class N>
bool child_active(const N&, std::size_t) {
  return true;
}

template <std::size_t I, class N, class G>
auto collect_child(const N& n, const G& g, bool active) {
  using C = child_t<N, I>;
  if constexpr (!C::differentiable) {
    return hana::make_tuple();
  } else {
    const C& c = n.template child<I>();
    auto gc = n.template backward<I>(g);
    const bool a = active && child_active(n, I);
    if constexpr (is_junction<C>)
      return hana::make_tuple(pending<C, decltype(gc)>{&c, a, std::move(gc)});
    else
      return collect(c, gc, a);
  }
}

template <class N, class G, std::size_t... I>
auto collect_children(const N& n, const G& g, bool active, std::index_sequence<I...>) {
  return hana::flatten(hana::make_tuple(collect_child<I>(n, g, active)...));
}

// Walks into n with output gradient g: contributions for leaves, pending items for junctions.
template <class N, class G>
auto collect(const N& n, const G& g, bool active) {
  if constexpr (!N::differentiable)
    return hana::make_tuple();
  else if constexpr (N::is_leaf)
    return hana::make_tuple(contribution<typename N::leaf_type, G>{n.address(), active, g});
  else
    return collect_children(n, g, active, std::make_index_sequence<N::arity>{});
}

template <class Leaf, class Terms>
struct leaf_gradient_node;

template <class Items>
struct max_pending_height;
template <class... X>
struct max_pending_height<hana::tuple<X...>> {
  template <class Y>
  static constexpr std::size_t height() {
    if constexpr (is_pending<Y>::value)
      return height_of<typename Y::node_type>();
    else
      return 0;
  }
  static constexpr std::size_t value = std::max({std::size_t{0}, height<X>()...});
};

template <class T, class S, class Exprs, std::size_t K>
struct gated_sum_node;

// Use I of a group: walked (if it is the first active use of its object) with the gated sum of
// the gradients of every use of the same object. All K walks share one tuple of the K gradient
// expressions and differ only in their gates, so a walk's gradient is a small object (a pointer
// and K flags) and the next level down holds K of those, not K copies of all K expressions.
template <std::size_t I, class N, class Exprs, std::size_t K>
auto merge_one(const N& node, const std::shared_ptr<const Exprs>& exprs,
               const std::array<const void*, K>& ids, const std::array<bool, K>& active) {
  bool first = true;
  for (std::size_t m = 0; m < I; ++m)
    if (active[m] && ids[m] == ids[I]) first = false;
  std::array<bool, K> on{};
  for (std::size_t j = 0; j < K; ++j) on[j] = active[j] && ids[j] == ids[I];
  gated_sum_node<value_t<N>, shape_of<N>, Exprs, K> total(exprs, on);
  return collect(node, total, active[I] && first);
}

template <class Group, std::size_t... I>
auto merge_all(const Group& group, std::index_sequence<I...>) {
  constexpr std::size_t k = sizeof...(I);
  std::array<const void*, k> ids{hana::at_c<I>(group).identity()...};
  std::array<bool, k> active{hana::at_c<I>(group).active...};
  auto tuple = hana::make_tuple(hana::at_c<I>(group).expr...);
  auto exprs = std::make_shared<const decltype(tuple)>(std::move(tuple));
  return hana::flatten(
      hana::make_tuple(merge_one<I>(*hana::at_c<I>(group).node, exprs, ids, active)...));
}

// Several uses of the node type N (same type; the same object or not, decided by address at run
// time): each distinct object is walked once with the sum of the gradients of all its uses.
template <class Group>
auto merge_uses(const Group& group) {
  constexpr std::size_t k = decltype(hana::length(group))::value;
  if constexpr (k == 1) {
    const auto& item = hana::at_c<0>(group);
    return collect(*item.node, item.expr, item.active);
  } else {
    return merge_all(group, std::make_index_sequence<k>{});
  }
}

template <class Items>
auto resolve(Items items) {
  constexpr std::size_t h = max_pending_height<Items>::value;
  if constexpr (h == 0) {
    return items;
  } else {
    auto at_h = [](const auto& x) {
      using X = std::decay_t<decltype(x)>;
      if constexpr (is_pending<X>::value)
        return hana::bool_c<height_of<typename X::node_type>() == h>;
      else
        return hana::false_c;
    };
    auto rest = hana::filter(items, [&](const auto& x) { return hana::not_(at_h(x)); });
    auto group = hana::filter(items, at_h);
    // One merge per node type at this height.
    auto types = hana::fold_left(group, hana::make_tuple(), [](auto acc, const auto& x) {
      auto t = hana::type_c<typename std::decay_t<decltype(x)>::node_type>;
      if constexpr (decltype(hana::contains(acc, t))::value)
        return acc;
      else
        return hana::append(acc, t);
    });
    auto expanded = hana::flatten(hana::transform(types, [&](auto t) {
      using N = typename decltype(t)::type;
      return merge_uses(hana::filter(group, [](const auto& x) {
        return hana::bool_c<std::is_same_v<typename std::decay_t<decltype(x)>::node_type, N>>;
      }));
    }));
    return resolve(hana::concat(rest, expanded));
  }
}

// All contributions of the root's gradient g to the leaves.
template <class N, class G>
auto backprop(const N& n, const G& g, bool active) {
  return resolve(collect(n, g, active));
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

template <class E, class T, class = void>
struct writes_into : std::false_type {};
template <class E, class T>
struct writes_into<E, T,
                   std::void_t<decltype(std::declval<const E&>().prepare_into(
                       epoch_t{}, static_cast<T*>(nullptr)))>> : std::true_type {};

// Projections from an item of a tuple of terms to its gradient expression: a contribution's
// expr (eg::gradient's terms, a leaf's result), or the item itself (a gated sum's terms).
struct expr_of_contribution {
  template <class C>
  const auto& operator()(const C& c) const {
    return c.expr;
  }
};
struct expr_itself {
  template <class X>
  const X& operator()(const X& x) const {
    return x;
  }
};

template <class Tuple, class Proj, std::size_t... I>
constexpr bool any_differentiable(std::index_sequence<I...>) {
  return (std::decay_t<decltype(Proj{}(hana::at_c<I>(std::declval<const Tuple&>())))>::
              differentiable ||
          ... || false);
}

// dst = sum of the terms for which on(j) holds (zeros when none): one fused Eigen loop per term.
// A first term that computes into a buffer of its own (a matmul) computes into dst instead.
template <class T, class S, class Proj, class Terms, class On>
void accumulate_into(const Terms& terms, On on, T* dst, epoch_t e) {
  bool first = true;
  std::size_t j = 0;
  const auto out = mutable_map<T, S>(dst);
  hana::for_each(terms, [&](const auto& item) {
    if (!on(j++, item)) return;
    const auto& x = Proj{}(item);
    using E = std::decay_t<decltype(x)>;
    if constexpr (writes_into<E, T>::value && std::is_same_v<shape_of<E>, S>) {
      if (first) {
        x.prepare_into(e, dst);
        first = false;
        return;
      }
    }
    x.prepare(e);
    if (first)
      assign(out, x.lower());
    else
      add_assign(out, x.lower());
    first = false;
  });
  if (first)
    for (std::size_t i = 0; i < S::size; ++i) dst[i] = T(0);
}

// dst = sum of the active contributions.
template <class T, class S, class Terms>
void accumulate_terms(const Terms& terms, T* dst, epoch_t e) {
  accumulate_into<T, S, expr_of_contribution>(
      terms, [](std::size_t, const auto& c) { return c.active; }, dst, e);
}

// eg::gradient(loss, x): the gradient of loss with respect to x as an expression, itself
// differentiable (its operands are the contributions; the gradient flows to the active ones).
template <class Leaf, class Terms>
struct leaf_gradient_node : node_base,
                            materialized<typename Leaf::value_type, typename Leaf::shape_type> {
  using value_type = typename Leaf::value_type;
  using shape_type = typename Leaf::shape_type;
  static constexpr std::size_t arity = decltype(hana::length(std::declval<Terms>()))::value;
  static constexpr bool differentiable =
      any_differentiable<Terms, expr_of_contribution>(std::make_index_sequence<arity>{});
  static constexpr bool is_leaf = false;

  Terms terms;

  explicit leaf_gradient_node(Terms t) : terms(std::move(t)) {}
  void prepare(epoch_t e) const {
    if (this->computed(e)) return;
    accumulate_terms<value_type, shape_type>(terms, this->out(), e);
  }
  template <std::size_t I>
  const auto& child() const {
    return hana::at_c<I>(terms).expr;
  }
  bool active(std::size_t i) const {
    bool result = false;
    std::size_t k = 0;
    hana::for_each(terms, [&](const auto& c) { result = k++ == i ? c.active : result; });
    return result;
  }
  // A sum of terms: G flows unchanged to each (active) term.
  template <std::size_t I, class G>
  auto backward(const G& g) const {
    return g;
  }
};

template <class Leaf, class Terms>
inline bool child_active(const leaf_gradient_node<Leaf, Terms>& n, std::size_t i) {
  return n.active(i);
}

// The sum of the gradients of the uses of one object, among the K uses of its node type (gates
// decided by address when the gradient is built). Copies share the terms and the buffer.
template <class T, class S, class Exprs, std::size_t K>
struct gated_sum_node : node_base, materialized<T, S> {
  using value_type = T;
  using shape_type = S;
  static constexpr std::size_t arity = K;
  static constexpr bool differentiable =
      any_differentiable<Exprs, expr_itself>(std::make_index_sequence<K>{});
  static constexpr bool is_leaf = false;

  std::shared_ptr<const Exprs> exprs;
  std::array<bool, K> on;

  gated_sum_node(std::shared_ptr<const Exprs> e, const std::array<bool, K>& gates)
      : exprs(std::move(e)), on(gates) {}
  void prepare(epoch_t e) const {
    if (this->computed(e)) return;
    accumulate_into<T, S, expr_itself>(
        *exprs, [this](std::size_t j, const auto&) { return on[j]; }, this->out(), e);
  }
  template <std::size_t I>
  const auto& child() const {
    return hana::at_c<I>(*exprs);
  }
  template <std::size_t I, class G>
  auto backward(const G& g) const {
    return g;
  }
};

template <class T, class S, class Exprs, std::size_t K>
inline bool child_active(const gated_sum_node<T, S, Exprs, K>& n, std::size_t i) {
  return n.on[i];
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
