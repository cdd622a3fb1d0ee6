#ifndef APIDECL_SERIALIZER_FORM_ENCODING_HPP
#define APIDECL_SERIALIZER_FORM_ENCODING_HPP

#include <apidecl/serializer/fields.hpp>

#include <string_view>
#include <type_traits>

/// How a form body (`application/x-www-form-urlencoded`, query_string.hpp) writes a field that is a
/// struct or a vector: OpenAPI 3's Encoding Object (`style`, `explode`), declared once next to the
/// struct's members, as `wire_names` is:
///
///     struct sign_up {
///       BOOST_HANA_DEFINE_STRUCT(sign_up, (address, home), (std::vector<std::string>, tags));
///       static constexpr apidecl::form_encoding form_encodings[] = {
///           {"home", apidecl::form_style::deep_object},        // home[city]=Oslo&home[zip]=0150
///           {"tags", apidecl::form_style::form, false}};       // tags=a,b
///     };
///
/// A field without an entry is written as OpenAPI's default, `form` exploded: a vector repeats its
/// name (`tags=a&tags=b`), a struct's fields are written as if they were its parent's (`city=Oslo`).
/// `deep_object` is for a struct field; `explode = false` for a vector field. Inside a deep object,
/// a struct always nests (`home[geo][lat]=59.9`).
namespace apidecl {

/// OpenAPI's serialization styles a form body supports (its `spaceDelimited` and
/// `pipeDelimited` are not: a space or '|' in a value could not be told from the delimiter once a
/// server has decoded the pair).
enum class form_style { form, deep_object };

/// The style of one field, named by its C++ member name.
struct form_encoding {
  std::string_view member;
  form_style style = form_style::form;
  bool explode = true;
};

namespace detail {
template <class T, class = void>
struct has_form_encodings : std::false_type {};
template <class T>
struct has_form_encodings<T, std::void_t<decltype(T::form_encodings)>> : std::true_type {};
}  // namespace detail

/// The encoding of `T`'s field `member`: its entry in `T::form_encodings`, else `form`, exploded.
template <class T>
constexpr form_encoding form_encoding_of(std::string_view member) noexcept {
  if constexpr (detail::has_form_encodings<T>::value)
    for (form_encoding const& entry : T::form_encodings)
      if (entry.member == member) return entry;
  return {member, form_style::form, true};
}

/// Whether `T` declares the encoding of a field.
template <class T>
inline constexpr bool has_form_encodings_v = detail::has_form_encodings<T>::value;

namespace detail {
/// The encoding of the field that for_each_field names with this field_wire_name.
template <class Plain, class Key>
constexpr form_encoding form_encoding_of_field(field_wire_name<Plain, Key>) noexcept {
  return form_encoding_of<Plain>(key_text<Key>());
}
}  // namespace detail

}  // namespace apidecl

#endif
