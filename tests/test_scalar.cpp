// AddScalar, MulScalar, DivScalar, PowerScalar and s - a, s / a (ops/scalar.hpp).
#include "support.hpp"

TEMPLATE_TEST_CASE("scalar ops forward values match numpy", "[scalar]", float, double) {
  eg::variable<TestType, eg::shape<2, 3>> a{0.5, -1.25, 2.0, 3.0, 0.25, -0.75};
  eg::variable<TestType, eg::shape<2, 3>> p{0.5, 1.5, 2.0, 3.0, 0.25, 1.25};
  require_values(eg::eval(a + 2), {2.5, 0.75, 4.0, 5.0, 2.25, 1.25});
  require_values(eg::eval(2 + a), {2.5, 0.75, 4.0, 5.0, 2.25, 1.25});
  require_values(eg::eval(a - 2), {-1.5, -3.25, 0.0, 1.0, -1.75, -2.75});
  require_values(eg::eval(2 - a), {1.5, 3.25, 0.0, -1.0, 1.75, 2.75});
  require_values(eg::eval(a * 3), {1.5, -3.75, 6.0, 9.0, 0.75, -2.25});
  require_values(eg::eval(3 * a), {1.5, -3.75, 6.0, 9.0, 0.75, -2.25});
  require_values(eg::eval(a / 4), {0.125, -0.3125, 0.5, 0.75, 0.0625, -0.1875});
  require_values(eg::eval(2 / a), {4.0, -1.6, 1.0, 0.6666666666666666, 8.0, -2.6666666666666665});
  // An integral exponent works on negative bases.
  require_values(eg::eval(eg::pow(a, 2)), {0.25, 1.5625, 4.0, 9.0, 0.0625, 0.5625});
  require_values(eg::eval(eg::pow(a, 3)), {0.125, -1.953125, 8.0, 27.0, 0.015625, -0.421875});
  require_values(eg::eval(eg::pow(p, 0.5)),
                 {0.7071067811865476, 1.224744871391589, 1.4142135623730951, 1.7320508075688772,
                  0.5, 1.118033988749895});
}

TEST_CASE("scalar ops on a rank-0 operand", "[scalar]") {
  eg::variable<double, eg::shape<>> s{1.5};
  require_values(eg::eval(s * 2 + 1), {4.0});
  require_values(eg::eval(3 / s), {2.0});
}

TEST_CASE("scalar ops gradients match finite differences", "[scalar][gradcheck]") {
  eg::variable<double, eg::shape<3, 4>> x;
  eg::variable<double, eg::shape<2, 1, 3>> y;
  fill_random(x, 11);
  fill_random(y, 12, 0.5, 2.0);
  REQUIRE_GRADCHECK(x + 2.5, x);
  REQUIRE_GRADCHECK(2.5 - x, x);
  REQUIRE_GRADCHECK(x - 1, x);
  REQUIRE_GRADCHECK(x * -3.0, x);
  REQUIRE_GRADCHECK(x / 7.0, x);
  REQUIRE_GRADCHECK(2.0 / y, y);
  REQUIRE_GRADCHECK(eg::pow(x, 3), x);
  REQUIRE_GRADCHECK(eg::pow(x, 2), x);
  REQUIRE_GRADCHECK(eg::pow(y, 0.5), y);
  REQUIRE_GRADCHECK(eg::pow(y, -1.5), y);
  eg::variable<double, eg::shape<>> s{0.7};
  REQUIRE_GRADCHECK(eg::pow(s, 2.5) * 3 - 1, s);
}

TEST_CASE("PowerScalar derivative at zero follows the documented semantics", "[scalar]") {
  eg::variable<double, eg::shape<1>> x{0.0};
  auto [g0] = eg::grad(eg::sum(eg::pow(x, 0)), x);
  auto [g1] = eg::grad(eg::sum(eg::pow(x, 1)), x);
  auto [g2] = eg::grad(eg::sum(eg::pow(x, 2)), x);
  auto [g3] = eg::grad(eg::sum(eg::pow(x, 3)), x);
  require_values(g0, {0.0});
  require_values(g1, {1.0});
  require_values(g2, {0.0});
  require_values(g3, {0.0});
  eg::variable<double, eg::shape<1>> n{-2.0};
  auto [gn] = eg::grad(eg::sum(eg::pow(n, 3)), n);
  require_values(gn, {12.0});  // 3 * (-2)^2, a negative base with an integral exponent
}
