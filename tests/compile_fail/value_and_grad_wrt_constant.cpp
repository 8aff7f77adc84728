// eg::value_and_grad with respect to an eg::constant.
// expect: etgrad: value_and_grad: gradients are taken with respect to eg::variable leaves only
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::constant<double, eg::shape<3>> x{1, 2, 3};
  auto [value, gx] = eg::value_and_grad(eg::sum(x * x), x);
  (void)value;
  (void)gx;
}
