// divide_shapes.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<4, 3>> a;
  eg::variable<double, eg::shape<4>> b;
  auto y = eg::eval(a / eg::reshape<eg::shape<4, 1>>(b));
  (void)y;
}
