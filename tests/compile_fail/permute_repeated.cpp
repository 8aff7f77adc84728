// eg::permute<0, 0, 1>: axis 0 twice, axis 2 missing.
// expect: etgrad: permute: the axes are not a permutation
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3, 4>> a;
  auto y = eg::eval(eg::permute<0, 0, 1>(a));
  (void)y;
}
