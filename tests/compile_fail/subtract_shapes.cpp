// a - b with shapes (3,) and (4,).
// expect: etgrad: subtract: operand shapes SA and SB do not broadcast
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> a;
  eg::variable<double, eg::shape<4>> b;
  auto y = eg::eval(a - b);
  (void)y;
}
