// matmul_rank.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> v;
  eg::variable<double, eg::shape<3, 2>> w;
  auto y = eg::eval(eg::matmul(eg::reshape<eg::shape<1, 3>>(v), w));
  (void)y;
}
