// eg::grad with respect to an eg::constant, which is never differentiated.
// expect: etgrad: grad: gradients are taken with respect to eg::variable leaves only
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> w;
  eg::constant<double, eg::shape<3>> x{1, 2, 3};
  auto [gw, gx] = eg::grad(eg::sum(w * x), w, x);
  (void)gw;
  (void)gx;
}
