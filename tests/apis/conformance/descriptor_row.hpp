#ifndef APIDECL_TESTS_CONFORMANCE_DESCRIPTOR_ROW_HPP
#define APIDECL_TESTS_CONFORMANCE_DESCRIPTOR_ROW_HPP

// An endpoint descriptor rendered into a conformance row (table.hpp), through the same reflection
// the OpenAPI export uses: endpoint_params_t, each parameter's where/presence/value_type/constraint,
// the request body's media, and the responses' codes and media.
#include "table.hpp"

#include <apidecl/apis/cielo24/params.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/openapi/endpoint_list.hpp>
#include <apidecl/openapi/schema.hpp>
#include <apidecl/types/comma_list.hpp>
#include <apidecl/types/enum_param.hpp>

#include <string>
#include <type_traits>
#include <vector>

namespace conformance {

/// The kind a table names a media type by.
inline std::string body_kind(std::string_view media) {
  if (media == "application/json") return "json";
  if (media == "text/xml") return "xml";
  if (media == "text/plain") return "text";
  if (media == "application/octet-stream") return "bytes";
  if (media == "application/x-www-form-urlencoded") return "form";
  if (media.empty()) return "none";
  return std::string(media);  // a media type the tables have no word for shows as itself
}

namespace detail {
template <class Constraint> struct constraint_type {
  static constexpr bool names_a_type = false;
  static std::string name() { return {}; }
};
template <> struct constraint_type<apidecl::hex> {
  static constexpr bool names_a_type = true;
  static std::string name() { return "hex"; }
};
template <class Item> struct constraint_type<apidecl::comma_separated<Item>> {
  static constexpr bool names_a_type = true;
  static std::string name() { return "list"; }
};
template <> struct constraint_type<apidecl::cielo24::json_object> {
  static constexpr bool names_a_type = true;
  static std::string name() { return "json"; }
};
// The values an enumerated parameter sends: each enumerator's written name, once (a name read as
// an alias, such as job info's STANDARD for PREMIUM, is not one the caller can send).
template <class Enum> struct constraint_type<apidecl::enum_value<Enum>> {
  static constexpr bool names_a_type = true;
  static std::string name() {
    std::string out = "enum:";
    std::vector<std::string_view> seen;
    for (auto const& entry : enum_names(Enum{})) {
      std::string_view const written = apidecl::enum_to_text(entry.value);
      if (std::find(seen.begin(), seen.end(), written) != seen.end()) continue;
      if (!seen.empty()) out += '|';
      seen.push_back(written);
      out += written;
    }
    return out;
  }
};

template <class... Constraints>
std::string string_type(apidecl::all_of<Constraints...>) {
  std::string out = "string";
  ((constraint_type<Constraints>::names_a_type ? void(out = constraint_type<Constraints>::name()) : void()), ...);
  return out;
}

template <class Value>
std::string text_of(Value const& value) {
  if constexpr (std::is_same_v<Value, bool>) return value ? "true" : "false";
  else if constexpr (std::is_integral_v<Value>) return std::to_string(value);
  else return std::string(value);
}

template <class P>
parameter_row parameter_of() {
  using value = typename P::value_type;
  parameter_row row;
  row.where = P::where == apidecl::location::path ? "path" : P::where == apidecl::location::query ? "query" : "header";
  row.name = std::string(P::name);
  if constexpr (P::presence == apidecl::presence::fixed) row.presence = "fixed=" + std::string(P::value);
  else if constexpr (P::presence == apidecl::presence::defaulted) row.presence = "defaulted=" + text_of(P::default_value);
  else row.presence = P::presence == apidecl::presence::required ? "required" : "optional";
  if constexpr (std::is_same_v<value, bool>) row.type = "bool";
  else if constexpr (std::is_integral_v<value>) row.type = "int";
  else row.type = string_type(typename P::constraint{});
  return row;
}

template <class... P>
std::vector<parameter_row> parameters_of(apidecl::detail::type_list<P...>) {
  return {parameter_of<P>()...};
}

// "404", or "4xx" for a range of a hundred (the only ranges the tables name).
inline std::string code_text(int first, int last) {
  if (first == last) return std::to_string(first);
  if (first % 100 == 0 && last == first + 99) return std::to_string(first / 100) + "xx";
  return std::to_string(first) + "-" + std::to_string(last);
}

template <class... On>
std::vector<status_row> statuses_of(apidecl::responses<On...>) {
  return {status_row{code_text(On::code, On::last), body_kind(On::media::name)}...};
}

template <class... P>
std::string names_of(apidecl::detail::type_list<P...>) {
  std::string names;
  ((names += (names.empty() ? "" : " ") + std::string(P::name)), ...);
  return names;
}
}  // namespace detail

/// The row `Endpoint`'s descriptor declares; its name is the descriptor's unqualified C++ name.
template <class Endpoint>
endpoint_row row_of() {
  endpoint_row row;
  std::string_view const name = apidecl::openapi::detail::type_name<Endpoint>();
  row.name = std::string(name.substr(name.rfind(':') + 1));
  row.method = std::string(apidecl::method_name(Endpoint::method));
  row.path = std::string(Endpoint::path);
  if constexpr (apidecl::endpoint_has_body_v<Endpoint>) row.body = body_kind(Endpoint::body::media::name);
  row.params = detail::parameters_of(apidecl::endpoint_params_t<Endpoint>{});
  row.exactly_one_of = detail::names_of(apidecl::endpoint_alternatives_t<Endpoint>{});
  row.statuses = detail::statuses_of(typename Endpoint::responses{});
  return row;
}

/// The rows of every endpoint a list names.
template <class... Endpoints>
std::vector<endpoint_row> rows_of(apidecl::openapi::endpoint_list<Endpoints...>) {
  return {row_of<Endpoints>()...};
}

}  // namespace conformance

#endif
