// BroadcastTo (ops/broadcast_to.hpp): right-aligned, new leading axes and stretched size-1 axes.
#include "support.hpp"

TEMPLATE_TEST_CASE("broadcast_to forward values match numpy", "[broadcast_to]", float, double) {
  eg::variable<TestType, eg::shape<3>> b{1.5, -2.0, 0.5};
  require_values(eg::eval(eg::broadcast_to<eg::shape<2, 3>>(b)), {1.5, -2.0, 0.5, 1.5, -2.0, 0.5});
  eg::variable<TestType, eg::shape<4, 1>> d{1, 2, 3, 4};
  auto e = eg::broadcast_to<eg::shape<2, 4, 3>>(d);
  STATIC_REQUIRE(std::is_same_v<typename decltype(e)::shape_type, eg::shape<2, 4, 3>>);
  require_values(eg::eval(e),
                 {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4});
  eg::variable<TestType, eg::shape<>> s{7};
  require_values(eg::eval(eg::broadcast_to<eg::shape<2, 2>>(s)), {7, 7, 7, 7});
  require_values(eg::eval(eg::broadcast_to<eg::shape<3>>(b)), {1.5, -2.0, 0.5});
}

TEST_CASE("broadcast_to gradients match finite differences", "[broadcast_to][gradcheck]") {
  eg::variable<double, eg::shape<3>> a;
  eg::variable<double, eg::shape<4, 1>> b;
  eg::variable<double, eg::shape<3, 1, 5>> c;
  eg::variable<double, eg::shape<>> s;
  fill_random(a, 41);
  fill_random(b, 42);
  fill_random(c, 43);
  fill_random(s, 44);
  REQUIRE_GRADCHECK(eg::broadcast_to<eg::shape<2, 3>>(a), a);
  REQUIRE_GRADCHECK(eg::broadcast_to<eg::shape<2, 4, 3>>(b), b);
  REQUIRE_GRADCHECK(eg::broadcast_to<eg::shape<2, 3, 4, 5>>(c), c);
  REQUIRE_GRADCHECK(eg::broadcast_to<eg::shape<2, 3>>(s), s);
  REQUIRE_GRADCHECK(eg::exp(eg::broadcast_to<eg::shape<2, 3, 4, 5>>(c)) * 0.5, c);
}

TEST_CASE("broadcast_to gradient has the source shape", "[broadcast_to]") {
  eg::variable<double, eg::shape<3>> a{1, 2, 3};
  auto [g] = eg::grad(eg::sum(eg::broadcast_to<eg::shape<2, 3>>(a)), a);
  STATIC_REQUIRE(decltype(g)::NumIndices == 1);
  require_values(g, {2, 2, 2});
  eg::variable<double, eg::shape<4, 1>> b{1, 2, 3, 4};
  auto [gb] = eg::grad(eg::sum(eg::broadcast_to<eg::shape<2, 4, 3>>(b)), b);
  require_values(gb, {6, 6, 6, 6});
}
