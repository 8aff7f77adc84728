// EWiseAdd, EWiseSub, EWiseMul, EWiseDiv, EWisePow (ops/elementwise.hpp): forward values from
// numpy, numpy broadcasting, and finite-difference gradients summed back to each operand's shape.
#include "support.hpp"

namespace {
template <class T>
struct operands {
  eg::variable<T, eg::shape<2, 3>> a{0.5, -1.25, 2.0, 3.0, 0.25, -0.75};
  eg::variable<T, eg::shape<3>> b{1.5, -2.0, 0.5};
  eg::variable<T, eg::shape<2, 1>> c{2.0, -0.5};
  eg::variable<T, eg::shape<2, 3>> p{0.5, 1.5, 2.0, 3.0, 0.25, 1.25};
  eg::variable<T, eg::shape<3>> q{2.0, 0.5, -1.0};
};
}  // namespace

TEMPLATE_TEST_CASE("elementwise forward values match numpy", "[elementwise]", float, double) {
  operands<TestType> o;
  require_values(eg::eval(o.a + o.b), {2.0, -3.25, 2.5, 4.5, -1.75, -0.25});
  require_values(eg::eval(o.a - o.b), {-1.0, 0.75, 1.5, 1.5, 2.25, -1.25});
  require_values(eg::eval(o.a * o.b), {0.75, 2.5, 1.0, 4.5, -0.5, -0.375});
  require_values(eg::eval(o.a / o.b), {0.3333333333333333, 0.625, 4.0, 2.0, -0.125, -1.5});
  require_values(eg::eval(o.b - o.c), {-0.5, -4.0, -1.5, 2.0, -1.5, 1.0});
  require_values(eg::eval(o.c * o.a), {1.0, -2.5, 4.0, -1.5, -0.125, 0.375});
  require_values(eg::eval(eg::pow(o.p, o.q)), {0.25, 1.224744871391589, 0.5, 9.0, 0.5, 0.8});
  require_values(eg::eval(eg::pow(o.p, o.c)),
                 {0.25, 2.25, 4.0, 0.5773502691896257, 2.0, 0.8944271909999159});
}

TEST_CASE("elementwise broadcasting computes the numpy result shape", "[elementwise]") {
  operands<double> o;
  auto y = o.b - o.c;
  STATIC_REQUIRE(std::is_same_v<decltype(y)::shape_type, eg::shape<2, 3>>);
  eg::variable<double, eg::shape<>> s{2.0};
  auto z = o.a * s;
  STATIC_REQUIRE(std::is_same_v<decltype(z)::shape_type, eg::shape<2, 3>>);
  require_values(eg::eval(z), {1.0, -2.5, 4.0, 6.0, 0.5, -1.5});
  eg::variable<double, eg::shape<1>> one{3.0};
  require_values(eg::eval(one + s), {5.0});
}

TEST_CASE("elementwise gradients match finite differences", "[elementwise][gradcheck]") {
  eg::variable<double, eg::shape<2, 3>> a;
  eg::variable<double, eg::shape<2, 3>> a2;
  eg::variable<double, eg::shape<3>> b;
  eg::variable<double, eg::shape<4, 1, 3>> c;
  eg::variable<double, eg::shape<>> s;
  fill_random(a, 1);
  fill_random(a2, 2);
  fill_random(b, 3, 0.5, 2.0);
  fill_random(c, 4, 0.5, 2.0);
  fill_random(s, 5, 0.5, 2.0);
  SECTION("same shapes") {
    REQUIRE_GRADCHECK(a + a2, a, a2);
    REQUIRE_GRADCHECK(a - a2, a, a2);
    REQUIRE_GRADCHECK(a * a2, a, a2);
    REQUIRE_GRADCHECK(a / (a2 + 3.0), a, a2);
  }
  SECTION("implicit broadcasting sums gradients back to each operand's exact shape") {
    REQUIRE_GRADCHECK(a + b, a, b);
    REQUIRE_GRADCHECK(b - a, a, b);
    REQUIRE_GRADCHECK(a * c, a, c);  // (2,3) with (4,1,3): both sides stretch
    REQUIRE_GRADCHECK(c / b, c, b);
    REQUIRE_GRADCHECK(a * s, a, s);  // rank-0 operand
    REQUIRE_GRADCHECK(s - c, s, c);
  }
  SECTION("pow, both operands, broadcasting") {
    eg::variable<double, eg::shape<2, 3>> base;
    fill_random(base, 6, 0.5, 2.0);
    REQUIRE_GRADCHECK(eg::pow(base, b), base, b);
    REQUIRE_GRADCHECK(eg::pow(c, base), c, base);
    REQUIRE_GRADCHECK(eg::pow(base, s), base, s);
  }
}

TEST_CASE("elementwise gradients of broadcast operands have the operand's shape", "[elementwise]") {
  eg::variable<double, eg::shape<3>> b{1, 2, 3};
  eg::variable<double, eg::shape<2, 1>> c{10, 20};
  auto [gb, gc] = eg::grad(eg::sum(b * c), b, c);
  STATIC_REQUIRE(decltype(gb)::NumIndices == 1);
  STATIC_REQUIRE(decltype(gc)::NumIndices == 2);
  require_values(gb, {30, 30, 30});
  require_values(gc, {6, 6});
}

TEST_CASE("pow gradients at a zero base follow the documented semantics", "[elementwise]") {
  eg::variable<double, eg::shape<4>> a{0, 0, 0, 0};
  eg::variable<double, eg::shape<4>> b{0, 1, 2, 0.5};
  auto [ga, gb] = eg::grad(eg::sum(eg::pow(a, b)), a, b);
  // d/da a^b at 0: 0 for b = 0, 1 for b = 1, 0 for b = 2, +inf for b = 0.5
  require_values(ga, {0, 1, 0, INFINITY});
  // d/db a^b at a = 0, b >= 0: 0 (PyTorch's choice)
  require_values(gb, {0, 0, 0, 0});
}
