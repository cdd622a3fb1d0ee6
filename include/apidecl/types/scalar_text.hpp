#ifndef APIDECL_TYPES_SCALAR_TEXT_HPP
#define APIDECL_TYPES_SCALAR_TEXT_HPP

#include <apidecl/core/writer.hpp>
#include <apidecl/types/enum_names.hpp>
#include <apidecl/types/text_value.hpp>

#include <charconv>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

/// A scalar's text, for every kind of scalar the library reads and writes as text: a query-string
/// value, an XML element or attribute, a JSON string, a request parameter, a response header. One
/// function says how each kind is spelled, so that every reader and writer spells it the same way.
///
/// The kinds: `std::string` (and `std::string_view`, written only), `bool` ("true"/"false"; "1"
/// and "0" are read too), integers (decimal, range-checked), enums with `enum_names`, and text
/// values (text_value.hpp: decimal, timestamps, language codes, ids, `open_enum`, your own).
namespace apidecl::detail {

/// Whether `T` is a scalar read from text.
template <class T>
inline constexpr bool is_text_scalar_v =
    std::is_same_v<T, std::string> || std::is_integral_v<T> || has_enum_names_v<T> || is_text_value_v<T>;

/// Whether `T` is a scalar written as text: those read, and `std::string_view`.
template <class T>
inline constexpr bool is_writable_text_scalar_v = is_text_scalar_v<T> || std::is_same_v<T, std::string_view>;

/// Reads `text` into `target`. Returns why it could not, or nothing (an empty string) if it did:
/// "expected true or false", "not an integer", "integer out of range", "unknown value \"x\"", or
/// what a text value's text looks like.
template <class T>
std::string parse_scalar(std::string_view text, T& target) {
  static_assert(is_text_scalar_v<T>);
  if constexpr (std::is_same_v<T, bool>) {
    if (text == "true" || text == "1") target = true;
    else if (text == "false" || text == "0") target = false;
    else return "expected true or false";
  } else if constexpr (std::is_integral_v<T>) {
    char const* const end = text.data() + text.size();
    auto const [stop, error] = std::from_chars(text.data(), end, target);
    if (error == std::errc::result_out_of_range) return "integer out of range";
    if (text.empty() || error != std::errc() || stop != end) return "not an integer";
  } else if constexpr (std::is_same_v<T, std::string>) {
    target.assign(text.data(), text.size());
  } else if constexpr (has_enum_names_v<T>) {
    auto const known = enum_from_text<T>(text);
    if (!known) return "unknown value \"" + std::string(text) + "\"";
    target = *known;
  } else {
    if (!parse_text(text, target)) return malformed_text_message<T>();
  }
  return {};
}

/// Calls `use` with `value`'s text, valid during the call only. Returns why there is none, or
/// nothing (an empty view) if `use` was called: "holds an enum value that has no name in
/// enum_names", the only scalar without a text.
template <class T, class Use>
std::string_view format_scalar(T const& value, Use&& use) {
  static_assert(is_writable_text_scalar_v<T>);
  if constexpr (std::is_same_v<T, bool>) {
    use(std::string_view(value ? "true" : "false"));
  } else if constexpr (std::is_integral_v<T>) {
    char digits[24];  // the 20 digits and sign of any 64-bit integer
    char const* const end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    use(std::string_view(digits, static_cast<std::size_t>(end - digits)));
  } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, std::string_view>) {
    use(std::string_view(value));
  } else if constexpr (has_enum_names_v<T>) {
    std::string_view const text = enum_to_text(value);
    if (text.empty()) return "holds an enum value that has no name in enum_names";
    use(text);
  } else {
    char small[64];  // holds any decimal, timestamp or language code, so those need no heap
    writer out(small, sizeof small);
    format_text(value, out);
    if (out.overflowed()) use(std::string_view(to_text(value)));
    else use(std::string_view(small, out.size()));
  }
  return {};
}

}  // namespace apidecl::detail

#endif
