// Expression lifetime (detail/node.hpp): expressions from temporaries, returned from
// functions, copied, moved and stored in auto stay valid; an rvalue leaf is owned.
#include "support.hpp"

namespace {
using vec = eg::variable<double, eg::shape<3>>;

auto make_expression(const vec& x) {
  vec local{1, 2, 3};
  return eg::exp(x) * std::move(local) + vec{0.5, 0.5, 0.5};  // both temporaries are owned
}
auto make_loss(const vec& x) {
  return eg::sum(make_expression(x));
}
}  // namespace

TEST_CASE("expressions built from temporaries and returned from functions", "[lifetime]") {
  vec x{0, 0, 0};
  auto e = make_expression(x);
  require_values(eg::eval(e), {1.5, 2.5, 3.5});
  auto loss = make_loss(x);
  auto [g] = eg::grad(loss, x);
  require_values(g, {1, 2, 3});
  auto copy = loss;
  auto moved = std::move(copy);
  x.value().setConstant(1.0);
  require_values(eg::eval(moved), {1.5 + 6 * 2.718281828459045});
}

TEST_CASE("an rvalue constant inside an expression is owned", "[lifetime]") {
  vec x{1, 2, 3};
  auto e = x * eg::constant<double, eg::shape<3>>{2, 2, 2} +
           eg::sum(eg::constant<double, eg::shape<2>>{1, 1});
  require_values(eg::eval(e), {4, 6, 8});
  auto [g] = eg::grad(eg::sum(e), x);
  require_values(g, {2, 2, 2});
}

TEST_CASE("a compiled gradient outlives the loss expression it was built from", "[lifetime]") {
  eg::variable<double, eg::shape<2, 2>> w{1, 2, 3, 4};
  auto step = [&] {
    auto loss = eg::sum(eg::matmul(w, w));
    return eg::compile_grad(loss, w);
  }();
  const auto& [v, g] = step();
  CHECK(v == 54.0);  // sum(w @ w) with w = [[1,2],[3,4]]: [[7,10],[15,22]]
  require_values(g, {7, 11, 9, 13});
}
