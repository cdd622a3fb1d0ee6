#ifndef APIDECL_TYPES_ID_HPP
#define APIDECL_TYPES_ID_HPP

#include <apidecl/core/writer.hpp>

#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>

namespace apidecl {

/// An identifier of one kind of thing: `id<struct quote_tag>` and `id<struct project_tag>` are
/// different types, so a quote's ID cannot be passed where a project's is wanted, though both are
/// strings underneath. `Value` is what the service sends (`std::string`, or an integer type).
///
/// A text value (text_value.hpp) when `Value` is `std::string` (any text) or an integer type
/// (decimal digits, '-' if signed, nothing else). A JSON serializer writes an `id` as its `Value`,
/// so an integer ID stays a JSON number.
template <class Tag, class Value = std::string>
class id {
 public:
  using value_type = Value;
  static constexpr std::string_view text_format = std::is_integral_v<Value> ? "an integer ID" : "an ID";

  id() = default;
  constexpr explicit id(Value value) noexcept(std::is_nothrow_move_constructible_v<Value>)
      : value_(std::move(value)) {}

  constexpr Value const& value() const noexcept { return value_; }

  friend constexpr bool operator==(id const& a, id const& b) { return a.value_ == b.value_; }
  friend constexpr bool operator!=(id const& a, id const& b) { return !(a.value_ == b.value_); }
  friend constexpr bool operator<(id const& a, id const& b) { return a.value_ < b.value_; }
  friend constexpr bool operator>(id const& a, id const& b) { return b.value_ < a.value_; }
  friend constexpr bool operator<=(id const& a, id const& b) { return !(b.value_ < a.value_); }
  friend constexpr bool operator>=(id const& a, id const& b) { return !(a.value_ < b.value_); }

 private:
  Value value_{};
};

namespace detail {
template <class T> struct is_id : std::false_type {};
template <class Tag, class Value> struct is_id<id<Tag, Value>> : std::true_type {};

// The values an id can be read from and written as text.
template <class Value>
inline constexpr bool is_textual_id_value =
    std::is_same_v<Value, std::string> || (std::is_integral_v<Value> && !std::is_same_v<Value, bool>);
}  // namespace detail

template <class Tag, class Value, std::enable_if_t<detail::is_textual_id_value<Value>, int> = 0>
bool parse_text(std::string_view text, id<Tag, Value>& out) {
  if constexpr (std::is_same_v<Value, std::string>) {
    out = id<Tag, Value>(std::string(text));
  } else {
    if (text.empty()) return false;
    Value value{};
    char const* const end = text.data() + text.size();
    auto const [stop, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || stop != end) return false;
    out = id<Tag, Value>(value);
  }
  return true;
}

template <class Tag, class Value, std::enable_if_t<detail::is_textual_id_value<Value>, int> = 0>
void format_text(id<Tag, Value> const& value, writer& out) noexcept {
  if constexpr (std::is_same_v<Value, std::string>) {
    out.append(value.value());
  } else {
    char digits[24];  // the 20 digits and sign of any 64-bit integer
    auto const stop = std::to_chars(digits, digits + sizeof digits, value.value()).ptr;
    out.append({digits, static_cast<std::size_t>(stop - digits)});
  }
}

}  // namespace apidecl

#endif
