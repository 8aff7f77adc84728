// transpose_rank1.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> v;
  auto y = eg::eval(eg::transpose(eg::reshape<eg::shape<1, 3>>(v)));
  (void)y;
}
