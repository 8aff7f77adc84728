// matmul_element_types.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<float, eg::shape<2, 3>> a;
  eg::variable<float, eg::shape<3, 4>> b;
  auto y = eg::eval(eg::matmul(a, b));
  (void)y;
}
