// Declarations of the node factories. Backward rules are written with these (the op vocabulary,
// as in needle), so every op can name every other op whatever order the headers come in.
// Factories take nodes (never user leaves) by value and assume valid shapes: the public
// functions check shapes first and report errors.
#pragma once

#include <cstddef>

namespace etgrad {
namespace detail {

struct add_op;
struct subtract_op;
struct multiply_op;
struct divide_op;
struct pow_op;
template <class Op, class A, class B>
auto make_binary(A a, B b);
template <class A, class B>
auto make_mul(A a, B b);

struct add_scalar_op;
struct mul_scalar_op;
struct div_scalar_op;
struct rdiv_scalar_op;
struct rsub_scalar_op;
struct pow_scalar_op;
template <class Op, class A, class T>
auto make_scalar(A a, T s);

struct negate_op;
struct exp_op;
struct log_op;
struct relu_op;
struct positive_op;
struct is_zero_op;
template <class Op, class A>
auto make_unary(A a);

template <std::size_t... Axes, class A>
auto make_sum(A a);
template <class F, class A>
auto make_sum_over(A a);
template <class S, class A>
auto make_broadcast_to(A a);
template <class S, class A>
auto make_reshape(A a);
template <class F, class A>
auto make_permute_by(A a);
template <class A>
auto make_transpose_last(A a);
template <class A, class B>
auto make_matmul(A a, B b);
template <class S, class G>
auto reduce_to(G g);

}  // namespace detail
}  // namespace etgrad
