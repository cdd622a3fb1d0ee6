#ifndef APIDECL_TYPES_TEXT_VALUE_HPP
#define APIDECL_TYPES_TEXT_VALUE_HPP

#include <apidecl/core/writer.hpp>
#include <apidecl/detail/type_list.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

/// **TextValue requirement.** A value that has one spelling as text, so every serializer can read
/// and write it wherever text goes: a JSON string, a query-string value, an XML element.
/// A type `T` is a TextValue if it is default constructible and, for a `std::string_view text`,
/// a `T& out`, a `T const& value` and an `apidecl::writer& w`,
///
///     bool ok = parse_text(text, out);  // found by argument-dependent lookup
///     format_text(value, w);            // likewise; returns void
///
/// are valid. `parse_text` reads the whole of `text` and returns false if it is malformed (`out` is
/// then unspecified but valid); `format_text` appends `value`'s text to `w`. Law: the text of a
/// value that `parse_text` made reads back as an equal value. Neither throws (beyond running out
/// of memory). They live in `T`'s namespace, as hidden friends or free functions, because
/// serializers call them unqualified. Optionally `T` says what its text looks like, for decode
/// errors ("not an ISO 8601 UTC timestamp"):
///
///     static constexpr std::string_view text_format = "an ISO 8601 UTC timestamp";
///
/// Models: `decimal`, `utc_timestamp`, `language_code`, and `id` of `std::string` or an integer.
/// Enumerations are read as text through `enum_names` (enum_names.hpp) instead: an enum can hold a
/// value with no name, which `format_text` could not report.
///
/// Exemplar:
///
///     struct sku {
///       std::string number;
///       friend bool parse_text(std::string_view text, sku& out);
///       friend void format_text(sku const& value, apidecl::writer& out) noexcept;
///     };
///     static_assert(apidecl::is_text_value_v<sku>);
namespace apidecl {

namespace detail {
template <class T, class = void>
struct is_text_value : std::false_type {};
template <class T>
struct is_text_value<
    T, std::enable_if_t<
           std::is_same_v<decltype(parse_text(std::declval<std::string_view>(), std::declval<T&>())), bool> &&
           std::is_void_v<decltype(format_text(std::declval<T const&>(), std::declval<writer&>()))>>>
    : std::is_default_constructible<T> {};

template <class T, class = void>
struct text_format_of {
  static constexpr std::string_view value = "a valid value of the field's type";
};
template <class T>
struct text_format_of<T, std::enable_if_t<std::is_convertible_v<decltype(T::text_format), std::string_view>>> {
  static constexpr std::string_view value = T::text_format;
};
}  // namespace detail

/// Whether `T` models TextValue.
template <class T>
inline constexpr bool is_text_value_v = detail::is_text_value<T>::value;

/// What a `TextValue`'s text looks like: its `text_format`, or a generic phrase if it declares none.
template <class TextValue>
inline constexpr std::string_view text_format_v = detail::text_format_of<TextValue>::value;

/// The `TextValue` that `text` spells, if it is well-formed.
template <class TextValue>
constexpr std::optional<TextValue> from_text(std::string_view text) {
  if constexpr (!is_text_value_v<TextValue>) {
    static_assert(detail::always_false<TextValue>,
                  "apidecl: from_text<T> needs T to be a text value: declare bool parse_text(std::string_view, T&) "
                  "and void format_text(T const&, apidecl::writer&) in T's namespace (text_value.hpp)");
    return std::nullopt;
  } else {
    TextValue value{};
    if (!parse_text(text, value)) return std::nullopt;
    return value;
  }
}

/// `value`'s text.
template <class TextValue>
std::string to_text(TextValue const& value) {
  if constexpr (!is_text_value_v<TextValue>) {
    static_assert(detail::always_false<TextValue>,
                  "apidecl: to_text(value) needs a text value: declare bool parse_text(std::string_view, T&) "
                  "and void format_text(T const&, apidecl::writer&) in T's namespace (text_value.hpp)");
    return {};
  } else {
    char small[64];  // holds any decimal, timestamp or language code, so those need no second pass
    writer out(small, sizeof small);
    format_text(value, out);
    if (!out.overflowed()) return std::string(small, out.size());
    std::string text(out.size(), '\0');
    writer again(text.data(), text.size());
    format_text(value, again);
    return text;
  }
}

namespace detail {
/// What a decode error says when a text value's text does not parse.
template <class TextValue>
std::string malformed_text_message() {
  return "not " + std::string(text_format_v<TextValue>);
}
}  // namespace detail

}  // namespace apidecl

#endif
