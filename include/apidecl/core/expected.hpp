#ifndef APIDECL_CORE_EXPECTED_HPP
#define APIDECL_CORE_EXPECTED_HPP

#include <type_traits>
#include <utility>
#include <variant>

namespace apidecl {

/// A value or the error that stands in its place: the small part of C++23's `std::expected` that
/// the library needs. Reading the wrong side is a precondition violation, never a throw.
template <class T, class E>
class expected {
  static_assert(!std::is_same_v<T, E>, "apidecl: expected<T, E> needs distinct T and E");

 public:
  expected(T value) noexcept(std::is_nothrow_move_constructible_v<T>)  // NOLINT: implicit by design
      : state_(std::in_place_index<0>, std::move(value)) {}
  expected(E error) noexcept(std::is_nothrow_move_constructible_v<E>)  // NOLINT
      : state_(std::in_place_index<1>, std::move(error)) {}

  bool has_value() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  T const& value() const& noexcept { return *std::get_if<0>(&state_); }
  T& value() & noexcept { return *std::get_if<0>(&state_); }
  T const& operator*() const& noexcept { return value(); }
  T& operator*() & noexcept { return value(); }
  T const* operator->() const noexcept { return std::get_if<0>(&state_); }
  T* operator->() noexcept { return std::get_if<0>(&state_); }

  E const& error() const& noexcept { return *std::get_if<1>(&state_); }
  E& error() & noexcept { return *std::get_if<1>(&state_); }

 private:
  std::variant<T, E> state_;
};

}  // namespace apidecl

#endif
