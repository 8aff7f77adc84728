// eg::pow(a, b) with shapes (2, 2) and (3,).
// expect: etgrad: pow: operand shapes SA and SB do not broadcast
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 2>> a;
  eg::variable<double, eg::shape<3>> b;
  auto y = eg::eval(eg::pow(a, b));
  (void)y;
}
