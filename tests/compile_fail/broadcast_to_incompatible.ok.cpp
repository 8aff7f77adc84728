// broadcast_to_incompatible.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3>> a;
  auto y = eg::eval(eg::broadcast_to<eg::shape<4, 2, 3>>(a));
  (void)y;
}
