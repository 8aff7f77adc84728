// add_element_types.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> a;
  eg::variable<double, eg::shape<3>> b;
  auto y = eg::eval(a + b);
  (void)y;
}
