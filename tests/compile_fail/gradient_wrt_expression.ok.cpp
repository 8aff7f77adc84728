// gradient_wrt_expression.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> x;
  auto g = eg::eval(eg::gradient(eg::sum(x * x), x));
  (void)g;
}
