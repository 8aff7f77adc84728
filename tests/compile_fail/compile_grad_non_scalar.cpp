// eg::compile_grad of a (2, 2) output.
// expect: etgrad: compile_grad: the loss must be a scalar
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 2>> w;
  auto step = eg::compile_grad(eg::matmul(w, w), w);
  const auto& [value, gw] = step();
  (void)value;
  (void)gw;
}
