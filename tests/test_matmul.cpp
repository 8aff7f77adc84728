// MatMul (ops/matmul.hpp): 2-D, batched on either side, batch axes broadcast, size-1 batch axes.
#include "support.hpp"

TEMPLATE_TEST_CASE("matmul forward values match numpy", "[matmul]", float, double) {
  eg::variable<TestType, eg::shape<2, 3>> a{1, 2, 3, 4, 5, 6};
  eg::variable<TestType, eg::shape<3, 2>> b{0.5, -1, 2, 0.25, -1.5, 1};
  require_values(eg::eval(eg::matmul(a, b)), {0.0, 2.5, 3.0, 3.25});
  eg::variable<TestType, eg::shape<2, 2, 3>> a3;
  fill_affine(a3, 0.5, -1);
  auto mb = eg::matmul(a3, b);
  STATIC_REQUIRE(std::is_same_v<typename decltype(mb)::shape_type, eg::shape<2, 2, 2>>);
  require_values(eg::eval(mb), {-1.5, 0.875, 0.0, 1.25, 1.5, 1.625, 3.0, 2.0});
  eg::variable<TestType, eg::shape<2, 3, 2>> b3;
  fill_affine(b3, 0.25, -1);
  require_values(eg::eval(eg::matmul(a, b3)), {-2.0, -0.5, -6.5, -2.75, 7.0, 8.5, 16.0, 19.75});
  eg::variable<TestType, eg::shape<1, 2, 3>> a1{1, 2, 3, 4, 5, 6};
  auto m1 = eg::matmul(a1, b3);
  STATIC_REQUIRE(std::is_same_v<typename decltype(m1)::shape_type, eg::shape<2, 2, 2>>);
  require_values(eg::eval(m1), {-2.0, -0.5, -6.5, -2.75, 7.0, 8.5, 16.0, 19.75});
  // transposed operands are read in place
  require_values(eg::eval(eg::matmul(eg::transpose(b), eg::transpose(a))), {0.0, 3.0, 2.5, 3.25});
  // an expression operand is materialised first
  require_values(eg::eval(eg::matmul(a * 1, b + 0)), {0.0, 2.5, 3.0, 3.25});
}

TEST_CASE("matmul gradients match finite differences", "[matmul][gradcheck]") {
  eg::variable<double, eg::shape<4, 3>> a;
  eg::variable<double, eg::shape<3, 5>> b;
  eg::variable<double, eg::shape<2, 4, 3>> ab;
  eg::variable<double, eg::shape<2, 3, 5>> bb;
  eg::variable<double, eg::shape<1, 5, 4>> a1;
  eg::variable<double, eg::shape<6, 4, 3>> b6;
  eg::variable<double, eg::shape<3, 1, 2, 4>> a4;
  eg::variable<double, eg::shape<5, 4, 2>> b4;
  fill_random(a, 71);
  fill_random(b, 72);
  fill_random(ab, 73);
  fill_random(bb, 74);
  fill_random(a1, 75);
  fill_random(b6, 76);
  fill_random(a4, 77);
  fill_random(b4, 78);
  SECTION("2-D") {
    REQUIRE_GRADCHECK(eg::matmul(a, b), a, b);
  }
  SECTION("batched on the left") {
    REQUIRE_GRADCHECK(eg::matmul(ab, b), ab, b);
  }
  SECTION("batched on the right") {
    REQUIRE_GRADCHECK(eg::matmul(a, bb), a, bb);
  }
  SECTION("batched on both sides") {
    REQUIRE_GRADCHECK(eg::matmul(ab, bb), ab, bb);
  }
  SECTION("size-1 batch axis (1,5,4) @ (6,4,3)") {
    auto m = eg::matmul(a1, b6);
    STATIC_REQUIRE(std::is_same_v<decltype(m)::shape_type, eg::shape<6, 5, 3>>);
    REQUIRE_GRADCHECK(m, a1, b6);
  }
  SECTION("batch axes broadcast on both sides (3,1,2,4) @ (5,4,2)") {
    auto m = eg::matmul(a4, b4);
    STATIC_REQUIRE(std::is_same_v<decltype(m)::shape_type, eg::shape<3, 5, 2, 2>>);
    REQUIRE_GRADCHECK(m, a4, b4);
  }
  SECTION("transposed and computed operands") {
    eg::variable<double, eg::shape<3, 4>> at;
    fill_random(at, 79);
    REQUIRE_GRADCHECK(eg::matmul(eg::transpose(at), eg::exp(b)), at, b);
    REQUIRE_GRADCHECK(eg::matmul(eg::transpose(eg::matmul(ab, b)), ab), ab, b);
  }
}

TEST_CASE("matmul gradient of a size-1 batch operand keeps its shape", "[matmul]") {
  eg::variable<double, eg::shape<1, 5, 4>> a;
  eg::variable<double, eg::shape<6, 4, 3>> b;
  fill_random(a, 80);
  fill_random(b, 81);
  auto [ga, gb] = eg::grad(eg::sum(eg::matmul(a, b)), a, b);
  CHECK(ga.dimension(0) == 1);
  CHECK(ga.dimension(1) == 5);
  CHECK(ga.dimension(2) == 4);
  CHECK(gb.dimension(0) == 6);
  // d/da sum(a @ b_t) summed over t: row sums of b over t and columns.
  for (int k = 0; k < 4; ++k) {
    double e = 0;
    for (int t = 0; t < 6; ++t)
      for (int j = 0; j < 3; ++j) e += b.data()[t * 12 + k * 3 + j];
    for (int i = 0; i < 5; ++i) CHECK(ga(0, i, k) == Approx(e).epsilon(1e-12));
  }
}
