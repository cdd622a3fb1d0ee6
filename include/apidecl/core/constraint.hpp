#ifndef APIDECL_CORE_CONSTRAINT_HPP
#define APIDECL_CORE_CONSTRAINT_HPP

#include <apidecl/detail/byte_table.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

/// Constraints on parameter values.
///
/// **Constraint requirement.** A type `C` is a Constraint if
///
///     constexpr std::string_view r = C::violation(text);   // text: std::string_view
///
/// is valid and `noexcept`: `r` is empty when `text` satisfies the constraint, and otherwise a short
/// static phrase that completes "parameter 'x' ..." (for example "is not a hexadecimal string").
/// Constraints see the value as it is written on the wire (integers as decimal digits), before
/// percent-encoding. They are checked when the request is built, before anything is sent; a fixed
/// parameter's value is checked at compile time.
namespace apidecl {

/// Accepts every value.
struct no_constraint {
  static constexpr std::string_view violation(std::string_view) noexcept { return {}; }
};

namespace detail {
constexpr bool is_hex_digit(char c) noexcept { return hex_digit(c) >= 0; }
inline constexpr auto hex_digits = byte_table(is_hex_digit);
}  // namespace detail

/// A non-empty string of the digits 0-9, a-f, A-F (cielo24's "Hex String").
struct hex {
  static constexpr std::string_view violation(std::string_view text) noexcept {
    if (text.empty()) return "is not a hexadecimal string (it is empty)";
    if (!detail::all_in(detail::hex_digits, text.data(), text.size())) return "is not a hexadecimal string";
    return {};
  }
};

/// A length, in bytes, from `Min` to `Max` inclusive.
template <std::size_t Min, std::size_t Max>
struct length {
  static_assert(Min <= Max, "apidecl: length<Min, Max> needs Min <= Max");
  static constexpr std::string_view violation(std::string_view text) noexcept {
    if (text.size() < Min) return "is shorter than its declared minimum length";
    if (text.size() > Max) return "is longer than its declared maximum length";
    return {};
  }
};

/// A whole number from `Min` to `Max` inclusive, written in decimal (an optional '-', then digits),
/// as integer parameters are. A number too long for `std::intmax_t` is out of range, not an error.
template <std::intmax_t Min, std::intmax_t Max>
struct range {
  static_assert(Min <= Max, "apidecl: range<Min, Max> needs Min <= Max");
  static constexpr std::string_view violation(std::string_view text) noexcept {
    bool const negative = !text.empty() && text.front() == '-';
    std::string_view const digits = negative ? text.substr(1) : text;
    if (digits.empty()) return "is not a whole number";
    // Accumulated towards the sign's side, so that the most negative number is read too.
    std::intmax_t value = 0;
    bool beyond = false;
    for (char c : digits) {
      if (c < '0' || c > '9') return "is not a whole number";
      std::intmax_t const digit = c - '0';
      if (negative ? value < (INTMAX_MIN + digit) / 10 : value > (INTMAX_MAX - digit) / 10) beyond = true;
      else value = value * 10 + (negative ? -digit : digit);
    }
    if (beyond) return negative ? "is less than its declared minimum" : "is greater than its declared maximum";
    if (value < Min) return "is less than its declared minimum";
    if (value > Max) return "is greater than its declared maximum";
    return {};
  }
};

/// One of the strings in `Values::values`, a `static constexpr std::string_view values[]`.
template <class Values>
struct one_of {
  static constexpr std::string_view violation(std::string_view text) noexcept {
    for (std::string_view allowed : Values::values)
      if (allowed == text) return {};
    return "is not one of its allowed values";
  }
};

/// Every one of `Constraints`; reports the first one violated.
template <class... Constraints>
struct all_of {
  static constexpr std::string_view violation([[maybe_unused]] std::string_view text) noexcept {
    std::string_view first;
    (void)((first = Constraints::violation(text), first.empty()) && ...);
    return first;
  }
};

namespace detail {
template <class C, class = void>
struct is_constraint : std::false_type {};
template <class C>
struct is_constraint<C, std::enable_if_t<std::is_same_v<decltype(C::violation(std::string_view{})),
                                                        std::string_view>>> : std::true_type {};
}  // namespace detail

/// Whether `C` models Constraint.
template <class C>
inline constexpr bool is_constraint_v = detail::is_constraint<C>::value;

}  // namespace apidecl

#endif
