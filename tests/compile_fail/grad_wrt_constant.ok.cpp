// grad_wrt_constant.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<3>> w;
  eg::variable<double, eg::shape<3>> x{1, 2, 3};
  auto [gw, gx] = eg::grad(eg::sum(w * x), w, x);
  (void)gw;
  (void)gx;
}
