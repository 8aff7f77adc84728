// What every expression node is. A node is a small value type:
//
//   value_type, shape_type       element type and compile-time shape
//   differentiable               does a variable leaf sit below it (else backward is skipped)
//   contiguous                   after prepare(), data() points at its row-major elements
//   lazy_broadcast               its lowering contains a broadcast (reductions materialise it)
//   prepare(epoch)               computes the buffers of materialised nodes below and at it
//   lower()                      the Eigen tensor expression of its value (valid after prepare)
//   arity, child<I>()            its operands, for the autodiff walk
//   backward<I>(g)               the gradient flowing to operand I, as a new expression
//
// Nodes own their operands by value; a leaf is referenced when it was an lvalue and owned (shared)
// when it was an rvalue, so an expression built from temporaries stays valid.
#pragma once

#include <memory>
#include <type_traits>
#include <utility>

#include "../leaf.hpp"
#include "eigen.hpp"

namespace etgrad {
namespace detail {

struct node_base {};

template <class E>
inline constexpr bool is_node_v = std::is_base_of_v<node_base, std::decay_t<E>>;
template <class E>
inline constexpr bool is_expression_v = is_node_v<E> || is_leaf_v<E>;

// Leaves inside an expression. `address()` identifies the user's object for grad().
template <class Leaf>
struct leaf_node : node_base {
  using value_type = typename Leaf::value_type;
  using shape_type = typename Leaf::shape_type;
  using leaf_type = Leaf;
  static constexpr bool differentiable = Leaf::differentiable;
  static constexpr bool is_leaf = true;
  static constexpr bool contiguous = true;
  static constexpr bool lazy_broadcast = false;
  static constexpr std::size_t arity = 0;

  explicit leaf_node(const Leaf& l) : ptr(&l) {}
  explicit leaf_node(std::shared_ptr<const Leaf> l) : ptr(l.get()), owned(std::move(l)) {}

  const void* address() const { return ptr; }
  const value_type* data() const { return ptr->data(); }
  void prepare(epoch_t) const {}
  auto lower() const { return const_map<value_type, shape_type>(ptr->data()); }

  const Leaf* ptr;
  std::shared_ptr<const Leaf> owned;  // set when the expression owns an rvalue leaf
};

// A tensor of ones known at compile time: the seed of grad(), simplified away by the rules.
template <class T, class S>
struct ones_node : node_base {
  using value_type = T;
  using shape_type = S;
  static constexpr bool differentiable = false;
  static constexpr bool is_leaf = false;
  static constexpr bool contiguous = false;
  static constexpr bool lazy_broadcast = false;
  static constexpr std::size_t arity = 0;
  void prepare(epoch_t) const {}
  auto lower() const { return const_map<T, S>(nullptr).constant(T(1)); }
};

template <class E>
struct is_ones : std::false_type {};
template <class T, class S>
struct is_ones<ones_node<T, S>> : std::true_type {};

// Base of nodes whose value lives in a buffer (matmul, reductions): copies share the cache, so
// the forward value is computed once per evaluation however often backward rules refer to it.
struct materialized_tag {};
template <class T, class S>
struct materialized : materialized_tag {
  static constexpr bool contiguous = true;
  static constexpr bool lazy_broadcast = false;
  std::shared_ptr<cache<T, S::size>> store = make_cache<T, S::size>();

  const T* data() const { return store->data.get(); }
  T* out() const { return store->data.get(); }
  auto lower() const { return const_map<T, S>(store->data.get()); }
  map_t<T, S> out_map() const { return mutable_map<T, S>(store->data.get()); }
  bool has(epoch_t e) const { return store->epoch == e; }
  // True when this epoch's value is already there; otherwise claims the epoch.
  bool computed(epoch_t e) const {
    if (store->epoch == e) return true;
    store->epoch = e;
    return false;
  }
};

// as_node: the node that stands for a user's argument in an expression.
template <class E>
auto as_node(E&& e) {
  using D = std::decay_t<E>;
  if constexpr (is_leaf_v<D>) {
    if constexpr (std::is_lvalue_reference_v<E>)
      return leaf_node<D>(e);
    else
      return leaf_node<D>(std::shared_ptr<const D>(std::make_shared<D>(std::move(e))));
  } else {
    return D(std::forward<E>(e));
  }
}
template <class E>
using node_t = decltype(as_node(std::declval<E>()));

template <class E>
using value_t = typename std::decay_t<E>::value_type;
template <class E>
using shape_of = typename std::decay_t<E>::shape_type;

// Lower a node and broadcast it (numpy rules) to the shape Out; a no-op when shapes agree.
template <class Out, class N>
auto broadcast_lower(const N& n) {
  using In = typename N::shape_type;
  if constexpr (std::is_same_v<In, Out>) {
    return n.lower();
  } else if constexpr (In::rank == Out::rank) {
    // Built directly: when lower() is itself a TensorBroadcastingOp (a broadcast_to inside an
    // implicitly broadcast operand), its accessor broadcast() hides TensorBase::broadcast(b).
    using factors = index_list_t<broadcast_factors<In, Out>>;
    using lowered = decltype(n.lower());
    return Eigen::TensorBroadcastingOp<const factors, const lowered>(n.lower(), factors{});
  } else if constexpr (In::size == Out::size) {
    // Only leading 1s are added (every factor is 1): a reshape, no broadcasting evaluator.
    return n.lower().reshape(typename eigen_sizes<Out>::type{});
  } else {
    using padded = shape_from<padded_dims<In, Out>>;
    return n.lower()
        .reshape(typename eigen_sizes<padded>::type{})
        .broadcast(index_list_t<broadcast_factors<In, Out>>{});
  }
}

// The row-major elements of a prepared node: its own buffer, or `scratch` filled from lower().
template <class N>
const value_t<N>* materialize(const N& n, value_t<N>* scratch) {
  if constexpr (N::contiguous) {
    return n.data();
  } else {
    assign(mutable_map<value_t<N>, shape_of<N>>(scratch), n.lower());
    return scratch;
  }
}

// Returned in place of a node after a failed static_assert, so the user sees one error.
struct invalid_value {};
struct invalid_node : node_base {
  using value_type = invalid_value;
  using shape_type = shape<>;
  static constexpr bool differentiable = false;
  static constexpr bool is_leaf = false;
  static constexpr bool contiguous = false;
  static constexpr bool lazy_broadcast = false;
  static constexpr std::size_t arity = 0;
};

// An operand that came out of a failed check: later checks stay silent, so one mistake gives
// one error message.
template <class E, class = void>
struct is_poisoned : std::false_type {};
template <class E>
struct is_poisoned<E, std::void_t<typename std::decay_t<E>::value_type>>
    : std::is_same<typename std::decay_t<E>::value_type, invalid_value> {};
template <class... E>
inline constexpr bool poisoned = (is_poisoned<E>::value || ...);

}  // namespace detail
}  // namespace etgrad
