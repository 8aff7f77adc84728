// eg::pow of a double base and a float exponent.
// expect: etgrad: pow: operands have different element types
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> a;
  eg::constant<float, eg::shape<3>> b;
  auto y = eg::eval(eg::pow(a, b));
  (void)y;
}
