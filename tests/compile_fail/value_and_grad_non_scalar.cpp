// eg::value_and_grad of a (3,) output.
// expect: etgrad: value_and_grad: the loss must be a scalar
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> x;
  auto [value, gx] = eg::value_and_grad(x * x, x);
  (void)value;
  (void)gx;
}
