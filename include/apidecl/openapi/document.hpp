#ifndef APIDECL_OPENAPI_DOCUMENT_HPP
#define APIDECL_OPENAPI_DOCUMENT_HPP

#include <apidecl/core/constraint.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/method.hpp>
#include <apidecl/core/param.hpp>
#include <apidecl/core/writer.hpp>
#include <apidecl/detail/type_list.hpp>
#include <apidecl/openapi/endpoint_list.hpp>
#include <apidecl/openapi/json_text.hpp>
#include <apidecl/openapi/schema.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

/// An OpenAPI 3.1 document of a set of endpoint descriptors: each path with its operations, their
/// parameters (location, presence, default, fixed value and the constraints `one_of`, `length`,
/// `range`, `hex`, `all_of`), the request body, every documented status with its body and header fields,
/// the descriptor's `default_response` as `default`, and the schema of every struct they use.
///
///     std::string json = apidecl::openapi::document(petstore::all_endpoints{}, {"Petstore", "1.0.0"});
///
/// `write_document` writes into a caller's buffer through an `apidecl::writer`: no heap, no
/// exceptions; after an overflow the writer's size is the size needed. What the descriptors do not
/// say is not invented: no servers, no security (an Auth policy is the client's, not the
/// endpoint's), no descriptions beyond the status code; XML bodies are described by their fields'
/// wire names, not by `xml` objects.
namespace apidecl::openapi {

/// The document's `info`.
struct info {
  std::string_view title;
  std::string_view version;
};

namespace detail {

template <class E, class = void> struct default_response_of { using type = void; };
template <class E> struct default_response_of<E, std::void_t<typename E::default_response>> {
  using type = typename E::default_response;
};

inline void lower_case(writer& out, std::string_view text) noexcept {
  for (char c : text) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
}

// The schema keywords a constraint implies; others (the caller's own) imply none.
template <class Constraint> struct constraint_keywords {
  static void write(writer&) noexcept {}
};
template <> struct constraint_keywords<hex> {
  static void write(writer& out) noexcept { out.append(R"(,"pattern":"^[0-9a-fA-F]+$")"); }
};
template <std::size_t Min, std::size_t Max> struct constraint_keywords<length<Min, Max>> {
  static void write(writer& out) noexcept {
    out.append(R"(,"minLength":)");
    json_integer(out, static_cast<long long>(Min));
    if (Max <= static_cast<std::size_t>(1) << 53) {  // larger means no bound
      out.append(R"(,"maxLength":)");
      json_integer(out, static_cast<long long>(Max));
    }
  }
};
template <std::intmax_t Min, std::intmax_t Max> struct constraint_keywords<range<Min, Max>> {
  static void write(writer& out) noexcept {  // a bound at the end of std::intmax_t is no bound
    if (Min != INTMAX_MIN) {
      out.append(R"(,"minimum":)");
      json_integer(out, static_cast<long long>(Min));
    }
    if (Max != INTMAX_MAX) {
      out.append(R"(,"maximum":)");
      json_integer(out, static_cast<long long>(Max));
    }
  }
};
template <class Values> struct constraint_keywords<one_of<Values>> {
  static void write(writer& out) noexcept {
    out.append(R"(,"enum":[)");
    bool first = true;
    for (std::string_view value : Values::values) {
      if (!first) out.push_back(',');
      first = false;
      json_string(out, value);
    }
    out.push_back(']');
  }
};
template <class... Constraints> struct constraint_keywords<all_of<Constraints...>> {
  static void write(writer& out) noexcept { (constraint_keywords<Constraints>::write(out), ...); }
};

template <class Value>
void scalar_value(writer& out, Value const& value) noexcept {
  if constexpr (std::is_same_v<Value, bool>) out.append(value ? "true" : "false");
  else if constexpr (std::is_integral_v<Value>) json_integer(out, static_cast<long long>(value));
  else json_string(out, value);
}

template <class P>
void write_parameter(writer& out) noexcept {
  using value = typename P::value_type;
  out.append(R"({"name":)");
  json_string(out, P::name);
  out.append(R"(,"in":)");
  out.append(P::where == location::path ? R"("path")" : P::where == location::query ? R"("query")" : R"("header")");
  bool const required = P::where == location::path || P::presence == presence::required || P::presence == presence::fixed;
  out.append(required ? R"(,"required":true,"schema":{"type":)" : R"(,"required":false,"schema":{"type":)");
  if constexpr (std::is_same_v<value, bool>) out.append(R"("boolean")");
  else if constexpr (std::is_integral_v<value>) out.append(sizeof(value) <= 4 ? R"("integer","format":"int32")" : R"("integer","format":"int64")");
  else out.append(R"("string")");
  constraint_keywords<typename P::constraint>::write(out);
  if constexpr (P::presence == presence::fixed) {
    out.append(R"(,"const":)");
    json_string(out, P::value);
  } else if constexpr (P::presence == presence::defaulted) {
    out.append(R"(,"default":)");
    scalar_value(out, P::default_value);
  }
  out.append("}}");
}

template <class... P>
void write_parameters(writer& out, apidecl::detail::type_list<P...>) noexcept {
  if constexpr (sizeof...(P) > 0) {
    out.append(R"(,"parameters":[)");
    bool first = true;
    ((first ? void(first = false) : out.push_back(','), write_parameter<P>(out)), ...);
    out.push_back(']');
  }
}

template <class... Headers>
void write_response_headers(writer& out, apidecl::detail::type_list<Headers...>, schema_set& schemas) noexcept {
  if constexpr (sizeof...(Headers) > 0) {
    out.append(R"(,"headers":{)");
    bool first = true;
    ((json_key(out, Headers::name, first), out.append(Headers::is_required ? R"({"required":true,"schema":)" : R"({"schema":)"),
      write_schema<typename Headers::value_type>(out, schemas), out.push_back('}')),
     ...);
    out.push_back('}');
  }
}

// One response: its description, its body's schema under its media type, its header fields.
template <class Response>
void write_response(writer& out, std::string_view description, schema_set& schemas) noexcept {
  out.append(R"({"description":)");
  json_string(out, description);
  if constexpr (!std::is_same_v<typename Response::body, no_content>) {
    out.append(R"(,"content":{)");
    json_string(out, Response::media::name);
    out.append(R"(:{"schema":)");
    write_schema<typename Response::body>(out, schemas);
    out.append("}}");
  }
  write_response_headers(out, typename Response::headers{}, schemas);
  out.push_back('}');
}

template <class... On>
void write_responses(writer& out, responses<On...>, schema_set& schemas) noexcept {
  bool first = true;
  char code[3] = {};
  [[maybe_unused]] auto one = [&](auto on) {
    using response = decltype(on);
    code[0] = static_cast<char>('0' + response::code / 100);
    code[1] = static_cast<char>('0' + response::code / 10 % 10);
    code[2] = static_cast<char>('0' + response::code % 10);
    json_key(out, {code, 3}, first);
    write_response<response>(out, "documented status", schemas);
  };
  (one(On{}), ...);
}

template <class Endpoint>
void write_operation(writer& out, schema_set& schemas) noexcept {
  lower_case(out, method_name(Endpoint::method));
  out.append(R"(":{"operationId":)");
  std::string_view const name = type_name<Endpoint>();
  json_string(out, name.substr(name.rfind(':') == std::string_view::npos ? 0 : name.rfind(':') + 1));
  write_parameters(out, endpoint_params_t<Endpoint>{});
  if constexpr (endpoint_has_body_v<Endpoint>) {
    out.append(R"(,"requestBody":{"required":true,"content":{)");
    json_string(out, Endpoint::body::media::name);
    out.append(R"(:{"schema":)");
    write_schema<typename Endpoint::body::type>(out, schemas);
    out.append("}}}");
  }
  out.append(R"(,"responses":{)");
  write_responses(out, typename Endpoint::responses{}, schemas);
  using fallback = typename default_response_of<Endpoint>::type;
  if constexpr (!std::is_void_v<fallback>) {
    if constexpr (!std::is_same_v<typename Endpoint::responses, responses<>>) out.push_back(',');
    out.append(R"("default":)");
    write_response<fallback>(out, "any other status", schemas);
  }
  out.append("}}");
}

}  // namespace detail

/// Writes the OpenAPI 3.1 document of `Endpoints...` to `out`; false if a table ran out (more
/// than `schema_set::capacity` structs), true otherwise. After an overflow of `out`,
/// `out.size()` is the size needed.
template <class... Endpoints>
bool write_document(writer& out, info const& about) noexcept {
  using operation_writer = void (*)(writer&, detail::schema_set&);
  constexpr std::size_t count = sizeof...(Endpoints);
  constexpr std::string_view paths[count + 1] = {Endpoints::path..., {}};
  constexpr operation_writer operations[count + 1] = {&detail::write_operation<Endpoints>..., nullptr};
  detail::schema_set schemas;
  out.append(R"({"openapi":"3.1.0","info":{"title":)");
  detail::json_string(out, about.title);
  out.append(R"(,"version":)");
  detail::json_string(out, about.version);
  out.append(R"(},"paths":{)");
  bool first_path = true;
  for (std::size_t i = 0; i < count; ++i) {
    bool seen = false;
    for (std::size_t j = 0; j < i; ++j) seen = seen || paths[j] == paths[i];
    if (seen) continue;  // written with the first operation on its path
    detail::json_key(out, paths[i], first_path);
    out.push_back('{');
    bool first_operation = true;
    for (std::size_t j = i; j < count; ++j) {
      if (paths[j] != paths[i]) continue;
      if (!first_operation) out.push_back(',');
      first_operation = false;
      out.push_back('"');
      operations[j](out, schemas);
    }
    out.push_back('}');
  }
  out.append(R"(},"components":{"schemas":{)");
  for (std::size_t i = 0; i < schemas.size(); ++i) {  // writing a schema may add more
    if (i != 0) out.push_back(',');
    out.push_back('"');
    detail::component_key(out, schemas.name(i));
    out.append("\":");
    schemas.write(i, out);
  }
  out.append("}}}");
  return !schemas.overflowed();
}

/// The OpenAPI 3.1 document of the endpoints `list` names, as text; empty if a table ran out.
template <class... Endpoints>
std::string document(endpoint_list<Endpoints...>, info const& about) {
  std::string text(4096, '\0');
  writer out(text.data(), text.size());
  if (!write_document<Endpoints...>(out, about)) return {};
  if (out.overflowed()) {
    text.assign(out.size(), '\0');
    writer again(text.data(), text.size());
    write_document<Endpoints...>(again, about);
  }
  text.resize(out.size());
  return text;
}

/// As above, for endpoints named one by one: `document<cielo24::endpoints::delete_job>(info)`.
template <class... Endpoints>
std::string document(info const& about) {
  return document(endpoint_list<Endpoints...>{}, about);
}

}  // namespace apidecl::openapi

#endif
