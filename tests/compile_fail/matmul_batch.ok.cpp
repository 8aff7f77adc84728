// matmul_batch.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3, 4>> a;
  eg::variable<double, eg::shape<1, 4, 6>> b;
  auto y = eg::eval(eg::matmul(a, b));
  (void)y;
}
