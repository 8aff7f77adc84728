// A shape error deep inside a larger expression, then grad: one etgrad error, no cascade.
// expect: etgrad: add: operand shapes SA and SB do not broadcast
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3>> a;
  eg::variable<double, eg::shape<3, 2>> b;
  auto loss = eg::mean(eg::exp(a + b) * 2 - eg::log(eg::relu(a)));
  auto [ga, gb] = eg::grad(loss, a, b);
  (void)ga;
  (void)gb;
}
