// eg::grad with respect to an expression (x * 2) instead of a variable.
// expect: etgrad: grad: gradients are taken with respect to eg::variable leaves only
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> x;
  auto [gx] = eg::grad(eg::sum(x * x), x * 2);
  (void)gx;
}
