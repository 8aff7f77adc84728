// eg::transpose<0, 1>(s) of a scalar.
// expect: etgrad: transpose: the operand has rank < 2
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<>> s;
  auto y = eg::eval(eg::transpose<0, 1>(s));
  (void)y;
}
