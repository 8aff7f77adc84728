// compile_grad_wrt_constant.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 2>> w;
  eg::variable<double, eg::shape<2>> b;
  auto step = eg::compile_grad(eg::sum(w + b), w, b);
  const auto& [value, gw, gb] = step();
  (void)value;
  (void)gw;
  (void)gb;
}
