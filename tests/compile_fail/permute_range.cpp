// eg::permute<0, 1, 3> of a rank-3 operand: axis 3 does not exist.
// expect: etgrad: permute: the axes are not a permutation
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3, 4>> a;
  auto y = eg::eval(eg::permute<0, 1, 3>(a));
  (void)y;
}
