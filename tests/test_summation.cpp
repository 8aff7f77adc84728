// Summation over all axes, one axis and several (ops/summation.hpp).
#include "support.hpp"

TEMPLATE_TEST_CASE("sum forward values match numpy", "[summation]", float, double) {
  eg::variable<TestType, eg::shape<2, 3, 4>> x;
  fill_affine(x, 0.5, -3);
  auto all = eg::sum(x);
  STATIC_REQUIRE(std::is_same_v<typename decltype(all)::shape_type, eg::shape<>>);
  require_values(eg::eval(all), {66.0});
  auto one = eg::sum<1>(x);
  STATIC_REQUIRE(std::is_same_v<typename decltype(one)::shape_type, eg::shape<2, 4>>);
  require_values(eg::eval(one), {-3.0, -1.5, 0.0, 1.5, 15.0, 16.5, 18.0, 19.5});
  auto outer = eg::sum<0, 2>(x);
  STATIC_REQUIRE(std::is_same_v<typename decltype(outer)::shape_type, eg::shape<3>>);
  require_values(eg::eval(outer), {6.0, 22.0, 38.0});
  require_values(eg::eval(eg::sum<2, 0>(x)), {6.0, 22.0, 38.0});
  require_values(eg::eval(eg::sum<2>(x)), {-9.0, -1.0, 7.0, 15.0, 23.0, 31.0});
  require_values(eg::eval(eg::sum<0, 1, 2>(x)), {66.0});
  eg::variable<TestType, eg::shape<>> s{4.5};
  require_values(eg::eval(eg::sum(s)), {4.5});
  eg::variable<TestType, eg::shape<1, 3, 1>> ones{1, 2, 3};
  require_values(eg::eval(eg::sum<0, 2>(ones)), {1, 2, 3});
}

TEST_CASE("sum gradients match finite differences", "[summation][gradcheck]") {
  eg::variable<double, eg::shape<2, 3, 4>> x;
  eg::variable<double, eg::shape<3, 1, 5, 2>> y;
  fill_random(x, 31);
  fill_random(y, 32);
  REQUIRE_GRADCHECK(eg::sum(x), x);
  REQUIRE_GRADCHECK(eg::sum<1>(x), x);
  REQUIRE_GRADCHECK(eg::sum<0, 2>(x), x);  // non-adjacent axes
  REQUIRE_GRADCHECK(eg::sum<0>(x * x), x);
  REQUIRE_GRADCHECK(eg::sum<3, 0>(y), y);
  REQUIRE_GRADCHECK(eg::sum<1, 2>(eg::exp(y)), y);
  eg::variable<double, eg::shape<>> s{0.3};
  REQUIRE_GRADCHECK(eg::sum(s * s), s);
}

TEST_CASE("sum of a broadcast is reduced correctly", "[summation]") {
  eg::variable<double, eg::shape<4, 3>> x;
  eg::variable<double, eg::shape<3>> b{1, 2, 3};
  fill_random(x, 33);
  auto s = eg::sum<1>(x + b);
  auto v = eg::eval(s);
  for (int i = 0; i < 4; ++i) {
    double e = 6;
    for (int j = 0; j < 3; ++j) e += x.data()[i * 3 + j];
    CHECK(v(i) == Approx(e).epsilon(1e-14));
  }
  REQUIRE_GRADCHECK(s, x, b);
}
