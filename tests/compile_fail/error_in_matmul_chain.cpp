// A matmul error inside a two-layer network, then value_and_grad: one etgrad error.
// expect: etgrad: matmul: inner dimensions differ
#include <etgrad/etgrad.hpp>

namespace eg = etgrad;

int main() {
  eg::constant<float, eg::shape<8, 4>> x;
  eg::variable<float, eg::shape<4, 16>> w1;
  eg::variable<float, eg::shape<8, 10>> w2;
  auto h = eg::relu(eg::matmul(x, w1));
  auto loss = eg::mean(eg::logsumexp<1>(eg::matmul(h, w2)));
  auto [value, g1, g2] = eg::value_and_grad(loss, w1, w2);
  (void)value;
  (void)g1;
  (void)g2;
}
