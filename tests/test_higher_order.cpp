// Second derivatives: Hessian-vector products, grad of sum(gradient(loss, x) * v), against
// finite differences of the gradient.
#include "support.hpp"

namespace {
// Checks the HVP of `loss` at x in direction v against (grad(x + h v) - grad(x - h v)) / 2h.
template <class L, class X>
void check_hvp(const L& loss, X& x, unsigned seed) {
  eg::constant<double, typename X::shape_type> v;
  fill_random(v, seed);
  auto hvp_loss = eg::sum(eg::gradient(loss, x) * v);
  auto [hv] = eg::grad(hvp_loss, x);
  const double h = 1e-5;
  X saved = x;
  for (std::size_t i = 0; i < X::size; ++i) x.data()[i] = saved.data()[i] + h * v.data()[i];
  auto [gp] = eg::grad(loss, x);
  for (std::size_t i = 0; i < X::size; ++i) x.data()[i] = saved.data()[i] - h * v.data()[i];
  auto [gm] = eg::grad(loss, x);
  x = saved;
  for (std::size_t i = 0; i < X::size; ++i) {
    const double numeric = (gp.data()[i] - gm.data()[i]) / (2 * h);
    INFO("element " << i);
    CHECK(hv.data()[i] == Approx(numeric).epsilon(1e-6).margin(1e-7));
  }
}
}  // namespace

TEST_CASE("gradient() is a lazy expression equal to grad()", "[higher_order]") {
  eg::variable<double, eg::shape<3>> x{1, 2, 3};
  auto loss = eg::sum(x * x * x);
  auto g = eg::gradient(loss, x);
  require_values(eg::eval(g), {3, 12, 27});
  require_values(eg::eval(g * 2.0 + x), {7, 26, 57});
  auto [h] = eg::grad(eg::sum(g), x);  // d/dx sum(3x^2) = 6x
  require_values(h, {6, 12, 18});
}

TEST_CASE("Hessian-vector products of elementwise ops", "[higher_order]") {
  eg::variable<double, eg::shape<2, 3>> x;
  eg::variable<double, eg::shape<3>> b;
  fill_random(x, 301, 0.5, 1.5);
  fill_random(b, 302, 0.5, 1.5);
  check_hvp(eg::sum(eg::exp(x) * x), x, 303);
  check_hvp(eg::sum(eg::log(x + b) / (x * x)), x, 304);
  check_hvp(eg::sum(eg::pow(x, 3) - eg::pow(x, b)), x, 305);
  check_hvp(eg::sum(eg::pow(b, x)), x, 306);
  check_hvp(eg::sum(-eg::relu(x - 1.0) * x + 1.0 / x), x, 307);
  check_hvp(eg::sum(x * b) * eg::sum(x), x, 308);
}

TEST_CASE("Hessian-vector products through sum, broadcast, reshape, transpose", "[higher_order]") {
  eg::variable<double, eg::shape<2, 3, 4>> x;
  fill_random(x, 311);
  check_hvp(eg::sum(eg::pow(eg::sum<1>(x), 2)), x, 312);
  check_hvp(eg::sum(eg::exp(eg::broadcast_to<eg::shape<5, 2, 3, 4>>(x)) * x), x, 313);
  check_hvp(eg::sum(eg::reshape<eg::shape<6, 4>>(x) * eg::reshape<eg::shape<6, 4>>(eg::exp(x))), x,
            314);
  check_hvp(eg::sum(eg::transpose(x) * eg::transpose(x * x)), x, 315);
  check_hvp(eg::sum(eg::logsumexp<2>(x) * eg::mean<2>(x)), x, 316);
}

TEST_CASE("Hessian-vector products through matmul", "[higher_order]") {
  eg::variable<double, eg::shape<3, 4>> a;
  eg::variable<double, eg::shape<4, 2>> w;
  eg::variable<double, eg::shape<2, 3, 4>> ab;
  fill_random(a, 321);
  fill_random(w, 322);
  fill_random(ab, 323);
  check_hvp(eg::sum(eg::exp(eg::matmul(a, w))), w, 324);
  check_hvp(eg::sum(eg::exp(eg::matmul(a, w))), a, 325);
  check_hvp(eg::sum(eg::pow(eg::matmul(ab, w), 2)), w, 326);
  check_hvp(eg::sum(eg::logsumexp<1>(eg::matmul(eg::relu(a), w))), w, 327);
  check_hvp(eg::sum(eg::matmul(a, eg::transpose(a)) * eg::matmul(a, eg::transpose(a))), a, 328);
}
