// grad_element_type.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> x;
  eg::variable<double, eg::shape<3>> y;
  auto [gx, gy] = eg::grad(eg::sum(x * x), x, y);
  (void)gx;
  (void)gy;
}
