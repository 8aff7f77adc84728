// matmul (2, 3) @ (4, 5): inner dimensions 3 and 4.
// expect: etgrad: matmul: inner dimensions differ
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3>> a;
  eg::variable<double, eg::shape<4, 5>> b;
  auto y = eg::eval(eg::matmul(a, b));
  (void)y;
}
