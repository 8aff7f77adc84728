// matmul of a vector (3,) and a matrix (3, 2).
// expect: etgrad: matmul: both operands need rank >= 2
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> v;
  eg::variable<double, eg::shape<3, 2>> w;
  auto y = eg::eval(eg::matmul(v, w));
  (void)y;
}
