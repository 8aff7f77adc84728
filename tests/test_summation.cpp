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

TEST_CASE("a full sum of a partial sum is one reduction of the operand", "[summation][gradcheck]") {
  eg::variable<double, eg::shape<4, 3>> x;
  eg::variable<double, eg::shape<3>> b{1, 2, 3};
  fill_affine(x, 0.25, -1);  // -1, -0.75, ..., 1.75: sum 4.5; rows + b: 3.75, 6, 8.25, 10.5
  // sum(sum<1>(E)) is built as sum(E); sum(E) of a lazy broadcast reads it in one pass.
  STATIC_REQUIRE(std::is_same_v<decltype(eg::sum(eg::sum<1>(x + b))), decltype(eg::sum(x + b))>);
  STATIC_REQUIRE(std::is_same_v<decltype(eg::sum(eg::sum<0, 1>(x))), decltype(eg::sum(x))>);
  require_values(eg::eval(eg::sum(eg::sum<1>(x + b))), {28.5});
  require_values(eg::eval(eg::sum(eg::sum<0>(x))), {4.5});
  REQUIRE_GRADCHECK(eg::sum(eg::sum<1>(x + b)), x, b);
  // The partial sum is also used on its own: its buffer and the folded full sum agree.
  auto rows = eg::sum<1>(x + b);
  require_values(eg::eval(rows * eg::sum(rows)), {106.875, 171.0, 235.125, 299.25});
  REQUIRE_GRADCHECK(rows * eg::sum(rows) + eg::sum(eg::exp(rows) * 0.01), x, b);
}

namespace {
// eg::sum over n elements of a lazy expression against a long-double loop: every tail length
// of the packet loop, the block boundary of the blocked accumulation, and a long float sum whose
// rounding must stay that of a blocked sum (one running float sum drifts by 1e-5 to 1e-3 here).
template <class T, std::size_t N>
void check_full_sum(unsigned seed) {
  eg::variable<T, eg::shape<N>> x;
  fill_random(x, seed, 0.0, 1.0);
  const auto v = eg::eval(eg::sum(x * 2.0 + 1.0));
  long double expected = 0;
  for (std::size_t i = 0; i < N; ++i) expected += 2.0L * x.data()[i] + 1.0L;
  INFO("n = " << N);
  CHECK(double(v()) == Approx(double(expected)).epsilon(std::is_same_v<T, float> ? 5e-6 : 1e-14));
}
}  // namespace

TEST_CASE("sum of all elements: every tail length, block boundaries, long float sums",
          "[summation]") {
  check_full_sum<float, 1>(41);
  check_full_sum<float, 7>(42);
  check_full_sum<float, 31>(43);
  check_full_sum<float, 32>(44);
  check_full_sum<float, 33>(45);
  check_full_sum<float, 8191>(46);
  check_full_sum<float, 8192>(47);
  check_full_sum<float, 8195>(48);
  check_full_sum<float, 1000003>(49);
  check_full_sum<double, 3>(50);
  check_full_sum<double, 17>(51);
  check_full_sum<double, 4097>(52);
}
