// Helpers shared by the tests: value comparison with literal expectations and gradcheck.
#pragma once

#include <catch2/catch.hpp>
#include <cmath>
#include <etgrad/etgrad.hpp>
#include <initializer_list>
#include <vector>

namespace eg = etgrad;

// Tolerance for comparing with numpy literals: a few ulps of the type, relative.
template <class T>
constexpr double tolerance() {
  return std::is_same_v<T, float> ? 2e-6 : 1e-13;
}

template <class Tensor>
void require_values(const Tensor& t, std::initializer_list<double> expected) {
  using T = typename Tensor::Scalar;
  REQUIRE(static_cast<std::size_t>(t.size()) == expected.size());
  std::size_t i = 0;
  for (double e : expected) {
    const double got = double(t.data()[i]);
    INFO("element " << i << ": got " << got << ", expected " << e);
    if (std::isnan(e))
      CHECK(std::isnan(got));
    else if (std::isinf(e))
      CHECK(got == e);
    else
      CHECK(std::abs(got - e) <= tolerance<T>() * std::max(1.0, std::abs(e)));
    ++i;
  }
}

// Fill a variable with deterministic pseudo-random values in [lo, hi).
template <class V>
void fill_random(V& v, unsigned seed, double lo = -1.0, double hi = 1.0) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> d(lo, hi);
  for (std::size_t i = 0; i < V::size; ++i)
    v.data()[i] = static_cast<typename V::value_type>(d(rng));
}

// numpy: arange(n) * scale + shift, in row-major order.
template <class V>
void fill_affine(V& v, double scale, double shift) {
  for (std::size_t i = 0; i < V::size; ++i)
    v.data()[i] = static_cast<typename V::value_type>(double(i) * scale + shift);
}

// Central differences against the analytic VJP with a random output gradient (double).
#define REQUIRE_GRADCHECK(...)                                                          \
  do {                                                                                  \
    const auto report_ = eg::gradcheck(__VA_ARGS__);                                    \
    for (std::size_t k_ = 0; k_ < report_.leaves.size(); ++k_) {                        \
      INFO("leaf " << k_ << ": max relative error " << report_.leaves[k_].max_rel_error \
                   << " at element " << report_.leaves[k_].worst_index);                \
      CHECK(report_.leaves[k_].max_rel_error <= 1e-6);                                  \
    }                                                                                   \
    REQUIRE(report_.ok);                                                                \
  } while (0)
