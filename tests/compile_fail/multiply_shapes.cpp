// a * b with shapes (2, 3, 4) and (3, 3): axis 3 against 4.
// expect: etgrad: multiply: operand shapes SA and SB do not broadcast
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<float, eg::shape<2, 3, 4>> a;
  eg::variable<float, eg::shape<3, 3>> b;
  auto y = eg::eval(a * b);
  (void)y;
}
