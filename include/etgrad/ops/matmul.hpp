// MatMul: (..., m, k) @ (..., k, n) -> (..., m, n); batch axes broadcast numpy-style on
// either side. Lowered to Eigen's GEMM kernel over mapped memory into an owned buffer, with a
// blocking workspace allocated once (DESIGN.md: `contract` is slower and mallocs every call).
// A batched left operand times a matrix is one GEMM over the stacked rows; an operand that is the
// transpose of a buffer is read in place as a column-major matrix.
//
//   eg::matmul(x, w)   // (64, 784) @ (784, 100) -> (64, 100)
#pragma once

#include <algorithm>

#include "../detail/fwd.hpp"
#include "../detail/node.hpp"
#include "transpose.hpp"

namespace etgrad {
namespace detail {

// How a GEMM reads an operand: in place row-major, in place column-major (a transpose of a
// buffer), or from a scratch buffer the matmul fills.
enum class operand_access { row_major, col_major, scratch };

template <class X>
constexpr operand_access access_of() {
  if constexpr (X::contiguous) {
    return operand_access::row_major;
  } else if constexpr (is_permute<X>::value) {
    constexpr std::size_t r = shape_of<X>::rank;
    using swap = swap_permutation<r, r - 2, r - 1>;
    if constexpr (same_dims(X::perm, swap::value) && decltype(X::a)::contiguous)
      return operand_access::col_major;
    else
      return operand_access::scratch;
  } else {
    return operand_access::scratch;
  }
}

template <class T>
using blocking_t = Eigen::internal::gemm_blocking_space<Eigen::RowMajor, T, T, Eigen::Dynamic,
                                                        Eigen::Dynamic, Eigen::Dynamic, 1, false>;

// C (row-major, rows x cols, zeroed) += op(A) op(B); A is rows x depth, B depth x cols.
template <class T, int LhsOrder, int RhsOrder>
void gemm(index_t rows, index_t cols, index_t depth, const T* lhs, const T* rhs, T* res,
          blocking_t<T>& blocking) {
  const index_t lhs_stride = LhsOrder == Eigen::RowMajor ? depth : rows;
  const index_t rhs_stride = RhsOrder == Eigen::RowMajor ? cols : depth;
  Eigen::internal::general_matrix_matrix_product<index_t, T, LhsOrder, false, T, RhsOrder, false,
                                                 Eigen::RowMajor, 1>::run(rows, cols, depth, lhs,
                                                                          lhs_stride, rhs,
                                                                          rhs_stride, res, 1, cols,
                                                                          T(1), blocking, nullptr);
}

template <class A, class B>
struct matmul_node : node_base, materialized<value_t<A>, matmul_shape_t<shape_of<A>, shape_of<B>>> {
  using value_type = value_t<A>;
  using T = value_type;
  using sa = shape_of<A>;
  using sb = shape_of<B>;
  using shape_type = matmul_shape_t<sa, sb>;
  using batch_a = batch_shape_t<sa>;
  using batch_b = batch_shape_t<sb>;
  using batch_out = batch_shape_t<shape_type>;
  static constexpr bool differentiable = A::differentiable || B::differentiable;
  static constexpr bool is_leaf = false;
  static constexpr std::size_t arity = 2;
  static constexpr std::size_t M = sa::dims[sa::rank - 2];
  static constexpr std::size_t K = sa::dims[sa::rank - 1];
  static constexpr std::size_t N = sb::dims[sb::rank - 1];
  static constexpr operand_access access_a = access_of<A>();
  static constexpr operand_access access_b = access_of<B>();
  // (batch..., m, k) @ (k, n) with a row-major left operand is one (batch*m, k) @ (k, n) GEMM.
  static constexpr bool stacked = sb::rank == 2 && access_a != operand_access::col_major;

  struct workspace {
    blocking_t<T> blocking;
    buffer_ptr<T> scratch_a, scratch_b;
    workspace()
        : blocking(static_cast<index_t>(stacked ? batch_a::size * M : M), N, K, 1, true),
          scratch_a(access_a == operand_access::scratch ? allocate_buffer<T>(sa::size) : nullptr),
          scratch_b(access_b == operand_access::scratch ? allocate_buffer<T>(sb::size) : nullptr) {
      blocking.allocateAll();
    }
  };

  A a;
  B b;
  std::shared_ptr<workspace> work = std::make_shared<workspace>();

  matmul_node(A a_, B b_) : a(std::move(a_)), b(std::move(b_)) {}

  template <class X>
  static const T* source(const X& x, T* scratch) {
    constexpr operand_access acc = access_of<X>();
    if constexpr (acc == operand_access::row_major) {
      return x.data();
    } else if constexpr (acc == operand_access::col_major) {
      return x.a.data();
    } else {
      return materialize(x, scratch);
    }
  }

  void prepare(epoch_t e) const {
    if (this->computed(e)) return;
    compute(e, this->out());
  }
  // The product written straight into `dst` (a gradient's result buffer), without a copy through
  // this node's own buffer; the cached value when this evaluation already has it.
  void prepare_into(epoch_t e, T* dst) const {
    if (this->has(e))
      std::copy(this->data(), this->data() + shape_type::size, dst);
    else
      compute(e, dst);
  }

 private:
  void compute(epoch_t e, T* out) const {
    a.prepare(e);
    b.prepare(e);
    const T* pa = source(a, work->scratch_a.get());
    const T* pb = source(b, work->scratch_b.get());
    std::fill(out, out + shape_type::size, T(0));
    constexpr int lo = access_a == operand_access::col_major ? Eigen::ColMajor : Eigen::RowMajor;
    constexpr int ro = access_b == operand_access::col_major ? Eigen::ColMajor : Eigen::RowMajor;
    if constexpr (stacked) {
      gemm<T, lo, ro>(batch_a::size * M, N, K, pa, pb, out, work->blocking);
    } else {
      constexpr auto& stride_a = broadcast_strides<batch_a, batch_out>::value;
      constexpr auto& stride_b = broadcast_strides<batch_b, batch_out>::value;
      for (std::size_t t = 0; t < batch_out::size; ++t) {
        std::size_t rest = t, ia = 0, ib = 0;
        for (std::size_t d = batch_out::rank; d-- > 0;) {
          const std::size_t i = rest % batch_out::dims[d];
          rest /= batch_out::dims[d];
          ia += i * stride_a[d];
          ib += i * stride_b[d];
        }
        gemm<T, lo, ro>(M, N, K, pa + ia * M * K, pb + ib * K * N, out + t * M * N, work->blocking);
      }
    }
  }


 public:
  template <std::size_t I>
  const auto& child() const {
    if constexpr (I == 0)
      return a;
    else
      return b;
  }
  // MatMul: G -> (G @ b^T, a^T @ G), each summed back over its broadcast batch axes.
  template <std::size_t I, class G>
  auto backward(const G& g) const {
    if constexpr (I == 0) {
      return reduce_to<sa>(make_matmul(g, make_transpose_last(b)));
    } else if constexpr (sb::rank == 2 && sa::rank > 2) {
      // sum over the batch of a_t^T g_t is one GEMM over the stacked rows.
      using rows_a = shape<batch_a::size * M, K>;
      using rows_g = shape<batch_a::size * M, N>;
      return make_matmul(make_transpose_last(make_reshape<rows_a>(a)), make_reshape<rows_g>(g));
    } else {
      return reduce_to<sb>(make_matmul(make_transpose_last(a), g));
    }
  }
};

template <class A, class B>
auto make_matmul(A a, B b) {
  return matmul_node<A, B>(std::move(a), std::move(b));
}

template <bool Skip, class TA, class TB, class SA, class SB>
constexpr bool check_matmul() {
  if constexpr (Skip) {
    return false;
  } else {
    static_assert(std::is_same_v<TA, TB>,
                  "etgrad: matmul: operands have different element types; use one of float or "
                  "double throughout an expression");
    static_assert(SA::rank >= 2 && SB::rank >= 2,
                  "etgrad: matmul: both operands need rank >= 2 (a vector v is "
                  "eg::reshape<eg::shape<1, n>>(v) or eg::reshape<eg::shape<n, 1>>(v))");
    constexpr bool ranks = SA::rank >= 2 && SB::rank >= 2;
    constexpr bool inner =
        ranks && SA::dims[SA::rank - 1] == SB::dims[SB::rank >= 2 ? SB::rank - 2 : 0];
    static_assert(!ranks || inner,
                  "etgrad: matmul: inner dimensions differ: the last axis of SA must equal the "
                  "second-to-last axis of SB");
    constexpr bool batch = broadcastable<batch_shape_t<SA>, batch_shape_t<SB>>();
    static_assert(!ranks || batch,
                  "etgrad: matmul: the batch axes of SA and SB (all but the last two) do not "
                  "broadcast (numpy rules: align on the right; each pair equal or one of them 1)");
    return std::is_same_v<TA, TB> && ranks && inner && batch;
  }
}

}  // namespace detail

template <class A, class B, std::enable_if_t<detail::both_expressions<A, B>, int> = 0>
auto matmul(A&& a, B&& b) {
  constexpr bool ok =
      detail::check_matmul<detail::poisoned<A, B>, detail::value_t<A>, detail::value_t<B>,
                           detail::shape_of<A>, detail::shape_of<B>>();
  if constexpr (ok)
    return detail::make_matmul(detail::as_node(std::forward<A>(a)),
                               detail::as_node(std::forward<B>(b)));
  else
    return detail::invalid_node{};
}

}  // namespace etgrad
