// add_shapes.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3>> a;
  eg::variable<double, eg::shape<2, 3>> b;
  auto y = eg::eval(a + b);
  (void)y;
}
