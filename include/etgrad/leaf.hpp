// Leaves: eg::variable (differentiable input) and eg::constant (never differentiated).
//
//   eg::variable<double, eg::shape<2, 2>> w{1, 2, 3, 4};   // row-major values
//   w.value().setRandom();                                 // a mutable Eigen tensor view
#pragma once

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "detail/eigen.hpp"

namespace etgrad {
namespace detail {

template <class S>
std::string shape_string() {
  std::string s = "(";
  for (std::size_t i = 0; i < S::rank; ++i) s += (i ? ", " : "") + std::to_string(S::dims[i]);
  return s + (S::rank == 1 ? ",)" : ")");
}

// Storage shared by both leaf kinds: N elements on the heap, aligned, allocated once.
template <class T, class S>
class leaf_storage {
  static_assert(std::is_same_v<T, float> || std::is_same_v<T, double>,
                "etgrad: variable: the element type must be float or double");
  static_assert(is_shape<S>::value, "etgrad: variable: the second argument must be eg::shape<...>");

 public:
  using value_type = T;
  using shape_type = S;
  static constexpr std::size_t rank = S::rank;
  static constexpr std::size_t size = S::size;

  leaf_storage() : data_(allocate_buffer<T>(S::size)) {}
  leaf_storage(std::initializer_list<T> values, const char* kind) : leaf_storage() {
    if (values.size() != S::size)
      throw std::invalid_argument(std::string("etgrad: ") + kind + ": shape " + shape_string<S>() +
                                  " needs " + std::to_string(S::size) + " values, got " +
                                  std::to_string(values.size()));
    std::size_t i = 0;
    for (T v : values) data_[i++] = v;
  }
  leaf_storage(const leaf_storage& o) : leaf_storage() {
    for (std::size_t i = 0; i < S::size; ++i) data_[i] = o.data_[i];
  }
  leaf_storage(leaf_storage&&) noexcept = default;
  leaf_storage& operator=(const leaf_storage& o) {
    for (std::size_t i = 0; i < S::size; ++i) data_[i] = o.data_[i];
    return *this;
  }
  leaf_storage& operator=(leaf_storage&&) noexcept = default;

  T* data() { return data_.get(); }
  const T* data() const { return data_.get(); }
  map_t<T, S> value() { return mutable_map<T, S>(data_.get()); }
  const_map_t<T, S> value() const { return const_map<T, S>(data_.get()); }

 private:
  buffer_ptr<T> data_;
};

}  // namespace detail

template <class T, class S>
class variable : public detail::leaf_storage<T, S> {
 public:
  static constexpr bool differentiable = true;
  variable() = default;
  variable(std::initializer_list<T> values) : detail::leaf_storage<T, S>(values, "variable") {}
};

template <class T, class S>
class constant : public detail::leaf_storage<T, S> {
 public:
  static constexpr bool differentiable = false;
  constant() = default;
  constant(std::initializer_list<T> values) : detail::leaf_storage<T, S>(values, "constant") {}
};

namespace detail {
template <class L>
struct is_leaf : std::false_type {};
template <class T, class S>
struct is_leaf<variable<T, S>> : std::true_type {};
template <class T, class S>
struct is_leaf<constant<T, S>> : std::true_type {};
template <class L>
inline constexpr bool is_leaf_v = is_leaf<std::decay_t<L>>::value;

template <class L>
struct is_variable : std::false_type {};
template <class T, class S>
struct is_variable<variable<T, S>> : std::true_type {};
template <class L>
inline constexpr bool is_variable_v = is_variable<std::decay_t<L>>::value;
}  // namespace detail

}  // namespace etgrad
