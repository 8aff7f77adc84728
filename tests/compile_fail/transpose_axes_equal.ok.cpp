// transpose_axes_equal.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3, 4>> a;
  auto y = eg::eval(eg::transpose<1, 2>(a));
  (void)y;
}
