// Negate, Exp, Log, ReLU (ops/unary.hpp).
#include "support.hpp"

TEMPLATE_TEST_CASE("unary forward values match numpy", "[unary]", float, double) {
  eg::variable<TestType, eg::shape<2, 3>> a{0.5, -1.25, 2.0, 3.0, 0.25, -0.75};
  eg::variable<TestType, eg::shape<2, 3>> p{0.5, 1.5, 2.0, 3.0, 0.25, 1.25};
  require_values(eg::eval(-a), {-0.5, 1.25, -2.0, -3.0, -0.25, 0.75});
  require_values(eg::eval(eg::exp(a)),
                 {1.6487212707001282, 0.2865047968601901, 7.38905609893065, 20.085536923187668,
                  1.2840254166877414, 0.4723665527410147});
  require_values(eg::eval(eg::log(p)),
                 {-0.6931471805599453, 0.4054651081081644, 0.6931471805599453, 1.0986122886681098,
                  -1.3862943611198906, 0.22314355131420976});
  require_values(eg::eval(eg::relu(a)), {0.5, 0.0, 2.0, 3.0, 0.25, 0.0});
  eg::variable<TestType, eg::shape<>> s{-2.0};
  require_values(eg::eval(eg::relu(s)), {0.0});
  require_values(eg::eval(-s), {2.0});
}

TEST_CASE("unary gradients match finite differences", "[unary][gradcheck]") {
  eg::variable<double, eg::shape<2, 3, 2>> x;
  eg::variable<double, eg::shape<2>> pos;
  fill_random(x, 21);
  fill_random(pos, 22, 0.2, 3.0);
  REQUIRE_GRADCHECK(-x, x);
  REQUIRE_GRADCHECK(eg::exp(x), x);
  REQUIRE_GRADCHECK(eg::log(pos), pos);
  REQUIRE_GRADCHECK(eg::relu(x), x);  // random values avoid the kink at 0
  REQUIRE_GRADCHECK(eg::exp(eg::relu(x) * 2.0) - eg::log(pos * pos), x, pos);
}

TEST_CASE("relu and log at zero follow the documented semantics", "[unary]") {
  eg::variable<double, eg::shape<3>> x{0.0, -1.0, 2.0};
  auto [g] = eg::grad(eg::sum(eg::relu(x)), x);
  require_values(g, {0.0, 0.0, 1.0});  // relu'(0) = 0
  eg::variable<double, eg::shape<1>> z{0.0};
  require_values(eg::eval(eg::log(z)), {-INFINITY});
  auto [gz] = eg::grad(eg::sum(eg::log(z) * 2.0), z);
  require_values(gz, {INFINITY});
}

TEST_CASE("NaN propagates through forward and backward without throwing", "[unary]") {
  eg::variable<double, eg::shape<2>> x{NAN, 1.0};
  require_values(eg::eval(eg::exp(x)), {NAN, 2.718281828459045});
  require_values(eg::eval(eg::relu(x)), {NAN, 1.0});
  auto [g] = eg::grad(eg::sum(eg::exp(x)), x);
  require_values(g, {NAN, 2.718281828459045});
}
