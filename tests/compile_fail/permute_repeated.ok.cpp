// permute_repeated.cpp with the mistake fixed.
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3, 4>> a;
  auto y = eg::eval(eg::permute<2, 0, 1>(a));
  (void)y;
}
