// value_and_grad_wrt_constant.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> x{1, 2, 3};
  auto [value, gx] = eg::value_and_grad(eg::sum(x * x), x);
  (void)value;
  (void)gx;
}
