// compile_grad_non_scalar.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 2>> w;
  auto step = eg::compile_grad(eg::sum(eg::matmul(w, w)), w);
  const auto& [value, gw] = step();
  (void)value;
  (void)gw;
}
