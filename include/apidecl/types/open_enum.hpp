#ifndef APIDECL_TYPES_OPEN_ENUM_HPP
#define APIDECL_TYPES_OPEN_ENUM_HPP

#include <apidecl/core/writer.hpp>
#include <apidecl/types/enum_names.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace apidecl {

/// An enumeration read from a service that may add values: a known value, or `Enum::unknown`
/// together with the text that was received, so nothing is lost. A text value, so every
/// serializer reads and writes it as its name. `Enum` declares its names
/// (enum_names.hpp) and an enumerator `unknown` that has none.
template <class Enum>
class open_enum {
  static_assert(has_enum_names_v<Enum>, "apidecl: open_enum<Enum> needs enum_names(Enum) (see enum_names.hpp)");

 public:
  constexpr open_enum() noexcept = default;
  constexpr open_enum(Enum value) noexcept : value_(value) {}  // NOLINT: implicit, like the enum

  /// The value named `text`, or `unknown` keeping `text`.
  static open_enum from_text(std::string_view text) {
    open_enum result;
    if (auto const known = enum_from_text<Enum>(text)) result.value_ = *known;
    else result.unknown_text_ = text;
    return result;
  }

  constexpr Enum value() const noexcept { return value_; }
  constexpr bool is_known() const noexcept { return value_ != Enum::unknown; }
  /// The text on the wire: the known value's name, or what was received.
  std::string_view text() const noexcept { return is_known() ? enum_to_text(value_) : std::string_view(unknown_text_); }

  friend bool operator==(open_enum const& a, Enum b) noexcept { return a.value_ == b; }
  friend bool operator!=(open_enum const& a, Enum b) noexcept { return a.value_ != b; }
  friend bool operator==(open_enum const& a, open_enum const& b) noexcept {
    return a.value_ == b.value_ && a.unknown_text_ == b.unknown_text_;
  }
  friend bool operator!=(open_enum const& a, open_enum const& b) noexcept { return !(a == b); }

  /// A text value (text_value.hpp) whose text always reads: unknown text is kept, not refused.
  friend bool parse_text(std::string_view text, open_enum& out) {
    out = from_text(text);
    return true;
  }
  friend void format_text(open_enum const& value, writer& out) noexcept { out.append(value.text()); }

 private:
  Enum value_ = Enum::unknown;
  std::string unknown_text_;
};

namespace detail {
template <class T> struct is_open_enum : std::false_type {};
template <class Enum> struct is_open_enum<open_enum<Enum>> : std::true_type {};
}  // namespace detail

}  // namespace apidecl

#endif
