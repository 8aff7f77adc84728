// mean over all axes or the listed ones (removed), like eg::sum: sum(a) / count.
//
//   eg::mean(x)      // shape<>          eg::mean<0>(x)   // (4, 3) -> (3,)
#pragma once

#include "../detail/fwd.hpp"
#include "../detail/node.hpp"
#include "scalar.hpp"
#include "summation.hpp"

namespace etgrad {

template <std::size_t... Axes, class A, std::enable_if_t<detail::is_expression_v<A>, int> = 0>
auto mean(A&& a) {
  using S = detail::shape_of<A>;
  constexpr bool ok = detail::check_mean<detail::poisoned<A>, S, Axes...>();
  if constexpr (!ok) {
    return detail::invalid_node{};
  } else {
    constexpr std::size_t count =
        sizeof...(Axes) == 0 ? S::size : (std::size_t{1} * ... * S::dims[Axes]);
    // mean: sum(a, axes) / count; its gradient is that of DivScalar after Summation.
    return detail::make_scalar<detail::div_scalar_op>(sum<Axes...>(std::forward<A>(a)), count);
  }
}

}  // namespace etgrad
