// reshape (2, 3) -> (4,): 6 elements against 4.
// expect: etgrad: reshape: the element counts of From and To differ
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3>> a;
  auto y = eg::eval(eg::reshape<eg::shape<4>>(a));
  (void)y;
}
