// subtract_shapes.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> a;
  eg::variable<double, eg::shape<1>> b;
  auto y = eg::eval(a - b);
  (void)y;
}
