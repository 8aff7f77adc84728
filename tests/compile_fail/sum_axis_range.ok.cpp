// sum_axis_range.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3>> a;
  auto y = eg::eval(eg::sum<1>(a));
  (void)y;
}
