// eg::grad of a plain double, which is not an etgrad expression.
// expect: etgrad: grad: the loss must be an etgrad expression
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> x;
  double loss = 1.0;
  auto [gx] = eg::grad(loss, x);
  (void)gx;
}
