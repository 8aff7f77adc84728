// vjp_element_type.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> x;
  eg::constant<double, eg::shape<3>> g;
  auto [gx] = eg::vjp(eg::exp(x), g, x);
  (void)gx;
}
