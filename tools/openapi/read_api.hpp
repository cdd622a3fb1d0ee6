#ifndef APIDECL_TOOLS_OPENAPI_READ_API_HPP
#define APIDECL_TOOLS_OPENAPI_READ_API_HPP

#include "api_model.hpp"
#include "source_document.hpp"

#include <string>

namespace apidecl_openapi {

/// The API `document` describes, in `namespace_name` (the snake_case title when empty). What
/// cannot be expressed is left out and listed in `api::unsupported`; a document that breaks
/// OpenAPI's rules throws `malformed_document`.
api read_api(source_document const& document, std::string namespace_name);

}  // namespace apidecl_openapi

#endif
