// eg::logsumexp<0, 0>: an axis listed twice.
// expect: etgrad: logsumexp: an axis is listed twice
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3>> a;
  auto y = eg::eval(eg::logsumexp<0, 0>(a));
  (void)y;
}
