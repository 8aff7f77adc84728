// BroadcastTo (ops/broadcast_to.hpp): right-aligned, new leading axes and stretched size-1 axes.
#include "support.hpp"

TEMPLATE_TEST_CASE("broadcast_to forward values match numpy", "[broadcast_to]", float, double) {
  eg::variable<TestType, eg::shape<3>> b{1.5, -2.0, 0.5};
  require_values(eg::eval(eg::broadcast_to<eg::shape<2, 3>>(b)), {1.5, -2.0, 0.5, 1.5, -2.0, 0.5});
  eg::variable<TestType, eg::shape<4, 1>> d{1, 2, 3, 4};
  auto e = eg::broadcast_to<eg::shape<2, 4, 3>>(d);
  STATIC_REQUIRE(std::is_same_v<typename decltype(e)::shape_type, eg::shape<2, 4, 3>>);
  require_values(eg::eval(e),
                 {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4});
  eg::variable<TestType, eg::shape<>> s{7};
  require_values(eg::eval(eg::broadcast_to<eg::shape<2, 2>>(s)), {7, 7, 7, 7});
  require_values(eg::eval(eg::broadcast_to<eg::shape<3>>(b)), {1.5, -2.0, 0.5});
}

TEST_CASE("broadcast_to gradients match finite differences", "[broadcast_to][gradcheck]") {
  eg::variable<double, eg::shape<3>> a;
  eg::variable<double, eg::shape<4, 1>> b;
  eg::variable<double, eg::shape<3, 1, 5>> c;
  eg::variable<double, eg::shape<>> s;
  fill_random(a, 41);
  fill_random(b, 42);
  fill_random(c, 43);
  fill_random(s, 44);
  REQUIRE_GRADCHECK(eg::broadcast_to<eg::shape<2, 3>>(a), a);
  REQUIRE_GRADCHECK(eg::broadcast_to<eg::shape<2, 4, 3>>(b), b);
  REQUIRE_GRADCHECK(eg::broadcast_to<eg::shape<2, 3, 4, 5>>(c), c);
  REQUIRE_GRADCHECK(eg::broadcast_to<eg::shape<2, 3>>(s), s);
  REQUIRE_GRADCHECK(eg::exp(eg::broadcast_to<eg::shape<2, 3, 4, 5>>(c)) * 0.5, c);
}

TEST_CASE("broadcast_to gradient has the source shape", "[broadcast_to]") {
  eg::variable<double, eg::shape<3>> a{1, 2, 3};
  auto [g] = eg::grad(eg::sum(eg::broadcast_to<eg::shape<2, 3>>(a)), a);
  STATIC_REQUIRE(decltype(g)::NumIndices == 1);
  require_values(g, {2, 2, 2});
  eg::variable<double, eg::shape<4, 1>> b{1, 2, 3, 4};
  auto [gb] = eg::grad(eg::sum(eg::broadcast_to<eg::shape<2, 4, 3>>(b)), b);
  require_values(gb, {6, 6, 6, 6});
}

// Regression (random programs, seed 20261203): an implicitly broadcast operand that is itself a
// broadcast_to of the same rank did not compile: Eigen's TensorBroadcastingOp::broadcast()
// accessor hid TensorBase::broadcast(factors) when the lowered operand was re-broadcast.
TEST_CASE("regression: implicit broadcast of a same-rank broadcast_to operand",
          "[broadcast_to][regression]") {
  eg::variable<double, eg::shape<3, 3>> x;
  fill_affine(x, 1.0, 0.0);
  auto e = x * eg::broadcast_to<eg::shape<1, 3>>(eg::sum<0>(x));
  STATIC_REQUIRE(std::is_same_v<typename decltype(e)::shape_type, eg::shape<3, 3>>);
  // numpy: x = arange(9).reshape(3, 3); x * x.sum(0)[None, :]
  require_values(eg::eval(e), {0, 12, 30, 27, 48, 75, 54, 84, 120});
  fill_random(x, 51);
  REQUIRE_GRADCHECK(e, x);

  eg::variable<double, eg::shape<1, 1>> s;
  eg::variable<double, eg::shape<4, 4, 1, 5>> y;
  fill_random(s, 52);
  fill_random(y, 53);
  auto f = y * eg::broadcast_to<eg::shape<4, 1, 1, 5>>(eg::sum(s) / 2.0);
  STATIC_REQUIRE(std::is_same_v<typename decltype(f)::shape_type, eg::shape<4, 4, 1, 5>>);
  REQUIRE_GRADCHECK(f, s, y);
}
