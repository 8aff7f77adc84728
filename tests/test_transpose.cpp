// Transpose (two axes, default the last two) and permute (ops/transpose.hpp).
#include "support.hpp"

TEMPLATE_TEST_CASE("transpose and permute forward values match numpy", "[transpose]", float,
                   double) {
  eg::variable<TestType, eg::shape<2, 3, 4>> x;
  fill_affine(x, 0.5, -3);
  auto t = eg::transpose(x);
  STATIC_REQUIRE(std::is_same_v<typename decltype(t)::shape_type, eg::shape<2, 4, 3>>);
  require_values(eg::eval(t), {-3.0, -1.0, 1.0, -2.5, -0.5, 1.5, -2.0, 0.0, 2.0, -1.5, 0.5, 2.5,
                               3.0,  5.0,  7.0, 3.5,  5.5,  7.5, 4.0,  6.0, 8.0, 4.5,  6.5, 8.5});
  auto t02 = eg::transpose<0, 2>(x);
  STATIC_REQUIRE(std::is_same_v<typename decltype(t02)::shape_type, eg::shape<4, 3, 2>>);
  require_values(eg::eval(t02), {-3.0, 3.0, -1.0, 5.0, 1.0, 7.0, -2.5, 3.5, -0.5, 5.5, 1.5, 7.5,
                                 -2.0, 4.0, 0.0,  6.0, 2.0, 8.0, -1.5, 4.5, 0.5,  6.5, 2.5, 8.5});
  require_values(eg::eval(eg::transpose<2, 0>(x)),
                 {-3.0, 3.0, -1.0, 5.0, 1.0, 7.0, -2.5, 3.5, -0.5, 5.5, 1.5, 7.5,
                  -2.0, 4.0, 0.0,  6.0, 2.0, 8.0, -1.5, 4.5, 0.5,  6.5, 2.5, 8.5});
  auto p = eg::permute<2, 0, 1>(x);
  STATIC_REQUIRE(std::is_same_v<typename decltype(p)::shape_type, eg::shape<4, 2, 3>>);
  require_values(eg::eval(p), {-3.0, -1.0, 1.0, 3.0, 5.0, 7.0, -2.5, -0.5, 1.5, 3.5, 5.5, 7.5,
                               -2.0, 0.0,  2.0, 4.0, 6.0, 8.0, -1.5, 0.5,  2.5, 4.5, 6.5, 8.5});
  // transpose of a transpose is the identity
  require_values(eg::eval(eg::transpose(eg::transpose(x))),
                 {-3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5,
                  3.0,  3.5,  4.0,  4.5,  5.0,  5.5,  6.0, 6.5, 7.0, 7.5, 8.0, 8.5});
}

TEST_CASE("transpose and permute gradients match finite differences", "[transpose][gradcheck]") {
  eg::variable<double, eg::shape<2, 3, 4>> x;
  eg::variable<double, eg::shape<2, 3, 4, 5>> y;
  eg::variable<double, eg::shape<3, 4>> m;
  fill_random(x, 61);
  fill_random(y, 62);
  fill_random(m, 63);
  REQUIRE_GRADCHECK(eg::transpose(m), m);
  REQUIRE_GRADCHECK(eg::transpose(x), x);
  REQUIRE_GRADCHECK(eg::transpose<0, 2>(x), x);
  REQUIRE_GRADCHECK(eg::transpose(y), y);
  REQUIRE_GRADCHECK(eg::transpose<1, 3>(y), y);
  REQUIRE_GRADCHECK(eg::permute<2, 0, 1>(x), x);
  REQUIRE_GRADCHECK(eg::permute<3, 1, 0, 2>(y * y), y);
  REQUIRE_GRADCHECK(eg::permute<1, 0>(eg::transpose(m)) * m, m);
}
