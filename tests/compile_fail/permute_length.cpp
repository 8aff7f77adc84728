// eg::permute<1, 0> of a rank-3 operand: the permutation is too short.
// expect: etgrad: permute: the permutation must list every axis
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 3, 4>> a;
  auto y = eg::eval(eg::permute<1, 0>(a));
  (void)y;
}
