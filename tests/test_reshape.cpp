// Reshape (ops/reshape.hpp): row-major, to and from rank 0.
#include "support.hpp"

TEMPLATE_TEST_CASE("reshape forward values are row-major", "[reshape]", float, double) {
  eg::variable<TestType, eg::shape<2, 3>> x{0, 1, 2, 3, 4, 5};
  auto r = eg::reshape<eg::shape<3, 2>>(x);
  auto v = eg::eval(r);
  CHECK(v(0, 1) == 1);
  CHECK(v(2, 0) == 4);
  require_values(v, {0, 1, 2, 3, 4, 5});
  require_values(eg::eval(eg::reshape<eg::shape<6>>(x * 2)), {0, 2, 4, 6, 8, 10});
  auto t = eg::eval(eg::reshape<eg::shape<3, 2>>(eg::transpose(x)));
  require_values(t, {0, 3, 1, 4, 2, 5});
  eg::variable<TestType, eg::shape<1, 1>> one{4.5};
  auto s = eg::reshape<eg::shape<>>(one);
  STATIC_REQUIRE(std::is_same_v<typename decltype(s)::shape_type, eg::shape<>>);
  require_values(eg::eval(s), {4.5});
  eg::variable<TestType, eg::shape<>> z{2.5};
  require_values(eg::eval(eg::reshape<eg::shape<1, 1, 1>>(z)), {2.5});
}

TEST_CASE("reshape gradients match finite differences", "[reshape][gradcheck]") {
  eg::variable<double, eg::shape<2, 3, 4>> x;
  fill_random(x, 51);
  REQUIRE_GRADCHECK(eg::reshape<eg::shape<4, 6>>(x), x);
  REQUIRE_GRADCHECK(eg::reshape<eg::shape<24>>(eg::exp(x)), x);
  REQUIRE_GRADCHECK(eg::reshape<eg::shape<6, 4>>(eg::transpose(x)), x);
  eg::variable<double, eg::shape<1>> one{0.4};
  REQUIRE_GRADCHECK(eg::reshape<eg::shape<>>(one) * 3.0, one);
  eg::variable<double, eg::shape<>> z{0.3};
  REQUIRE_GRADCHECK(eg::reshape<eg::shape<1, 1>>(z * z), z);
}
