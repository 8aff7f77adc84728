// eg::vjp with an output gradient of shape (3, 2) for an output of shape (2, 3).
// expect: etgrad: vjp: the output gradient G must have exactly the output's shape
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3>> x;
  eg::constant<double, eg::shape<3, 2>> g;
  auto [gx] = eg::vjp(eg::exp(x), g, x);
  (void)gx;
}
