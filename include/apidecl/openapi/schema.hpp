#ifndef APIDECL_OPENAPI_SCHEMA_HPP
#define APIDECL_OPENAPI_SCHEMA_HPP

#include <apidecl/core/writer.hpp>
#include <apidecl/detail/type_list.hpp>
#include <apidecl/openapi/json_text.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/serializer/multipart.hpp>
#include <apidecl/serializer/one_of.hpp>
#include <apidecl/types/enum_names.hpp>
#include <apidecl/types/fixed_vector.hpp>
#include <apidecl/types/id.hpp>
#include <apidecl/types/open_enum.hpp>
#include <apidecl/types/text_value.hpp>
#include <apidecl/types/timestamp.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

/// The JSON Schema of a body or field type, as an OpenAPI 3.1 document writes it. A struct is
/// written once, under `components/schemas`, and referred to by `$ref` wherever it is used; its
/// name there is its C++ name with `.` for `::` (`petstore.pet`), read from the compiler's
/// function signature, so no RTTI is needed.
namespace apidecl::openapi::detail {

/// `T`'s qualified C++ name.
template <class T>
constexpr std::string_view type_name() noexcept {
  std::string_view const signature = __PRETTY_FUNCTION__;  // "... [with T = ns::pet; ...]" (GCC), "... [T = ns::pet]" (Clang)
  std::size_t const begin = signature.find("T = ") + 4;
  std::size_t const end = signature.find_first_of(";]", begin);
  return signature.substr(begin, end - begin);
}

/// The struct schemas a document refers to, to be written under components/schemas. A fixed
/// table: a document of more structs than it holds is reported as overflowing.
class schema_set {
 public:
  using write_function = void (*)(writer&, schema_set&);
  static constexpr std::size_t capacity = 512;

  /// Records the struct named `name`, written by `write`, unless it is recorded already.
  void add(std::string_view name, write_function write) noexcept {
    for (std::size_t i = 0; i < size_; ++i)
      if (entries_[i].name == name) return;
    if (size_ == capacity) {
      overflowed_ = true;
      return;
    }
    entries_[size_++] = {name, write};
  }
  std::size_t size() const noexcept { return size_; }
  std::string_view name(std::size_t i) const noexcept { return entries_[i].name; }
  void write(std::size_t i, writer& out) noexcept { entries_[i].write(out, *this); }
  bool overflowed() const noexcept { return overflowed_; }

 private:
  struct entry {
    std::string_view name;
    write_function write;
  };
  entry entries_[capacity] = {};
  std::size_t size_ = 0;
  bool overflowed_ = false;
};

/// A component key (`^[a-zA-Z0-9._-]+$`) for a C++ name: `::` becomes `.`, anything else `_`.
inline void component_key(writer& out, std::string_view cpp_name) noexcept {
  for (std::size_t i = 0; i < cpp_name.size(); ++i) {
    char const c = cpp_name[i];
    bool const plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                       c == '-' || c == '.';
    if (c == ':' && i + 1 < cpp_name.size() && cpp_name[i + 1] == ':') {
      out.push_back('.');
      ++i;
    } else {
      out.push_back(plain ? c : '_');
    }
  }
}

template <class Enum>
void enum_values(writer& out) noexcept {
  out.push_back('[');
  bool first = true;
  for (auto const& entry : apidecl::detail::enum_names_of<Enum>) {
    if (!first) out.push_back(',');
    first = false;
    json_string(out, entry.text);
  }
  out.push_back(']');
}

template <class T> struct is_optional_field : std::false_type {};
template <class T> struct is_optional_field<std::optional<T>> : std::true_type {};

template <class T>
void write_schema(writer& out, schema_set& schemas) noexcept;

// A struct's own schema: its fields by wire name, those not optional required.
template <class T>
void write_struct_schema(writer& out, schema_set& schemas) noexcept {
  out.append(R"({"type":"object","properties":{)");
  T const instance{};
  bool first = true;
  for_each_field(instance, [&](std::string_view wire, auto const& field) {
    json_key(out, wire, first);
    write_schema<std::decay_t<decltype(field)>>(out, schemas);
  });
  out.append(R"(},"required":[)");
  first = true;
  for_each_field(instance, [&](std::string_view wire, auto const& field) {
    if constexpr (!is_optional_field<std::decay_t<decltype(field)>>::value) {
      if (!first) out.push_back(',');
      first = false;
      json_string(out, wire);
    }
  });
  out.append("]}");
}

template <class T>
void write_ref(writer& out) noexcept {
  out.append("#/components/schemas/");
  component_key(out, type_name<T>());
}

// A variant's alternatives under oneOf, and its discriminator's property and mapping if it has one.
template <class Variant, std::size_t... I>
void write_one_of(writer& out, schema_set& schemas, std::index_sequence<I...>) noexcept {
  out.append(R"({"oneOf":[)");
  ((out.append(I == 0 ? "" : ","), write_schema<std::variant_alternative_t<I, Variant>>(out, schemas)), ...);
  out.push_back(']');
  if constexpr (is_discriminated_v<Variant>) {
    out.append(R"(,"discriminator":{"propertyName":)");
    json_string(out, discriminator_property_v<Variant>);
    out.append(R"(,"mapping":{)");
    bool first = true;
    ((json_key(out, std::variant_alternative_t<I, Variant>::discriminator_value, first), out.push_back('"'),
      write_ref<std::variant_alternative_t<I, Variant>>(out), out.push_back('"')),
     ...);
    out.append("}}");
  }
  out.push_back('}');
}

template <class T>
void write_schema(writer& out, schema_set& schemas) noexcept {
  if constexpr (std::is_same_v<T, bool>) {
    out.append(R"({"type":"boolean"})");
  } else if constexpr (std::is_integral_v<T>) {
    out.append(sizeof(T) <= 4 ? R"({"type":"integer","format":"int32"})" : R"({"type":"integer","format":"int64"})");
  } else if constexpr (std::is_floating_point_v<T>) {
    out.append(R"({"type":"number"})");
  } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, std::string_view>) {
    out.append(R"({"type":"string"})");
  } else if constexpr (is_optional_field<T>::value) {
    out.append(R"({"oneOf":[)");
    write_schema<typename T::value_type>(out, schemas);
    out.append(R"(,{"type":"null"}]})");
  } else if constexpr (apidecl::detail::is_vector<T>::value || is_fixed_vector_v<T>) {
    out.append(R"({"type":"array","items":)");
    write_schema<typename T::value_type>(out, schemas);
    out.push_back('}');
  } else if constexpr (apidecl::detail::is_id<T>::value) {
    write_schema<typename T::value_type>(out, schemas);
  } else if constexpr (apidecl::detail::is_open_enum<T>::value) {
    out.append(R"({"type":"string","x-extensible-enum":)");
    enum_values<decltype(T{}.value())>(out);
    out.push_back('}');
  } else if constexpr (has_enum_names_v<T>) {
    out.append(R"({"type":"string","enum":)");
    enum_values<T>(out);
    out.push_back('}');
  } else if constexpr (std::is_same_v<T, utc_timestamp>) {
    out.append(R"({"type":"string","format":"date-time"})");
  } else if constexpr (is_text_value_v<T>) {
    out.append(R"({"type":"string"})");
  } else if constexpr (apidecl::detail::is_file_part<T>::value) {
    out.append(R"({"type":"string","format":"binary"})");
  } else if constexpr (apidecl::detail::is_variant<T>::value) {
    if constexpr (!is_valid_one_of_v<T>) check_one_of<T>();
    else write_one_of<T>(out, schemas, std::make_index_sequence<std::variant_size_v<T>>{});
  } else if constexpr (is_struct_v<T>) {
    schemas.add(type_name<T>(), &write_struct_schema<T>);
    out.append(R"({"$ref":")");
    write_ref<T>(out);
    out.append(R"("})");
  } else {
    out.append("{}");  // a type of the caller's own serializer: any value
  }
}

}  // namespace apidecl::openapi::detail

#endif
