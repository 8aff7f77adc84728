// eg::variable<int, ...>: leaves hold float or double.
// expect: etgrad: variable: the element type must be float or double
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<int, eg::shape<3>> x{1, 2, 3};
  auto [gx] = eg::grad(eg::sum(x * x), x);
  (void)gx;
}
