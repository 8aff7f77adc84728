// Compile-time shapes and the constexpr shape algebra every op uses.
//
//   eg::shape<3, 4>   a 3 x 4 tensor;   eg::shape<>   a scalar (rank 0)
//
// Shape arithmetic runs on constexpr std::array (DESIGN.md: an order of magnitude cheaper to
// compile than a metaprogramming library). Functions here never fail: they return a best-effort
// answer for invalid input, and the op that calls them owns the static_assert and its message.
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace etgrad {

template <std::size_t... D>
struct shape {
  static constexpr std::size_t rank = sizeof...(D);
  static constexpr std::array<std::size_t, sizeof...(D)> dims{D...};
  static constexpr std::size_t size = (std::size_t{1} * ... * D);
};

namespace detail {

template <class S>
struct is_shape : std::false_type {};
template <std::size_t... D>
struct is_shape<shape<D...>> : std::true_type {};

template <std::size_t N>
using dims_t = std::array<std::size_t, N>;

// shape_from<F> turns a struct holding `static constexpr std::array value` into a shape type.
template <class F, std::size_t... I>
shape<F::value[I]...> shape_from_impl(std::index_sequence<I...>);
template <class F>
using shape_from = decltype(shape_from_impl<F>(std::make_index_sequence<F::value.size()>{}));

template <std::size_t N>
constexpr std::size_t product(const dims_t<N>& d) {
  std::size_t p = 1;
  for (std::size_t i = 0; i < N; ++i) p *= d[i];
  return p;
}

template <std::size_t N>
constexpr bool same_dims(const dims_t<N>& a, const dims_t<N>& b) {
  for (std::size_t i = 0; i < N; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

template <std::size_t N>
constexpr bool has_zero(const dims_t<N>& d) {
  for (std::size_t i = 0; i < N; ++i)
    if (d[i] == 0) return true;
  return false;
}

// ---- numpy broadcasting: right-aligned, size-1 stretches --------------------------------------

constexpr std::size_t max_of(std::size_t a, std::size_t b) {
  return a > b ? a : b;
}

template <class A, class B>
constexpr bool broadcastable() {
  constexpr std::size_t ra = A::rank, rb = B::rank;
  for (std::size_t i = 0; i < ra && i < rb; ++i) {
    const std::size_t a = A::dims[ra - 1 - i], b = B::dims[rb - 1 - i];
    if (a != b && a != 1 && b != 1) return false;
  }
  return true;
}

template <class A, class B>
struct broadcast_dims {
  static constexpr std::size_t rank = max_of(A::rank, B::rank);
  static constexpr dims_t<rank> compute() {
    dims_t<rank> out{};
    for (std::size_t i = 0; i < rank; ++i) {
      const std::size_t a = i < A::rank ? A::dims[A::rank - 1 - i] : 1;
      const std::size_t b = i < B::rank ? B::dims[B::rank - 1 - i] : 1;
      out[rank - 1 - i] = a == 1 ? b : a;
    }
    return out;
  }
  static constexpr dims_t<rank> value = compute();
};
template <class A, class B>
using broadcast_shape_t = shape_from<broadcast_dims<A, B>>;

// Can `From` be broadcast to exactly `To` (numpy broadcast_to)?
template <class From, class To>
constexpr bool broadcasts_to() {
  if (From::rank > To::rank) return false;
  for (std::size_t i = 0; i < From::rank; ++i) {
    const std::size_t f = From::dims[From::rank - 1 - i], t = To::dims[To::rank - 1 - i];
    if (f != t && f != 1) return false;
  }
  return true;
}

// From, right-aligned and padded with leading 1s to To's rank.
template <class From, class To>
struct padded_dims {
  static constexpr dims_t<To::rank> compute() {
    dims_t<To::rank> out{};
    for (std::size_t i = 0; i < To::rank; ++i) out[i] = 1;
    for (std::size_t i = 0; i < From::rank && i < To::rank; ++i)
      out[To::rank - 1 - i] = From::dims[From::rank - 1 - i];
    return out;
  }
  static constexpr dims_t<To::rank> value = compute();
};

// Per-axis broadcast factor To[i] / padded(From)[i].
template <class From, class To>
struct broadcast_factors {
  static constexpr dims_t<To::rank> compute() {
    dims_t<To::rank> out{};
    for (std::size_t i = 0; i < To::rank; ++i)
      out[i] = padded_dims<From, To>::value[i] == To::dims[i] ? 1 : To::dims[i];
    return out;
  }
  static constexpr dims_t<To::rank> value = compute();
};

// The axes of To that a broadcast from From created or stretched: the axes its gradient sums.
template <class From, class To>
struct broadcast_axes {
  static constexpr std::size_t count() {
    std::size_t n = 0;
    for (std::size_t i = 0; i < To::rank; ++i)
      if (i < To::rank - From::rank || padded_dims<From, To>::value[i] != To::dims[i]) ++n;
    return n;
  }
  static constexpr dims_t<count()> compute() {
    dims_t<count()> out{};
    std::size_t n = 0;
    for (std::size_t i = 0; i < To::rank; ++i)
      if (i < To::rank - From::rank || padded_dims<From, To>::value[i] != To::dims[i]) out[n++] = i;
    return out;
  }
  static constexpr dims_t<count()> value = compute();
};

// ---- reductions over a set of axes ---------------------------------------------------------

template <std::size_t Rank, std::size_t... Axes>
constexpr bool axes_in_range() {
  return ((Axes < Rank) && ... && true);
}

template <std::size_t... Axes>
constexpr bool axes_unique() {
  constexpr std::size_t n = sizeof...(Axes);
  if constexpr (n == 0) {
    return true;
  } else {
    constexpr std::array<std::size_t, n> a{Axes...};
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j)
        if (a[i] == a[j]) return false;
    return true;
  }
}

template <std::size_t Axis, std::size_t... Axes>
constexpr bool contains_axis() {
  return ((Axis == Axes) || ... || false);
}

// Shape with the listed axes removed (Keep = false) or set to 1 (Keep = true).
template <class S, bool Keep, std::size_t... Axes>
struct reduced_dims {
  static constexpr std::size_t rank_out() {
    if constexpr (Keep) {
      return S::rank;
    } else {
      std::size_t n = 0;
      for (std::size_t i = 0; i < S::rank; ++i)
        if (!is_reduced(i)) ++n;
      return n;
    }
  }
  static constexpr bool is_reduced(std::size_t i) { return ((i == Axes) || ... || false); }
  static constexpr dims_t<rank_out()> compute() {
    dims_t<rank_out()> out{};
    std::size_t n = 0;
    for (std::size_t i = 0; i < S::rank; ++i) {
      if (!is_reduced(i))
        out[n++] = S::dims[i];
      else if (Keep)
        out[n++] = 1;
    }
    return out;
  }
  static constexpr dims_t<rank_out()> value = compute();
};
template <class S, std::size_t... Axes>
using reduced_shape_t = shape_from<reduced_dims<S, false, Axes...>>;
template <class S, std::size_t... Axes>
using kept_shape_t = shape_from<reduced_dims<S, true, Axes...>>;

// ---- permutations --------------------------------------------------------------------------

template <std::size_t Rank, std::size_t... P>
constexpr bool is_permutation() {
  if (sizeof...(P) != Rank) return false;
  return axes_in_range<Rank, P...>() && axes_unique<P...>();
}

template <class S, std::size_t... P>
struct permuted_dims {
  static constexpr dims_t<sizeof...(P)> compute() {
    constexpr std::array<std::size_t, sizeof...(P)> p{P...};
    dims_t<sizeof...(P)> out{};
    for (std::size_t k = 0; k < sizeof...(P); ++k) out[k] = p[k] < S::rank ? S::dims[p[k]] : 1;
    return out;
  }
  static constexpr dims_t<sizeof...(P)> value = compute();
};

template <std::size_t... P>
struct inverse_permutation {
  static constexpr dims_t<sizeof...(P)> compute() {
    constexpr std::array<std::size_t, sizeof...(P)> p{P...};
    dims_t<sizeof...(P)> out{};
    for (std::size_t k = 0; k < sizeof...(P); ++k)
      if (p[k] < sizeof...(P)) out[p[k]] = k;
    return out;
  }
  static constexpr dims_t<sizeof...(P)> value = compute();
};

// The permutation of rank R that swaps axes I and J.
template <std::size_t R, std::size_t I, std::size_t J>
struct swap_permutation {
  static constexpr dims_t<R> compute() {
    dims_t<R> out{};
    for (std::size_t k = 0; k < R; ++k) out[k] = k == I ? J : (k == J ? I : k);
    return out;
  }
  static constexpr dims_t<R> value = compute();
};

// ---- matmul --------------------------------------------------------------------------------

template <class S>
struct batch_dims {
  static constexpr std::size_t rank = S::rank >= 2 ? S::rank - 2 : 0;
  static constexpr dims_t<rank> compute() {
    dims_t<rank> out{};
    for (std::size_t i = 0; i < rank; ++i) out[i] = S::dims[i];
    return out;
  }
  static constexpr dims_t<rank> value = compute();
};
template <class S>
using batch_shape_t = shape_from<batch_dims<S>>;

template <class A, class B>
constexpr std::size_t matrix_rows() {
  return A::rank >= 2 ? A::dims[A::rank - 2] : 1;
}
template <class A, class B>
constexpr std::size_t matrix_cols() {
  return B::rank >= 2 ? B::dims[B::rank - 1] : 1;
}

template <class A, class B>
struct matmul_dims {
  using batch = broadcast_shape_t<batch_shape_t<A>, batch_shape_t<B>>;
  static constexpr dims_t<batch::rank + 2> compute() {
    dims_t<batch::rank + 2> out{};
    for (std::size_t i = 0; i < batch::rank; ++i) out[i] = batch::dims[i];
    out[batch::rank] = matrix_rows<A, B>();
    out[batch::rank + 1] = matrix_cols<A, B>();
    return out;
  }
  static constexpr dims_t<batch::rank + 2> value = compute();
};
template <class A, class B>
using matmul_shape_t = shape_from<matmul_dims<A, B>>;

// Row-major strides of a shape, with 0 where From broadcasts against To (for batch loops).
template <class From, class To>
struct broadcast_strides {
  static constexpr dims_t<To::rank> compute() {
    dims_t<To::rank> out{};
    std::size_t stride = 1;
    for (std::size_t i = To::rank; i-- > 0;) {
      const std::size_t d = padded_dims<From, To>::value[i];
      out[i] = (d == 1 && To::dims[i] != 1) ? 0 : stride;
      stride *= d;
    }
    return out;
  }
  static constexpr dims_t<To::rank> value = compute();
};

}  // namespace detail
}  // namespace etgrad
