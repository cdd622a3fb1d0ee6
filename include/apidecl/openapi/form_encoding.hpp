#ifndef APIDECL_OPENAPI_FORM_ENCODING_HPP
#define APIDECL_OPENAPI_FORM_ENCODING_HPP

#include <apidecl/core/writer.hpp>
#include <apidecl/openapi/json_text.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/serializer/form_encoding.hpp>

#include <optional>
#include <type_traits>

/// A form body's Encoding Object: the style of each of its struct and vector fields, as the
/// body's `form_encodings` declares it (serializer/form_encoding.hpp), written out even where it is
/// OpenAPI's default so that a reader need not know the default.
namespace apidecl::openapi::detail {

/// Writes `,"encoding":{...}` for the form body `T`; nothing if no field is a struct or a vector.
template <class T>
void write_form_encoding(writer& out) noexcept {
  T const instance{};
  bool first = true;
  for_each_field(instance, [&](auto name, auto const& field) {
    using value = std::decay_t<decltype(field)>;
    using held = typename std::conditional_t<is_optional_v<value>, value, std::optional<value>>::value_type;
    if constexpr (is_struct_v<held> || apidecl::detail::is_vector<held>::value) {
      constexpr form_encoding e = apidecl::detail::form_encoding_of_field(decltype(name){});
      constexpr bool deep = e.style == form_style::deep_object;
      out.append(first ? R"(,"encoding":{)" : ",");
      first = false;
      json_string(out, name);
      out.append(deep ? R"(:{"style":"deepObject","explode":true})"
                      : e.explode ? R"(:{"style":"form","explode":true})" : R"(:{"style":"form","explode":false})");
    }
  });
  if (!first) out.push_back('}');
}

}  // namespace apidecl::openapi::detail

#endif
