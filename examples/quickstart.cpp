// The README's quick start: least squares by gradient descent, y = X w + b.
#include <etgrad/etgrad.hpp>

#include <cstdio>

namespace eg = etgrad;

int main() {
  eg::constant<double, eg::shape<8, 3>> x;
  eg::constant<double, eg::shape<8>> y;
  x.value().setRandom();
  for (int i = 0; i < 8; ++i) y.data()[i] = 1.0 * x.value()(i, 0) - 2.0 * x.value()(i, 1) + 0.5;

  eg::variable<double, eg::shape<3, 1>> w;  // zeros
  eg::variable<double, eg::shape<>> b;
  auto pred = eg::reshape<eg::shape<8>>(eg::matmul(x, w)) + b;
  auto loss = eg::mean(eg::pow(pred - y, 2));
  auto step = eg::compile_grad(loss, w, b);  // built once, no allocation per call
  for (int it = 0; it <= 200; ++it) {
    const auto& [l, gw, gb] = step();
    if (it % 40 == 0) std::printf("step %3d  loss %.6f\n", it, l);
    w.value() -= 0.5 * gw;
    b.value() -= 0.5 * gb;
  }
  std::printf("w = %.3f %.3f %.3f, b = %.3f\n", w.data()[0], w.data()[1], w.data()[2], b.data()[0]);
}
