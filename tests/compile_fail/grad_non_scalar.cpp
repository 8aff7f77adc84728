// eg::grad of a (2, 3) output: grad needs a scalar loss.
// expect: etgrad: grad: the loss must be a scalar
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3>> x;
  auto [gx] = eg::grad(eg::exp(x), x);
  (void)gx;
}
