// grad_wrt_expression.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> x;
  auto [gx] = eg::grad(eg::sum(x * x), x);
  (void)gx;
}
