#ifndef APIDECL_TYPES_SCALAR_TEXT_HPP
#define APIDECL_TYPES_SCALAR_TEXT_HPP

#include <apidecl/types/enum_names.hpp>
#include <apidecl/types/open_enum.hpp>
#include <apidecl/types/text_value.hpp>

#include <charconv>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

/// Reading a scalar from its text, for every kind of scalar the library reads from text: where
/// text is all there is (a query-string value, a response header), one function says how each
/// kind is spelled, so that every reader spells it the same way.
namespace apidecl::detail {

/// Whether `T` is a scalar read from text: `std::string`, `bool`, an integer, an enum with
/// `enum_names`, an `open_enum`, or a text value (text_value.hpp).
template <class T>
inline constexpr bool is_text_scalar_v = std::is_same_v<T, std::string> || std::is_integral_v<T> ||
                                         is_open_enum<T>::value || has_enum_names_v<T> || is_text_value_v<T>;

/// Reads `text` into `target`: "true"/"1" and "false"/"0" for a bool, decimal digits with an
/// optional '-' for an integer (in range), a name from `enum_names`, any text for an `open_enum`
/// or a string, `parse_text` for a text value. False if `text` is not such a spelling.
template <class T>
bool parse_scalar(std::string_view text, T& target) {
  static_assert(is_text_scalar_v<T>);
  if constexpr (std::is_same_v<T, bool>) {
    if (text == "true" || text == "1") target = true;
    else if (text == "false" || text == "0") target = false;
    else return false;
  } else if constexpr (std::is_integral_v<T>) {
    auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), target);
    return ec == std::errc() && end == text.data() + text.size() && !text.empty();
  } else if constexpr (std::is_same_v<T, std::string>) {
    target.assign(text);
  } else if constexpr (is_open_enum<T>::value) {
    target = T::from_text(text);
  } else if constexpr (has_enum_names_v<T>) {
    auto const known = enum_from_text<T>(text);
    if (!known) return false;
    target = *known;
  } else {
    return parse_text(text, target);
  }
  return true;
}

/// What a reader says of text that `parse_scalar` refused: a text value says what its text
/// should look like.
template <class T>
std::string scalar_refusal() {
  if constexpr (is_text_value_v<T>) return malformed_text_message<T>();
  else return "value does not parse as the field's type";
}

}  // namespace apidecl::detail

#endif
