// a + b with shapes (2, 3) and (2, 4): the last axes differ.
// expect: etgrad: add: operand shapes SA and SB do not broadcast
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3>> a;
  eg::variable<double, eg::shape<2, 4>> b;
  auto y = eg::eval(a + b);
  (void)y;
}
