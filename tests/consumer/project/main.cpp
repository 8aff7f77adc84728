// Uses the installed or added etgrad: a gradient with a known answer; exit status tells.
#include <etgrad/etgrad.hpp>

#include <cstdio>

namespace eg = etgrad;

int main() {
  eg::variable<double, eg::shape<2, 2>> w{1, 2, 3, 4};
  auto [g] = eg::grad(eg::sum(eg::matmul(w, w)), w);
  const double expected[] = {7, 11, 9, 13};  // d/dw sum(w @ w)
  for (int i = 0; i < 4; ++i)
    if (g.data()[i] != expected[i]) {
      std::printf("consumer: wrong gradient\n");
      return 1;
    }
  std::printf("consumer: etgrad works (C++%ld)\n", __cplusplus / 100 % 100);
  return 0;
}
