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
#include <apidecl/openapi/operation.hpp>
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

/// Writes the OpenAPI 3.1 document of `Endpoints...` to `out`; false if a table ran out (more
/// than `schema_set::capacity` structs, or more than `max_operation_group` descriptors on one
/// method and path), true otherwise. Descriptors that share a method and a path are one
/// operation (operation.hpp). After an overflow of `out`,
/// `out.size()` is the size needed.
template <class... Endpoints>
bool write_document(writer& out, info const& about) noexcept {
  constexpr std::size_t count = sizeof...(Endpoints);
  constexpr detail::operation_table const* operations[count + 1] = {&detail::operation_table_of<Endpoints>::value...,
                                                                     nullptr};
  constexpr std::string_view paths[count + 1] = {Endpoints::path..., {}};
  detail::schema_set schemas;
  bool complete = true;
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
      bool method_seen = paths[j] != paths[i];
      for (std::size_t k = i; k < j && !method_seen; ++k)
        method_seen = paths[k] == paths[i] && operations[k]->verb == operations[j]->verb;
      if (method_seen) continue;  // written with the first descriptor of its method
      detail::operation_table const* group[detail::max_operation_group];
      std::size_t grouped = 0;
      for (std::size_t k = j; k < count; ++k) {
        if (paths[k] != paths[i] || operations[k]->verb != operations[j]->verb) continue;
        if (grouped == detail::max_operation_group) complete = false;
        else group[grouped++] = operations[k];
      }
      if (!first_operation) out.push_back(',');
      first_operation = false;
      detail::write_operation(out, schemas, group, grouped);
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
  return complete && !schemas.overflowed();
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
