// eg::transpose<1, 1>: the two axes are the same.
// expect: etgrad: transpose: the two axes are equal
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3, 4>> a;
  auto y = eg::eval(eg::transpose<1, 1>(a));
  (void)y;
}
