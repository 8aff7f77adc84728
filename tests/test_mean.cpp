// mean over all axes or listed ones (ops/mean.hpp).
#include "support.hpp"

TEMPLATE_TEST_CASE("mean forward values match numpy", "[mean]", float, double) {
  eg::variable<TestType, eg::shape<2, 3, 4>> x;
  for (std::size_t i = 0; i < 24; ++i) x.data()[i] = static_cast<TestType>(i * 0.5 - 3);
  require_values(eg::eval(eg::mean(x)), {2.75});
  eg::variable<TestType, eg::shape<2, 3>> a{0.5, -1.25, 2.0, 3.0, 0.25, -0.75};
  require_values(eg::eval(eg::mean<0>(a)), {1.75, -0.5, 0.625});
  require_values(eg::eval(eg::mean<0, 2>(x)), {0.75, 2.75, 4.75});
  eg::variable<TestType, eg::shape<>> s{3};
  require_values(eg::eval(eg::mean(s)), {3});
}

TEST_CASE("mean gradients match finite differences", "[mean][gradcheck]") {
  eg::variable<double, eg::shape<3, 4, 2>> x;
  fill_random(x, 91);
  REQUIRE_GRADCHECK(eg::mean(x), x);
  REQUIRE_GRADCHECK(eg::mean<1>(x), x);
  REQUIRE_GRADCHECK(eg::mean<0, 2>(eg::exp(x)), x);
}
