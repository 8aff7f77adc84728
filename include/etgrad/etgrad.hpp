// etgrad: compile-time, expression-template reverse-mode autodiff over tensors, on Eigen.
//
//   #include <etgrad/etgrad.hpp>
//   namespace eg = etgrad;
//   eg::variable<double, eg::shape<3>> x{1, 2, 3};
//   auto loss = eg::sum(eg::exp(x) * x);
//   auto [gx] = eg::grad(loss, x);
#pragma once

#include "autodiff.hpp"
#include "grad.hpp"
#include "gradcheck.hpp"
#include "leaf.hpp"
#include "ops/broadcast_to.hpp"
#include "ops/elementwise.hpp"
#include "ops/logsumexp.hpp"
#include "ops/matmul.hpp"
#include "ops/mean.hpp"
#include "ops/reshape.hpp"
#include "ops/scalar.hpp"
#include "ops/summation.hpp"
#include "ops/transpose.hpp"
#include "ops/unary.hpp"
#include "shape.hpp"

namespace etgrad {
// The operators live beside the node types (found by argument-dependent lookup); these make
// them found for eg::variable and eg::constant operands too.
using detail::operator+;
using detail::operator-;
using detail::operator*;
using detail::operator/;
}  // namespace etgrad
