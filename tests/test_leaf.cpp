// Leaves: eg::variable and eg::constant (leaf.hpp).
#include "support.hpp"

#include <cstdint>

TEST_CASE("leaves are zero-initialised, row-major and mutable through value()", "[leaf]") {
  eg::variable<double, eg::shape<2, 3>> x;
  for (std::size_t i = 0; i < 6; ++i) CHECK(x.data()[i] == 0.0);
  x.value().setValues({{1, 2, 3}, {4, 5, 6}});
  CHECK(x.data()[4] == 5.0);
  eg::constant<float, eg::shape<2, 2>> c{1, 2, 3, 4};
  CHECK(c.value()(1, 0) == 3.0f);
  CHECK(reinterpret_cast<std::uintptr_t>(x.data()) % 16 == 0);
  x.value() = x.value() * 2.0;
  require_values(eg::eval(x), {2, 4, 6, 8, 10, 12});
  eg::variable<double, eg::shape<>> s{3.5};
  CHECK(s.data()[0] == 3.5);
}

TEST_CASE("a wrong value count throws std::invalid_argument naming both counts", "[leaf]") {
  using V = eg::variable<double, eg::shape<3, 4>>;
  REQUIRE_THROWS_AS(V({1.0, 2.0}), std::invalid_argument);
  REQUIRE_THROWS_WITH(V({1.0, 2.0}),
                      Catch::Contains("12") && Catch::Contains("2") && Catch::Contains("(3, 4)"));
  using C = eg::constant<float, eg::shape<2>>;
  REQUIRE_THROWS_WITH(C({1.f, 2.f, 3.f}),
                      Catch::Contains("constant") && Catch::Contains("needs 2 values, got 3"));
  REQUIRE_NOTHROW(V({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
}

TEST_CASE("leaves copy deeply and move cheaply", "[leaf]") {
  eg::variable<double, eg::shape<2>> a{1, 2};
  auto b = a;
  b.data()[0] = 9;
  CHECK(a.data()[0] == 1);
  const double* p = b.data();
  auto c = std::move(b);
  CHECK(c.data() == p);
}

TEST_CASE("a training update through value()", "[leaf]") {
  eg::variable<double, eg::shape<3>> w{1, 2, 3};
  auto loss = eg::sum(w * w);
  for (int step = 0; step < 3; ++step) {
    auto [g] = eg::grad(loss, w);
    w.value() -= 0.25 * g;  // w <- w - lr * 2w = w / 2
  }
  require_values(eg::eval(w), {0.125, 0.25, 0.375});
}
