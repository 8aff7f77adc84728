// broadcast_to (2, 3) -> (3,): broadcasting never removes axes.
// expect: etgrad: broadcast_to: the target shape To has lower rank than the operand From
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3>> a;
  auto y = eg::eval(eg::broadcast_to<eg::shape<3>>(a));
  (void)y;
}
