// eg::transpose<0, 2> of a rank-2 operand.
// expect: etgrad: transpose: an axis is out of range
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3>> a;
  auto y = eg::eval(eg::transpose<0, 2>(a));
  (void)y;
}
