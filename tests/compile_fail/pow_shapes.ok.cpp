// pow_shapes.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 2>> a;
  eg::variable<double, eg::shape<2>> b;
  auto y = eg::eval(eg::pow(a, b));
  (void)y;
}
