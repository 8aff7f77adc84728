// eg::gradient (the lazy, differentiable form) of a (3,) output.
// expect: etgrad: gradient: the loss must be a scalar
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> x;
  auto g = eg::eval(eg::gradient(x * x, x));
  (void)g;
}
