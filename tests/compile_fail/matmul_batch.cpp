// matmul (2, 3, 4) @ (5, 4, 6): batch axes 2 and 5 do not broadcast.
// expect: etgrad: matmul: the batch axes of SA and SB
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3, 4>> a;
  eg::variable<double, eg::shape<5, 4, 6>> b;
  auto y = eg::eval(eg::matmul(a, b));
  (void)y;
}
