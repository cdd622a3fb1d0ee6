#ifndef APIDECL_SERIALIZER_DETAIL_XML_FIELDS_HPP
#define APIDECL_SERIALIZER_DETAIL_XML_FIELDS_HPP

// What pugixml_serializer (pugixml.hpp) supports and how it checks a body type: the characters
// XML 1.0 carries, which types are elements, attributes and sequences, and the diagnostics a
// body type that breaks those rules gets.
#include <apidecl/core/media_type.hpp>
#include <apidecl/core/writer.hpp>
#include <apidecl/detail/type_list.hpp>
#include <apidecl/detail/utf8.hpp>
#include <apidecl/serializer/codec_result.hpp>
#include <apidecl/serializer/detail/xml_markup.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/types/fixed_vector.hpp>
#include <apidecl/types/scalar_text.hpp>
#include <apidecl/types/text_value.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace apidecl {

namespace diagnostic {
template <class Body> inline constexpr bool xml_body_is_not_a_struct = false;
template <class Body> inline constexpr bool xml_body_lacks_its_root_element_name = false;
template <class Body> inline constexpr bool xml_fields_sharing_an_element_are_apart = false;
template <class Body> inline constexpr bool xml_body_has_an_unsupported_field = false;
}  // namespace diagnostic

namespace detail {
// Whether `text` is UTF-8 made only of XML 1.0 characters (the `Char` production: tab, LF, CR,
// U+0020..U+D7FF, U+E000..U+FFFD, U+10000..U+10FFFF; UTF-8 itself excludes the surrogates).
inline bool is_xml_text(std::string_view text) noexcept {
  bool printable_ascii = true;  // the common case, which needs no decoding
  for (std::size_t i = 0; i < text.size() && printable_ascii; ++i)
    printable_ascii = text[i] >= 0x20 && text[i] < 0x7F;
  return printable_ascii || every_code_point(text, [](char32_t c) {
    return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
  });
}

// A field's value: what its optional holds, or the field itself.
template <class T> struct unwrap_optional { using type = T; };
template <class T> struct unwrap_optional<std::optional<T>> { using type = T; };

template <class T> struct is_xml_sequence : std::bool_constant<is_vector<T>::value || is_fixed_vector_v<T>> {};

template <class T, class = void>
struct has_xml_element : std::false_type {};
template <class T>
struct has_xml_element<T, std::enable_if_t<std::is_convertible_v<decltype(T::xml_element), std::string_view>>>
    : std::true_type {};

// Where an element field of a struct writes: `shared`, the containers it may share with the
// fields declared next to it, and `fresh`, the element it writes anew each time.
struct xml_field_place {
  std::string_view shared;
  std::string_view fresh;
};

template <class F>
constexpr xml_field_place place_of(std::string_view wire) noexcept {
  if constexpr (is_xml_sequence<typename unwrap_optional<F>::type>::value) {
    std::size_t const slash = wire.find('/');
    if (slash == std::string_view::npos) return {{}, wire};  // the items repeat in the struct's element
    return {wire.substr(0, slash), wire.substr(0, wire.find('/', slash + 1))};
  } else {
    std::size_t const slash = wire.rfind('/');
    return {slash == std::string_view::npos ? std::string_view{} : wire.substr(0, slash), wire};
  }
}

// Whether writing `T`'s element fields in declaration order, a container staying open only while
// the next field shares it, makes the one tree their paths describe: fields that share a
// container are declared one after another, and no path runs through an element that an earlier
// field wrote anew.
template <class T, class... Fields>
constexpr bool xml_fields_nest_in_order(type_list<Fields...>) noexcept {
  constexpr auto members = member_names<T>();
  xml_field_place places[sizeof...(Fields) + 1] = {};
  std::size_t count = 0;
  std::size_t index = 0;
  ((wire_name_of<T>(members[index]).substr(0, 1) == "@"
        ? void()
        : void(places[count++] = place_of<Fields>(wire_name_of<T>(members[index]))),
    ++index),
   ...);
  for (std::size_t j = 0; j < count; ++j) {
    for (std::size_t i = 0; i < j; ++i) {
      if (begins_with_segments(places[j].shared, places[i].fresh)) return false;
      std::string_view const common =
          places[j].shared.substr(0, common_segments_length(places[i].shared, places[j].shared));
      for (std::size_t between = i + 1; between < j; ++between)
        if (!begins_with_segments(places[between].shared, common)) return false;
    }
  }
  return true;
}
// What can be an element's text or an attribute's value.
template <class T, bool Encoding>
constexpr bool xml_scalar() noexcept {
  return Encoding ? is_writable_text_scalar_v<T> : is_text_scalar_v<T>;
}
// `InOrder`: and, for encoding, the element fields of every struct declared in an order that
// writes one tree (xml_fields_nest_in_order), checked here so the error comes from encode's entry.
template <class T, bool Encoding, bool InOrder = Encoding>
constexpr bool xml_value() noexcept;
// Whether `T`'s fields are all supported, those named "@..." (attributes) being scalars.
template <class T, bool Encoding, bool InOrder, class... Fields>
constexpr bool xml_fields(type_list<Fields...>) noexcept {
  if constexpr (InOrder)
    if (!xml_fields_nest_in_order<T>(type_list<Fields...>{})) return false;
  constexpr auto members = member_names<T>();
  std::size_t index = 0;
  bool ok = true;
  ((ok = ok && xml_value<Fields, Encoding, InOrder>() &&
         (wire_name_of<T>(members[index]).substr(0, 1) != "@" ||
          xml_scalar<typename unwrap_optional<Fields>::type, Encoding>()),
    ++index),
   ...);
  return ok;
}
// The types an element may hold: what pugixml_serializer's encode and decode accept below the
// root, so `can_decode_v` tells the truth.
template <class T, bool Encoding, bool InOrder>
constexpr bool xml_value() noexcept {
  if constexpr (xml_scalar<T, Encoding>()) return true;
  else if constexpr (is_optional<T>::value) return xml_value<typename T::value_type, Encoding, InOrder>();
  else if constexpr (is_xml_sequence<T>::value)
    return !is_optional<typename T::value_type>::value && !is_xml_sequence<typename T::value_type>::value &&
           xml_value<typename T::value_type, Encoding, InOrder>();
  else if constexpr (is_struct_v<T>) return xml_fields<T, Encoding, InOrder>(field_types_t<T>{});
  else return false;
}
// A body: a struct naming its root element, made of supported fields.
template <class T, bool Encoding>
constexpr bool xml_supports() noexcept {
  if constexpr (is_struct_v<T> && has_xml_element<T>::value) return xml_value<T, Encoding>();
  else return false;
}

// Makes the one error that says why encode (`Encoding`) or decode cannot handle `T`. The
// overloads that call it return `after_error`, not a status type, so `can_encode_v`/`can_decode_v`
// stay false and the caller's use of the result adds no second error.
template <class T, bool Encoding>
void diagnose_xml_unsupported() noexcept {
  if constexpr (!is_struct_v<T>)
    static_assert(diagnostic::xml_body_is_not_a_struct<T>,
                  "apidecl: pugixml_serializer needs the body to be a Hana Struct (BOOST_HANA_DEFINE_STRUCT)");
  else if constexpr (!has_xml_element<T>::value)
    static_assert(diagnostic::xml_body_lacks_its_root_element_name<T>,
                  "apidecl: pugixml_serializer needs the body type to name its root element: add "
                  "'static constexpr std::string_view xml_element = \"Name\";' to the struct");
  else if constexpr (Encoding && xml_value<T, true, false>())
    static_assert(diagnostic::xml_fields_sharing_an_element_are_apart<T>,
                  "apidecl: pugixml_serializer writes a struct's fields in declaration order: declare the fields "
                  "whose wire names share an element (\"Source/Code\", \"Source/Name\") one after the other, and "
                  "let no wire name run through an element another field writes");
  else
    static_assert(diagnostic::xml_body_has_an_unsupported_field<T>,
                  "apidecl: pugixml_serializer cannot handle a field of this body: use std::string, an integer, "
                  "bool, an enum with enum_names, open_enum, a text value (text_value.hpp), a Hana Struct, or "
                  "std::optional, std::vector or fixed_vector of those; an attribute ('@name') holds only a "
                  "scalar or an optional one");
}

// A wire name's '/'-separated steps, each null-terminated, made at compile time: finding an
// element or an attribute then needs no splitting or copying, only pugixml's own comparisons.
template <std::size_t Size>
constexpr std::array<char, Size + 1> null_separated(std::string_view path) noexcept {
  std::array<char, Size + 1> text{};
  for (std::size_t i = 0; i < Size; ++i) text[i] = path[i] == '/' ? '\0' : path[i];
  return text;
}
template <std::size_t Count>
constexpr std::array<std::size_t, Count> step_starts(std::string_view path) noexcept {
  std::array<std::size_t, Count> starts{};
  std::size_t step = 1;
  for (std::size_t i = 0; i < path.size(); ++i)
    if (path[i] == '/') starts[step++] = i + 1;
  return starts;
}
template <class Name>  // a field_wire_name
struct xml_steps {
  static constexpr std::size_t count = step_count(Name::value);
  static constexpr auto text = null_separated<Name::value.size()>(Name::value);
  static constexpr auto starts = step_starts<count>(Name::value);
  static constexpr char const* at(std::size_t step) noexcept { return text.data() + starts[step]; }
};

}  // namespace detail

}  // namespace apidecl

#endif
