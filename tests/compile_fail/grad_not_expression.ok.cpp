// grad_not_expression.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> x;
  auto loss = eg::sum(x);
  auto [gx] = eg::grad(loss, x);
  (void)gx;
}
