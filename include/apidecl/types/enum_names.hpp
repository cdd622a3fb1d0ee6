#ifndef APIDECL_TYPES_ENUM_NAMES_HPP
#define APIDECL_TYPES_ENUM_NAMES_HPP

#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

/// The wire names of an enumeration, so serializers can read and write it as text.
///
/// A user declares them once, next to the enum, as a function found by argument-dependent lookup:
///
///     enum class fidelity { mechanical, premium, professional };
///     constexpr auto enum_names(fidelity) noexcept {
///       return std::array{apidecl::enum_name{fidelity::mechanical, "MECHANICAL"}, ...};
///     }
namespace apidecl {

/// One enumerator and its text on the wire.
template <class Enum>
struct enum_name {
  Enum value;
  std::string_view text;
};
template <class Enum>
enum_name(Enum, char const*) -> enum_name<Enum>;

namespace detail {
template <class E, class = void>
struct has_enum_names : std::false_type {};
template <class E>
struct has_enum_names<E, std::void_t<decltype(enum_names(std::declval<E>()))>> : std::is_enum<E> {};
}  // namespace detail

/// Whether `Enum` declares its names.
template <class Enum>
inline constexpr bool has_enum_names_v = detail::has_enum_names<Enum>::value;

namespace detail {
// The names, made once at compile time rather than by each lookup.
template <class Enum>
inline constexpr auto enum_names_of = enum_names(Enum{});
}  // namespace detail

/// The enumerator whose wire name is `text`, if any.
template <class Enum>
constexpr std::optional<Enum> enum_from_text(std::string_view text) noexcept {
  for (auto const& entry : detail::enum_names_of<Enum>) {
    bool const may_match = entry.text.size() == text.size() && (text.empty() || entry.text.front() == text.front());
    if (may_match && entry.text == text) return entry.value;  // the first byte spares most comparisons
  }
  return std::nullopt;
}

/// The wire name of `value`, empty if it has none.
template <class Enum>
constexpr std::string_view enum_to_text(Enum value) noexcept {
  for (auto const& entry : detail::enum_names_of<Enum>)
    if (entry.value == value) return entry.text;
  return {};
}

}  // namespace apidecl

#endif
