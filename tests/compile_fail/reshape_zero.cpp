// reshape (2, 3) -> (0, 6): a zero dimension.
// expect: etgrad: reshape: the target shape To has a zero dimension
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3>> a;
  auto y = eg::eval(eg::reshape<eg::shape<0, 6>>(a));
  (void)y;
}
