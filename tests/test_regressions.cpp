// Regression tests for gradients whose objects grew with the number of paths to a reused node
// (found by the random programs, tests/random). They live in a translation unit of their own,
// compiled without debug information (tests/CMakeLists.txt): with -g, g++ needs 6 GB or more for
// each of them under the sanitizers.
#include "support.hpp"

// Random program 20261203/117: a stored node (the mean of a matmul) reached along twelve paths.
// Building its gradient overflowed the stack: every use was walked with a sum over all the uses,
// each holding copies of all of them, so the object grew with (uses)^depth.
TEST_CASE("regression: a stored node reached along many paths", "[graph][gradcheck][regression]") {
  eg::variable<double, eg::shape<2, 4, 3>> x0;
  eg::variable<double, eg::shape<3, 4>> x1;
  fill_random(x0, 231);
  fill_random(x1, 232);
  auto t0 = eg::broadcast_to<eg::shape<3, 2>>(eg::logsumexp<0, 1, 2>(x0));
  auto t1 = eg::mean<0, 1, 2>(eg::matmul(x0, t0));
  auto t2 = t1 - eg::reshape<eg::shape<1>>(t1 * t1);
  auto t4 = eg::broadcast_to<eg::shape<1, 1>>(eg::sum<0, 1, 2>(x0)) *
            eg::broadcast_to<eg::shape<4, 1>>(eg::mean(x0));
  auto t5 = eg::pow(eg::pow(eg::pow(t2 * t2 + 0.5, 1.5), 2) + 1.0, eg::transpose<1, 0>(-t4) + x1);
  REQUIRE_GRADCHECK(eg::pow(t5 * t5 + 0.5, -1.0), x0, x1);
}

// Random program 20261203/25: three stored reductions of one leaf, one of them used twice. The
// second-order walk merged the uses of each with a sum over all of them, held by value, and
// overflowed the stack.
TEST_CASE("regression: Hessian-vector product through reused reductions", "[higher_order][regression]") {
  eg::variable<double, eg::shape<4, 1>> x0;
  fill_random(x0, 331);
  auto t0 = eg::broadcast_to<eg::shape<1, 1>>(eg::sum<0>(x0));
  auto t1 = eg::broadcast_to<eg::shape<3>>(eg::logsumexp<0, 1>(x0));
  auto out = x0 + t0 - eg::logsumexp<0>(x0) / (t1 * t1 + 1);
  eg::constant<double, eg::shape<4, 3>> g;
  fill_random(g, 332);
  eg::constant<double, eg::shape<4, 1>> v;
  fill_random(v, 333);
  // The Hessian-vector product is the gradient of sum(gradient(loss, x0) * v): checked against
  // central differences of that first-order gradient.
  REQUIRE_GRADCHECK(eg::sum(eg::gradient(eg::sum(out * g), x0) * v), x0);
}
