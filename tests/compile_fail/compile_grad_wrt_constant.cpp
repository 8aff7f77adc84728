// eg::compile_grad with respect to an eg::constant.
// expect: etgrad: compile_grad: gradients are taken with respect to eg::variable leaves only
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 2>> w;
  eg::constant<double, eg::shape<2>> b;
  auto step = eg::compile_grad(eg::sum(w + b), w, b);
  const auto& [value, gw, gb] = step();
  (void)value;
  (void)gw;
  (void)gb;
}
