// eg::transpose(v) of a vector: there are no two axes to swap.
// expect: etgrad: transpose: the operand has rank < 2
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> v;
  auto y = eg::eval(eg::transpose(v));
  (void)y;
}
