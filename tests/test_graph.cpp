// Whole graphs and the derivative entry points (grad.hpp, autodiff.hpp): leaves and
// subexpressions used several times, unused leaves, grad/vjp/value_and_grad/compile_grad.
#include "support.hpp"

TEST_CASE("a leaf used several times accumulates its gradient", "[graph][gradcheck]") {
  eg::variable<double, eg::shape<3, 4>> x;
  eg::variable<double, eg::shape<4>> b;
  fill_random(x, 201);
  fill_random(b, 202);
  REQUIRE_GRADCHECK(x * x + eg::exp(x) * b - x / (b * b + 1.0), x, b);
  auto [g] = eg::grad(eg::sum(x * x), x);
  for (int i = 0; i < 12; ++i) CHECK(g.data()[i] == Approx(2 * x.data()[i]).epsilon(1e-14));
}

TEST_CASE("two variables of the same type are told apart", "[graph]") {
  eg::variable<double, eg::shape<2>> u{1, 2};
  eg::variable<double, eg::shape<2>> v{3, 5};
  auto loss = eg::sum(u * v * v);
  auto [gu, gv] = eg::grad(loss, u, v);
  require_values(gu, {9, 25});
  require_values(gv, {6, 20});
  auto [gv2, gu2] = eg::grad(loss, v, u);  // order follows the arguments
  require_values(gv2, {6, 20});
  require_values(gu2, {9, 25});
}

TEST_CASE("a subexpression used several times", "[graph][gradcheck]") {
  eg::variable<double, eg::shape<2, 3>> a;
  eg::variable<double, eg::shape<3, 2>> w;
  fill_random(a, 203);
  fill_random(w, 204);
  auto h = eg::relu(eg::matmul(a, w) + 0.1);
  auto e = eg::exp(h);
  REQUIRE_GRADCHECK(h * h + e - eg::matmul(h, eg::transpose(h)) + eg::sum(e), a, w);
}

TEST_CASE("a leaf the loss does not use gets zeros", "[graph]") {
  eg::variable<double, eg::shape<2>> x{1, 2};
  eg::variable<double, eg::shape<3>> unused{1, 1, 1};
  eg::variable<double, eg::shape<2>> same_type_unused{4, 4};
  auto [gx, gu, gs] = eg::grad(eg::sum(x * 3.0), x, unused, same_type_unused);
  require_values(gx, {3, 3});
  require_values(gu, {0, 0, 0});
  require_values(gs, {0, 0});
}

TEST_CASE("constants are not differentiated and mix with variables", "[graph]") {
  eg::variable<double, eg::shape<2>> x{1, 2};
  eg::constant<double, eg::shape<2>> c{10, 20};
  auto [g] = eg::grad(eg::sum(x * c + c), x);
  require_values(g, {10, 20});
}

TEST_CASE("value_and_grad returns the loss and the gradients flat", "[graph]") {
  eg::variable<double, eg::shape<2>> x{1, 2};
  eg::variable<double, eg::shape<>> s{3};
  auto [v, gx, gs] = eg::value_and_grad(eg::sum(x * x) * s, x, s);
  CHECK(v == 15.0);
  require_values(gx, {6, 12});
  require_values(gs, {5});
  auto [gx1] = eg::grad(eg::sum(x), x);  // one leaf: still a tuple
  require_values(gx1, {1, 1});
}

TEST_CASE("vjp with an expression as output gradient", "[graph]") {
  eg::variable<double, eg::shape<2, 2>> x{1, 2, 3, 4};
  eg::constant<double, eg::shape<2, 2>> g{1, 0, 0, 1};
  auto [gx] = eg::vjp(x * x, g, x);
  require_values(gx, {2, 0, 0, 8});
  auto [gx2] = eg::vjp(x * x, g * 2.0, x);
  require_values(gx2, {4, 0, 0, 16});
}

TEST_CASE("compile_grad equals grad and follows changing leaf values", "[graph]") {
  eg::variable<double, eg::shape<3, 2>> w;
  eg::variable<double, eg::shape<2>> b;
  eg::constant<double, eg::shape<4, 3>> x;
  fill_random(w, 205);
  fill_random(b, 206);
  for (std::size_t i = 0; i < 12; ++i) x.data()[i] = 0.1 * double(i);
  auto loss = eg::mean(eg::logsumexp<1>(eg::matmul(x, w) + b));
  auto step = eg::compile_grad(loss, w, b);
  for (int iter = 0; iter < 3; ++iter) {
    const auto& [v, gw, gb] = step();
    auto [v2, gw2, gb2] = eg::value_and_grad(loss, w, b);
    CHECK(v == Approx(v2).epsilon(1e-15));
    for (int i = 0; i < 6; ++i) CHECK(gw.data()[i] == Approx(gw2.data()[i]).epsilon(1e-14));
    for (int i = 0; i < 2; ++i) CHECK(gb.data()[i] == Approx(gb2.data()[i]).epsilon(1e-14));
    w.value() -= 0.5 * gw;
    b.value() -= 0.5 * gb;
  }
}

TEST_CASE("float and double instantiations agree", "[graph]") {
  eg::variable<float, eg::shape<2, 3>> xf;
  eg::variable<double, eg::shape<2, 3>> xd;
  fill_random(xf, 207);
  for (int i = 0; i < 6; ++i) xd.data()[i] = xf.data()[i];
  auto [gf] = eg::grad(eg::sum(eg::exp(xf) * xf) + eg::sum(eg::logsumexp<1>(xf)), xf);
  auto [gd] = eg::grad(eg::sum(eg::exp(xd) * xd) + eg::sum(eg::logsumexp<1>(xd)), xd);
  for (int i = 0; i < 6; ++i) CHECK(double(gf.data()[i]) == Approx(gd.data()[i]).epsilon(1e-5));
}

TEST_CASE("a loss that is itself a rank-0 variable", "[graph]") {
  eg::variable<double, eg::shape<>> s{2};
  auto [g] = eg::grad(s, s);
  require_values(g, {1});
}

// Regression: merging the uses of a shared node once counted an unused duplicate (the flags of
// the merged sum were assigned in argument-evaluation order), doubling sum(e)'s gradient here.
TEST_CASE("a stored node used directly, inside a reduction and beside a matmul",
          "[graph][gradcheck]") {
  eg::variable<double, eg::shape<2, 3>> a;
  eg::variable<double, eg::shape<3, 2>> w;
  fill_random(a, 203);
  fill_random(w, 204);
  auto h = eg::relu(eg::matmul(a, w) + 0.1);
  auto e = eg::exp(h);
  REQUIRE_GRADCHECK(e - eg::matmul(h, eg::transpose(h)) + eg::sum(e), a, w);
  REQUIRE_GRADCHECK(eg::sum(e) * e + eg::sum<1>(e * h) + h, a, w);
}
