// variable_element_type.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> x{1, 2, 3};
  auto [gx] = eg::grad(eg::sum(x * x), x);
  (void)gx;
}
