// Transpose (swap two axes; default the last two) and permute (any axis permutation: result
// axis k is input axis p_k, like numpy.transpose(a, axes)). Lazy: an Eigen shuffle; a matmul
// operand that is the transpose of a buffer is read in place by the GEMM (ops/matmul.hpp).
//
//   eg::transpose(x)          // (2, 3, 4) -> (2, 4, 3)
//   eg::transpose<0, 2>(x)    // (2, 3, 4) -> (4, 3, 2)
//   eg::permute<2, 0, 1>(x)   // (2, 3, 4) -> (4, 2, 3)
#pragma once

#include "../detail/fwd.hpp"
#include "../detail/node.hpp"

namespace etgrad {
namespace detail {

template <class A, std::size_t... P>
struct permute_node : node_base {
  using value_type = value_t<A>;
  using in_shape = shape_of<A>;
  using shape_type = shape<in_shape::dims[P]...>;
  using inverse = inverse_permutation<P...>;
  static constexpr bool differentiable = A::differentiable;
  static constexpr bool is_leaf = false;
  static constexpr bool contiguous = false;
  static constexpr bool lazy_broadcast = A::lazy_broadcast;
  static constexpr std::size_t arity = 1;
  static constexpr std::array<std::size_t, sizeof...(P)> perm{P...};

  A a;

  explicit permute_node(A a_) : a(std::move(a_)) {}
  void prepare(epoch_t e) const { a.prepare(e); }
  auto lower() const {
    return a.lower().shuffle(std::array<index_t, sizeof...(P)>{static_cast<index_t>(P)...});
  }
  template <std::size_t I>
  const A& child() const {
    return a;
  }
  // Transpose/permute: G -> permute(G, inverse permutation)
  template <std::size_t I, class G>
  auto backward(const G& g) const {
    return make_permute_by<inverse>(g);
  }
};

template <class A>
struct is_permute : std::false_type {};
template <class A, std::size_t... P>
struct is_permute<permute_node<A, P...>> : std::true_type {};

template <std::size_t N>
constexpr bool is_identity(const dims_t<N>& p) {
  for (std::size_t i = 0; i < N; ++i)
    if (p[i] != i) return false;
  return true;
}

// outer after inner: result axis k is inner's input axis inner[outer[k]].
template <class Inner, class Outer>
struct composed_permutation {
  static constexpr auto compute() {
    dims_t<Outer::value.size()> out{};
    for (std::size_t k = 0; k < out.size(); ++k) out[k] = Inner::value[Outer::value[k]];
    return out;
  }
  static constexpr dims_t<Outer::value.size()> value = compute();
};

template <class A>
struct permutation_of_node {
  static constexpr auto value = A::perm;
};

template <class F, class A, std::size_t... I>
auto make_permute_impl(A a, std::index_sequence<I...>) {
  if constexpr (is_identity(F::value))
    return a;
  else
    return permute_node<A, F::value[I]...>(std::move(a));
}
template <class F, class A>
auto make_permute_by(A a) {
  if constexpr (is_permute<A>::value) {
    return make_permute_impl<composed_permutation<permutation_of_node<A>, F>>(
        std::move(a.a), std::make_index_sequence<F::value.size()>{});
  } else {
    return make_permute_impl<F>(std::move(a), std::make_index_sequence<F::value.size()>{});
  }
}
template <class A>
auto make_transpose_last(A a) {
  constexpr std::size_t r = shape_of<A>::rank;
  return make_permute_by<swap_permutation<r, r - 2, r - 1>>(std::move(a));
}

template <bool Skip, class S, std::size_t I, std::size_t J>
constexpr bool check_transpose() {
  if constexpr (Skip) {
    return false;
  } else {
    static_assert(S::rank >= 2,
                  "etgrad: transpose: the operand has rank < 2; transpose swaps two axes (a rank-0 "
                  "or rank-1 tensor is its own transpose: drop the call)");
    static_assert(S::rank < 2 || (I < S::rank && J < S::rank),
                  "etgrad: transpose: an axis is out of range for the operand's rank");
    static_assert(I != J, "etgrad: transpose: the two axes are equal; name two different axes");
    return S::rank >= 2 && I < S::rank && J < S::rank && I != J;
  }
}

template <bool Skip, class S, std::size_t... P>
constexpr bool check_permute() {
  if constexpr (Skip) {
    return false;
  } else {
    static_assert(sizeof...(P) == S::rank,
                  "etgrad: permute: the permutation must list every axis of the operand once "
                  "(its length must equal the operand's rank)");
    static_assert(sizeof...(P) != S::rank || is_permutation<S::rank, P...>(),
                  "etgrad: permute: the axes are not a permutation of 0 .. rank-1 (an axis is out "
                  "of range or repeated)");
    return is_permutation<S::rank, P...>();
  }
}

}  // namespace detail

// Swap axes I and J (either order).
template <std::size_t I, std::size_t J, class A,
          std::enable_if_t<detail::is_expression_v<A>, int> = 0>
auto transpose(A&& a) {
  using S = detail::shape_of<A>;
  constexpr bool ok = detail::check_transpose<detail::poisoned<A>, S, I, J>();
  if constexpr (ok)
    return detail::make_permute_by<detail::swap_permutation<S::rank, I, J>>(
        detail::as_node(std::forward<A>(a)));
  else
    return detail::invalid_node{};
}

// Swap the last two axes.
template <class A, std::enable_if_t<detail::is_expression_v<A>, int> = 0>
auto transpose(A&& a) {
  using S = detail::shape_of<A>;
  constexpr std::size_t r = S::rank;
  constexpr bool ok =
      detail::check_transpose<detail::poisoned<A>, S, (r >= 2 ? r - 2 : 0), (r >= 2 ? r - 1 : 1)>();
  if constexpr (ok)
    return detail::make_transpose_last(detail::as_node(std::forward<A>(a)));
  else
    return detail::invalid_node{};
}

template <std::size_t... P, class A, std::enable_if_t<detail::is_expression_v<A>, int> = 0>
auto permute(A&& a) {
  constexpr bool ok = detail::check_permute<detail::poisoned<A>, detail::shape_of<A>, P...>();
  if constexpr (ok)
    return detail::make_permute_by<detail::values<P...>>(detail::as_node(std::forward<A>(a)));
  else
    return detail::invalid_node{};
}

}  // namespace etgrad
