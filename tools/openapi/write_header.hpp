#ifndef APIDECL_TOOLS_OPENAPI_WRITE_HEADER_HPP
#define APIDECL_TOOLS_OPENAPI_WRITE_HEADER_HPP

#include "api_model.hpp"

#include <string>

namespace apidecl_openapi {

/// The header that declares `api` for apidecl: its types, parameters, descriptors, keywords and
/// Auth policies, with what could not be expressed listed at the top.
std::string write_header(api const& api);

}  // namespace apidecl_openapi

#endif
