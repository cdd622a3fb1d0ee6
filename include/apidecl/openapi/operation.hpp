#ifndef APIDECL_OPENAPI_OPERATION_HPP
#define APIDECL_OPENAPI_OPERATION_HPP

#include <apidecl/core/constraint.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/method.hpp>
#include <apidecl/core/param.hpp>
#include <apidecl/core/writer.hpp>
#include <apidecl/detail/type_list.hpp>
#include <apidecl/core/media_type.hpp>
#include <apidecl/openapi/form_encoding.hpp>
#include <apidecl/openapi/json_text.hpp>
#include <apidecl/openapi/schema.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

/// An OpenAPI operation written from tables: each descriptor becomes an `operation_table` (its
/// name, parameters, body and responses, each with a function that writes its schema), and one
/// non-template function writes the operation of one descriptor, or of several that share a method
/// and a path.
///
/// Several descriptors on one method and path (cielo24's get_caption and get_caption_url: one
/// request, two answers chosen by an argument) are one operation: its operationId joins theirs
/// with `_or_`; a parameter is required if every descriptor requires it; the request body is
/// required if every descriptor sends one; each status and media type lists the schemas the
/// descriptors give it, several under `anyOf` (not `oneOf`: JSON valid for one of the types may be
/// valid for another, as decoding ignores unknown fields).
namespace apidecl::openapi::detail {

using schema_writer = void (*)(writer&, schema_set&);

struct parameter_entry {
  std::string_view name;
  location where;
  bool required;
  void (*write)(writer&, bool required) noexcept;
};

/// A body: its media type and schema; no schema, no body.
struct content_entry {
  std::string_view media;
  schema_writer schema = nullptr;
  void (*encoding)(writer&) noexcept = nullptr;  ///< a form body's Encoding Object
};

struct response_entry {
  int code = 0;
  int last = 0;  ///< the last status of a range (on_range); `code` for one status
  content_entry body;
  schema_writer headers = nullptr;  ///< writes `,"headers":{...}`; none without header fields
};

struct operation_table {
  std::string_view name;
  method verb;
  parameter_entry const* parameters;
  std::size_t parameter_count;
  content_entry body;
  response_entry const* responses;
  std::size_t response_count;
  response_entry const* default_response;  ///< null: none
};

/// The most descriptors one method and path may carry in a document.
inline constexpr std::size_t max_operation_group = 16;

// ---- the tables of a descriptor ----------------------------------------------------------------

template <class E, class = void> struct default_response_of { using type = void; };
template <class E> struct default_response_of<E, std::void_t<typename E::default_response>> {
  using type = typename E::default_response;
};

// Whether `text` is written as it is as a JSON integer: an optional '-', then digits without a
// leading zero.
constexpr bool is_json_integer(std::string_view text) noexcept {
  std::string_view digits = text.substr(text.empty() || text[0] != '-' ? 0 : 1);
  if (digits.empty() || (digits[0] == '0' && digits.size() > 1)) return false;
  for (char c : digits)
    if (c < '0' || c > '9') return false;
  return true;
}

// The schema keywords a constraint implies, for a parameter of integers if `integer`; others (the
// caller's own) imply none.
template <class Constraint> struct constraint_keywords {
  static void write(writer&, bool) noexcept {}
};
template <> struct constraint_keywords<hex> {
  static void write(writer& out, bool) noexcept { out.append(R"(,"pattern":"^[0-9a-fA-F]+$")"); }
};
template <std::size_t Min, std::size_t Max> struct constraint_keywords<length<Min, Max>> {
  static void write(writer& out, bool) noexcept {
    out.append(R"(,"minLength":)");
    json_integer(out, static_cast<long long>(Min));
    if (Max <= static_cast<std::size_t>(1) << 53) {  // larger means no bound
      out.append(R"(,"maxLength":)");
      json_integer(out, static_cast<long long>(Max));
    }
  }
};
template <std::intmax_t Min, std::intmax_t Max> struct constraint_keywords<range<Min, Max>> {
  static void write(writer& out, bool) noexcept {  // a bound at the end of std::intmax_t is no bound
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
  static void write(writer& out, bool integer) noexcept {  // an integer's values are checked as its text
    out.append(R"(,"enum":[)");
    bool first = true;
    for (std::string_view value : Values::values) {
      if (!first) out.push_back(',');
      first = false;
      if (integer && is_json_integer(value)) out.append(value);
      else json_string(out, value);
    }
    out.push_back(']');
  }
};
template <class... Constraints> struct constraint_keywords<all_of<Constraints...>> {
  static void write([[maybe_unused]] writer& out, [[maybe_unused]] bool integer) noexcept {
    (constraint_keywords<Constraints>::write(out, integer), ...);
  }
};

template <class Value>
void scalar_value(writer& out, Value const& value) noexcept {
  if constexpr (std::is_same_v<Value, bool>) out.append(value ? "true" : "false");
  else if constexpr (std::is_integral_v<Value>) json_integer(out, static_cast<long long>(value));
  else json_string(out, value);
}

// A parameter; `required` says whether every descriptor of its operation requires it (operation.hpp).
template <class P>
void write_parameter(writer& out, bool required) noexcept {
  using value = typename P::value_type;
  out.append(R"({"name":)");
  json_string(out, P::name);
  out.append(R"(,"in":)");
  out.append(P::where == location::path ? R"("path")" : P::where == location::query ? R"("query")" : R"("header")");
  out.append(required ? R"(,"required":true,"schema":{"type":)" : R"(,"required":false,"schema":{"type":)");
  if constexpr (std::is_same_v<value, bool>) out.append(R"("boolean")");
  else if constexpr (std::is_integral_v<value>) out.append(sizeof(value) <= 4 ? R"("integer","format":"int32")" : R"("integer","format":"int64")");
  else out.append(R"("string")");
  constraint_keywords<typename P::constraint>::write(out, std::is_integral_v<value> && !std::is_same_v<value, bool>);
  if constexpr (P::presence == presence::fixed) {
    out.append(R"(,"const":)");
    json_string(out, P::value);
  } else if constexpr (P::presence == presence::defaulted) {
    out.append(R"(,"default":)");
    scalar_value(out, P::default_value);
  }
  out.append("}}");
}

template <class P>
constexpr parameter_entry parameter_entry_of() noexcept {
  return {P::name, P::where,
          P::where == location::path || P::presence == presence::required || P::presence == presence::fixed,
          &write_parameter<P>};
}

template <class... P>
struct parameter_table {
  static constexpr parameter_entry entries[sizeof...(P) + 1] = {parameter_entry_of<P>()..., {}};
};
template <class... P>
constexpr parameter_table<P...> parameter_table_of(apidecl::detail::type_list<P...>) noexcept {
  return {};
}

template <class... Headers>
void write_response_headers(writer& out, schema_set& schemas) noexcept {
  out.append(R"(,"headers":{)");
  bool first = true;
  ((json_key(out, Headers::name, first), out.append(Headers::is_required ? R"({"required":true,"schema":)" : R"({"schema":)"),
    write_schema<typename Headers::value_type>(out, schemas), out.push_back('}')),
   ...);
  out.push_back('}');
}
template <class... Headers>
constexpr schema_writer headers_writer(apidecl::detail::type_list<Headers...>) noexcept {
  if constexpr (sizeof...(Headers) == 0) return nullptr;
  else return &write_response_headers<Headers...>;
}

template <class Body, class Media>
constexpr content_entry content_of() noexcept {
  if constexpr (std::is_same_v<Body, no_content>) return {};
  else if constexpr (std::is_same_v<Media, form> && is_struct_v<Body>)
    return {Media::name, &write_schema<Body>, &write_form_encoding<Body>};
  else return {Media::name, &write_schema<Body>};
}

template <class Response, int Code, int Last = Code>
constexpr response_entry response_entry_of() noexcept {
  return {Code, Last, content_of<typename Response::body, typename Response::media>(),
          headers_writer(typename Response::headers{})};
}

template <class... On>
struct response_table {
  static constexpr response_entry entries[sizeof...(On) + 1] = {response_entry_of<On, On::code, On::last>()..., {}};
};
template <class... On>
constexpr response_table<On...> response_table_of(responses<On...>) noexcept {
  return {};
}

template <class E>
struct default_table {
  using fallback = typename default_response_of<E>::type;
  static constexpr response_entry const* entry() noexcept {
    if constexpr (std::is_void_v<fallback>) return nullptr;
    else return &one;
  }
  static constexpr response_entry one = [] {
    if constexpr (std::is_void_v<fallback>) return response_entry{};
    else return response_entry_of<fallback, 0>();
  }();
};

template <class E>
constexpr content_entry request_body_of() noexcept {
  if constexpr (endpoint_has_body_v<E>) return content_of<typename E::body::type, typename E::body::media>();
  else return {};
}

template <class E>
constexpr std::string_view operation_name() noexcept {
  std::string_view const name = type_name<E>();
  std::size_t const colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

/// The tables of the descriptor `E`.
template <class E>
struct operation_table_of {
  using parameters = decltype(parameter_table_of(endpoint_params_t<E>{}));
  using answers = decltype(response_table_of(typename E::responses{}));
  static constexpr operation_table value = {operation_name<E>(),
                                            E::method,
                                            parameters::entries,
                                            sizeof(parameters::entries) / sizeof(parameter_entry) - 1,
                                            request_body_of<E>(),
                                            answers::entries,
                                            sizeof(answers::entries) / sizeof(response_entry) - 1,
                                            default_table<E>::entry()};
};

// ---- writing -----------------------------------------------------------------------------------

inline void lower_case(writer& out, std::string_view text) noexcept {
  for (char c : text) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
}

/// Writes `"media":{"schema":...}` for each media type of `bodies` (those with a schema), one
/// schema per distinct writer, several under anyOf.
inline void write_contents(writer& out, schema_set& schemas, content_entry const* const* bodies,
                           std::size_t count) noexcept {
  bool first_media = true;
  for (std::size_t i = 0; i < count; ++i) {
    bool seen_media = false;
    for (std::size_t j = 0; j < i; ++j) seen_media = seen_media || bodies[j]->media == bodies[i]->media;
    if (seen_media) continue;
    json_key(out, bodies[i]->media, first_media);
    std::size_t distinct = 0;
    for (std::size_t j = i; j < count; ++j) {
      bool seen = bodies[j]->media != bodies[i]->media;
      for (std::size_t k = i; k < j && !seen; ++k) seen = bodies[k]->media == bodies[j]->media && bodies[k]->schema == bodies[j]->schema;
      distinct += seen ? 0 : 1;
    }
    out.append(distinct > 1 ? R"({"schema":{"anyOf":[)" : R"({"schema":)");
    bool first_schema = true;
    for (std::size_t j = i; j < count; ++j) {
      bool seen = bodies[j]->media != bodies[i]->media;
      for (std::size_t k = i; k < j && !seen; ++k) seen = bodies[k]->media == bodies[j]->media && bodies[k]->schema == bodies[j]->schema;
      if (seen) continue;
      if (!first_schema) out.push_back(',');
      first_schema = false;
      bodies[j]->schema(out, schemas);
    }
    // Several schemas under anyOf may be encoded differently: the Encoding Object, one per media
    // type, is written only for one.
    if (distinct == 1 && bodies[i]->encoding != nullptr) bodies[i]->encoding(out);
    out.append(distinct > 1 ? "]}}" : "}");
  }
}

/// One response of the descriptors `answers` give a status: description, content, header fields.
inline void write_response(writer& out, schema_set& schemas, std::string_view description,
                           response_entry const* const* answers, std::size_t count) noexcept {
  out.append(R"({"description":)");
  json_string(out, description);
  content_entry const* bodies[max_operation_group];
  std::size_t with_body = 0;
  schema_writer headers = nullptr;
  for (std::size_t i = 0; i < count; ++i) {
    if (answers[i]->body.schema != nullptr) bodies[with_body++] = &answers[i]->body;
    if (headers == nullptr) headers = answers[i]->headers;
  }
  if (with_body > 0) {
    out.append(R"(,"content":{)");
    write_contents(out, schemas, bodies, with_body);
    out.push_back('}');
  }
  if (headers != nullptr) headers(out, schemas);
  out.push_back('}');
}

/// Writes `"method":{...}`: the operation of the `count` descriptors of `group`, which share a
/// method and a path.
inline void write_operation(writer& out, schema_set& schemas, operation_table const* const* group,
                            std::size_t count) noexcept {
  out.push_back('"');
  lower_case(out, method_name(group[0]->verb));
  out.append(R"(":{"operationId":")");
  for (std::size_t i = 0; i < count; ++i) {
    if (i != 0) out.append("_or_");
    out.append(group[i]->name);  // a C++ identifier: nothing to escape
  }
  out.push_back('"');

  bool first = true;
  for (std::size_t i = 0; i < count; ++i) {
    for (std::size_t p = 0; p < group[i]->parameter_count; ++p) {
      parameter_entry const& parameter = group[i]->parameters[p];
      auto const same = [&](parameter_entry const& other) { return other.name == parameter.name && other.where == parameter.where; };
      bool written = false;
      for (std::size_t j = 0; j <= i && !written; ++j)
        for (std::size_t q = 0; q < (j == i ? p : group[j]->parameter_count) && !written; ++q) written = same(group[j]->parameters[q]);
      if (written) continue;
      bool required_by_all = true;
      for (std::size_t j = 0; j < count; ++j) {
        bool required_here = false;
        for (std::size_t q = 0; q < group[j]->parameter_count; ++q)
          required_here = required_here || (same(group[j]->parameters[q]) && group[j]->parameters[q].required);
        required_by_all = required_by_all && required_here;
      }
      out.append(first ? R"(,"parameters":[)" : ",");
      first = false;
      parameter.write(out, required_by_all);
    }
  }
  if (!first) out.push_back(']');

  content_entry const* bodies[max_operation_group];
  std::size_t with_body = 0;
  for (std::size_t i = 0; i < count; ++i)
    if (group[i]->body.schema != nullptr) bodies[with_body++] = &group[i]->body;
  if (with_body > 0) {
    out.append(with_body == count ? R"(,"requestBody":{"required":true,"content":{)"
                                  : R"(,"requestBody":{"required":false,"content":{)");
    write_contents(out, schemas, bodies, with_body);
    out.append("}}");
  }

  out.append(R"(,"responses":{)");
  bool first_status = true;
  char code[3] = {};
  for (std::size_t i = 0; i < count; ++i) {
    for (std::size_t r = 0; r < group[i]->response_count; ++r) {
      int const status = group[i]->responses[r].code;
      int const last = group[i]->responses[r].last;
      response_entry const* answers[max_operation_group];
      std::size_t answered = 0;
      bool written = false;
      for (std::size_t j = 0; j < count; ++j)
        for (std::size_t s = 0; s < group[j]->response_count; ++s) {
          if (group[j]->responses[s].code != status || group[j]->responses[s].last != last) continue;
          written = written || j < i || (j == i && s < r);
          answers[answered++] = &group[j]->responses[s];
        }
      if (written) continue;
      // A range of a whole hundred is OpenAPI's "4XX"; any other range is written status by status.
      bool const hundred = last != status && status % 100 == 0 && last == status + 99;
      for (int each = status; each <= (hundred ? status : last); ++each) {
        code[0] = static_cast<char>('0' + each / 100);
        code[1] = hundred ? 'X' : static_cast<char>('0' + each / 10 % 10);
        code[2] = hundred ? 'X' : static_cast<char>('0' + each % 10);
        json_key(out, {code, 3}, first_status);
        write_response(out, schemas, "documented status", answers, answered);
      }
    }
  }
  response_entry const* fallbacks[max_operation_group];
  std::size_t fallback_count = 0;
  for (std::size_t i = 0; i < count; ++i)
    if (group[i]->default_response != nullptr) fallbacks[fallback_count++] = group[i]->default_response;
  if (fallback_count > 0) {
    json_key(out, "default", first_status);
    write_response(out, schemas, "any other status", fallbacks, fallback_count);
  }
  out.append("}}");
}

}  // namespace apidecl::openapi::detail

#endif
