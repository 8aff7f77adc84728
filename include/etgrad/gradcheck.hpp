// eg::gradcheck: compares the analytic gradients of an expression with central finite
// differences, like torch.autograd.gradcheck and JAX's check_grads. Use it in double.
//
//   eg::variable<double, eg::shape<3>> x{0.1, 0.2, 0.3};
//   auto report = eg::gradcheck(eg::exp(x) * x, x);
//   assert(report.ok);                  // report.leaves[0].max_abs_error, .max_rel_error
//
// For an output of any shape the check uses a random output gradient G (seeded), i.e. it checks
// the vector-Jacobian product of sum(out * G). Leaves are perturbed in place and restored.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <random>

#include "grad.hpp"

namespace etgrad {

struct gradcheck_options {
  double step = 1e-6;       // central difference step h
  double tolerance = 1e-6;  // |analytic - numeric| <= tolerance * max(1, |analytic|, |numeric|)
  std::uint32_t seed = 20261203;
};

struct gradcheck_leaf {
  double max_abs_error = 0;
  double max_rel_error = 0;  // |a - n| / max(1, |a|, |n|)
  std::size_t worst_index = 0;
};

template <std::size_t N>
struct gradcheck_report {
  bool ok = true;
  std::array<gradcheck_leaf, N> leaves{};
};

template <class Out, class... V>
gradcheck_report<sizeof...(V)> gradcheck(const gradcheck_options& opt, const Out& out,
                                         V&... leaves) {
  using T = detail::value_t<Out>;
  using S = detail::shape_of<Out>;
  static_assert((detail::is_variable_v<V> && ...),
                "etgrad: gradcheck: the leaves must be eg::variable objects");
  constant<T, S> g;
  std::mt19937 rng(opt.seed);
  std::uniform_real_distribution<double> uni(-1.0, 1.0);
  for (std::size_t i = 0; i < S::size; ++i) g.data()[i] = static_cast<T>(uni(rng));

  auto weighted = [&]() {
    const auto y = eval(out);
    double s = 0;
    for (std::size_t i = 0; i < S::size; ++i) s += double(y.data()[i]) * double(g.data()[i]);
    return s;
  };
  const auto analytic = vjp(out, g, leaves...);

  gradcheck_report<sizeof...(V)> report;
  std::size_t k = 0;
  auto check_leaf = [&](auto& leaf, const auto& a) {
    gradcheck_leaf& r = report.leaves[k++];
    for (std::size_t i = 0; i < std::decay_t<decltype(leaf)>::size; ++i) {
      T& x = leaf.data()[i];
      const T saved = x;
      x = static_cast<T>(saved + opt.step);
      const double up = weighted();
      x = static_cast<T>(saved - opt.step);
      const double down = weighted();
      x = saved;
      const double numeric = (up - down) / (2 * opt.step);
      const double an = double(a.data()[i]);
      const double err = std::abs(an - numeric);
      const double rel = err / std::max({1.0, std::abs(an), std::abs(numeric)});
      if (!(err <= r.max_abs_error)) r.max_abs_error = err;
      if (!(rel <= r.max_rel_error)) {
        r.max_rel_error = rel;
        r.worst_index = i;
      }
    }
    if (!(r.max_rel_error <= opt.tolerance)) report.ok = false;
  };
  std::apply([&](const auto&... a) { (check_leaf(leaves, a), ...); }, analytic);
  return report;
}

template <class Out, class... V>
gradcheck_report<sizeof...(V)> gradcheck(const Out& out, V&... leaves) {
  return gradcheck(gradcheck_options{}, out, leaves...);
}

}  // namespace etgrad
