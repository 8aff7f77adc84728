// broadcast_to (2, 3) -> (4, 3): axis 0 is 2, neither 4 nor 1.
// expect: etgrad: broadcast_to: operand shape From does not broadcast to target To
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3>> a;
  auto y = eg::eval(eg::broadcast_to<eg::shape<4, 3>>(a));
  (void)y;
}
