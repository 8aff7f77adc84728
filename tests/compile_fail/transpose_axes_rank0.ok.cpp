// transpose_axes_rank0.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<1, 1>> s;
  auto y = eg::eval(eg::transpose<0, 1>(s));
  (void)y;
}
