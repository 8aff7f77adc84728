// eg::logsumexp<2> of a rank-2 operand: its axes are 0 and 1.
// expect: etgrad: logsumexp: an axis is out of range
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3>> a;
  auto y = eg::eval(eg::logsumexp<2>(a));
  (void)y;
}
