// eg::gradient with respect to an expression.
// expect: etgrad: gradient: gradients are taken with respect to eg::variable leaves only
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> x;
  auto g = eg::eval(eg::gradient(eg::sum(x * x), eg::exp(x)));
  (void)g;
}
