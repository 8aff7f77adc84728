// error_in_larger_expression.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3>> a;
  eg::variable<double, eg::shape<3, 2>> b;
  auto loss = eg::mean(eg::exp(a + eg::transpose(b)) * 2 - eg::log(eg::relu(a)));
  auto [ga, gb] = eg::grad(loss, a, b);
  (void)ga;
  (void)gb;
}
