// Eigen's packet primitives for the hand-written elementwise twins: one fused, vectorised pass
// (what the best hand code does), with the same pexp Eigen's Tensor expressions use.
#pragma once

#include <Eigen/Core>
#include <cstddef>

namespace bench::packet {

using P = Eigen::internal::packet_traits<float>::type;
constexpr std::size_t width = static_cast<std::size_t>(Eigen::internal::packet_traits<float>::size);

// Owned, aligned float storage (Eigen's allocator: aligned for pload / pstore).
using buffer = Eigen::Matrix<float, Eigen::Dynamic, 1>;

}  // namespace bench::packet
