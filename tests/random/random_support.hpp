// Checks for the generated random programs (tests/random/gen_programs.py): a tensor or a scalar
// against numpy literals with |got - expected| <= rtol * |expected| + atol per element.
#pragma once

#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>
#include <etgrad/etgrad.hpp>
#include <initializer_list>
#include <sstream>

namespace eg = etgrad;

namespace rnd {

inline bool close(double got, double expected, double rtol, double atol) {
  return std::isfinite(got) && std::abs(got - expected) <= rtol * std::abs(expected) + atol;
}

// One assertion per tensor; on failure the message lists every element that is off.
template <class Tensor>
void check(const char* what, const Tensor& t, double rtol, double atol,
           std::initializer_list<double> expected) {
  INFO(what);
  REQUIRE(static_cast<std::size_t>(t.size()) == expected.size());
  std::ostringstream bad;
  std::size_t n_bad = 0, i = 0;
  for (double e : expected) {
    const double got = static_cast<double>(t.data()[i]);
    if (!close(got, e, rtol, atol)) {
      if (n_bad < 12)
        bad << "\n  element " << i << ": got " << got << ", expected " << e << " (error "
            << std::abs(got - e) << ", allowed " << rtol * std::abs(e) + atol << ")";
      ++n_bad;
    }
    ++i;
  }
  INFO(n_bad << " of " << expected.size() << " elements off (rtol " << rtol << ", atol " << atol
             << ")" << bad.str());
  CHECK(n_bad == 0);
}

inline void check_scalar(const char* what, double got, double rtol, double atol,
                         double expected) {
  INFO(what << ": got " << got << ", expected " << expected << " (rtol " << rtol << ", atol "
            << atol << ")");
  CHECK(close(got, expected, rtol, atol));
}

}  // namespace rnd
