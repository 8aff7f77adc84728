// matmul of a float matrix and a double matrix.
// expect: etgrad: matmul: operands have different element types
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<float, eg::shape<2, 3>> a;
  eg::variable<double, eg::shape<3, 4>> b;
  auto y = eg::eval(eg::matmul(a, b));
  (void)y;
}
