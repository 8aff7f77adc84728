// eg::grad of a double loss with respect to a float variable, which cannot be in it.
// expect: etgrad: grad: a variable's element type differs from the loss's
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> x;
  eg::variable<float, eg::shape<3>> y;
  auto [gx, gy] = eg::grad(eg::sum(x * x), x, y);
  (void)gx;
  (void)gy;
}
