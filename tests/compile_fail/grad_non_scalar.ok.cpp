// grad_non_scalar.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3>> x;
  auto [gx] = eg::grad(eg::sum(eg::exp(x)), x);
  (void)gx;
}
