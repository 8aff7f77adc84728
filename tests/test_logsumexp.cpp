// logsumexp (ops/logsumexp.hpp): stable for large and very negative inputs.
#include "support.hpp"

TEMPLATE_TEST_CASE("logsumexp forward values match numpy", "[logsumexp]", float, double) {
  eg::variable<TestType, eg::shape<2, 3>> a{0.5, -1.25, 2.0, 3.0, 0.25, -0.75};
  require_values(eg::eval(eg::logsumexp<1>(a)), {2.2326219831020326, 3.083831466235782});
  require_values(eg::eval(eg::logsumexp<0>(a)),
                 {3.0788897342925496, 0.45141327798275244, 2.0619675890031988});
  require_values(eg::eval(eg::logsumexp(a)), {3.4393345290953197});
  require_values(eg::eval(eg::logsumexp<0, 1>(a)), {3.4393345290953197});
  eg::variable<TestType, eg::shape<2, 3>> big{1000, 1001, 999, -1000, -1001, -999};
  require_values(eg::eval(eg::logsumexp<1>(big)), {1001.4076059644444, -998.5923940355556});
}

TEST_CASE("logsumexp edge values", "[logsumexp]") {
  eg::variable<double, eg::shape<3, 2>> x{-INFINITY, -INFINITY, INFINITY, 0.0, NAN, 1.0};
  require_values(eg::eval(eg::logsumexp<1>(x)), {-INFINITY, INFINITY, NAN});
  eg::variable<double, eg::shape<>> s{2.5};
  require_values(eg::eval(eg::logsumexp(s)), {2.5});
}

TEST_CASE("logsumexp gradients match finite differences", "[logsumexp][gradcheck]") {
  eg::variable<double, eg::shape<4, 5>> x;
  eg::variable<double, eg::shape<2, 3, 4>> y;
  fill_random(x, 101, -3, 3);
  fill_random(y, 102, -3, 3);
  REQUIRE_GRADCHECK(eg::logsumexp<1>(x), x);
  REQUIRE_GRADCHECK(eg::logsumexp<0>(x), x);
  REQUIRE_GRADCHECK(eg::logsumexp(x), x);
  REQUIRE_GRADCHECK(eg::logsumexp<0, 2>(y), y);
  REQUIRE_GRADCHECK(eg::logsumexp<1>(y * 2.0), y);
  SECTION("large inputs (near 1000) neither overflow nor lose the gradient") {
    eg::variable<double, eg::shape<3, 4>> big;
    fill_random(big, 103, 995, 1005);
    auto v = eg::eval(eg::logsumexp<1>(big));
    for (int i = 0; i < 3; ++i) CHECK(std::isfinite(v(i)));
    REQUIRE_GRADCHECK(eg::logsumexp<1>(big), big);
    auto [g] = eg::grad(eg::sum(eg::logsumexp<1>(big)), big);
    for (int i = 0; i < 3; ++i) {
      double row = 0;
      for (int j = 0; j < 4; ++j) row += g(i, j);
      CHECK(row == Approx(1.0).epsilon(1e-12));  // softmax rows sum to 1
    }
  }
}
