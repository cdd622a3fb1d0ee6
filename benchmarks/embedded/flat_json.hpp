// A JSON Serializer of the firmware's own: it decodes a flat object of string values into a
// Hana Struct of std::string and open_enum fields, which is all cielo24's error body needs.
// Boost.JSON's sources need exceptions, so a firmware brings a reader like this one (or its
// vendor's) and plugs it in through the Serializer requirement.
#ifndef APIDECL_BENCHMARKS_EMBEDDED_FLAT_JSON_HPP
#define APIDECL_BENCHMARKS_EMBEDDED_FLAT_JSON_HPP

#include <apidecl/serializer/codec_result.hpp>
#include <apidecl/core/media_type.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/types/open_enum.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace firmware {

template <class T> struct is_open_enum : std::false_type {};
template <class Enum> struct is_open_enum<apidecl::open_enum<Enum>> : std::true_type {};

/// Reads JSON text token by token, for flat_json_serializer.
struct json_cursor {
  std::string_view rest;

  /// Skips whitespace, then `c` if it comes next.
  bool skip(char c) noexcept {
    while (!rest.empty() && std::string_view(" \t\r\n").find(rest.front()) != std::string_view::npos)
      rest.remove_prefix(1);
    if (rest.empty() || rest.front() != c) return false;
    rest.remove_prefix(1);
    return true;
  }

  /// Reads a string, unescaped into `storage`; false if none comes next or it does not fit.
  template <std::size_t N>
  bool read_string(char (&storage)[N], std::string_view& out) noexcept {
    if (!skip('"')) return false;
    std::size_t size = 0;
    while (!rest.empty() && rest.front() != '"') {
      char c = rest.front();
      rest.remove_prefix(1);
      if (c == '\\') {
        if (rest.empty()) return false;
        std::size_t const at = std::string_view("\"\\/bfnrt").find(rest.front());
        if (at == std::string_view::npos) return false;
        c = "\"\\/\b\f\n\r\t"[at];
        rest.remove_prefix(1);
      }
      if (size == N) return false;
      storage[size++] = c;
    }
    out = {storage, size};
    return skip('"');
  }
};

/// Decodes `{"Name": "text", ...}` into a Hana Struct whose fields are std::string or open_enum;
/// members it does not declare are ignored, a missing one is an error. No `\u` escapes.
struct flat_json_serializer {
  using media_type = apidecl::json;

  template <class T>
  apidecl::decode_result decode(std::string_view text, T& target) const {
    static_assert(apidecl::is_struct_v<T>, "flat_json_serializer decodes structs only (Hana or Describe)");
    std::uint32_t found = 0;  // a bit per field, in declaration order
    json_cursor in{text};
    if (!in.skip('{')) return malformed();
    for (bool first = true; !in.skip('}'); first = false) {
      char key[64], value[256];
      std::string_view name, content;
      if ((!first && !in.skip(',')) || !in.read_string(key, name) || !in.skip(':') || !in.read_string(value, content))
        return malformed();
      std::size_t index = 0;
      apidecl::for_each_field(target, [&](std::string_view wire, auto& field) {
        if (wire == name) {
          assign(field, content);
          found |= std::uint32_t(1) << index;
        }
        ++index;
      });
    }
    std::string_view missing;
    std::size_t index = 0;
    apidecl::for_each_field(target, [&](std::string_view wire, auto const&) {
      if (missing.empty() && !(found & (std::uint32_t(1) << index))) missing = wire;
      ++index;
    });
    if (!missing.empty()) return {std::string(missing), "is missing"};
    return {};
  }

 private:
  static apidecl::decode_result malformed() { return {"", "is not a flat JSON object of strings"}; }

  template <class Field>
  static void assign(Field& field, std::string_view text) {
    if constexpr (is_open_enum<Field>::value) field = Field::from_text(text);
    else field.assign(text.data(), text.size());
  }
};

}  // namespace firmware

#endif
