// float + double: one expression has one element type.
// expect: etgrad: add: operands have different element types
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<float, eg::shape<3>> a;
  eg::variable<double, eg::shape<3>> b;
  auto y = eg::eval(a + b);
  (void)y;
}
