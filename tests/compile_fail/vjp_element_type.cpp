// eg::vjp with a float output gradient for a double output.
// expect: etgrad: vjp: the output gradient's element type differs
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> x;
  eg::constant<float, eg::shape<3>> g;
  auto [gx] = eg::vjp(eg::exp(x), g, x);
  (void)gx;
}
