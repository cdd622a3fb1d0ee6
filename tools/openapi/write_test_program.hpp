#ifndef APIDECL_TOOLS_OPENAPI_WRITE_TEST_PROGRAM_HPP
#define APIDECL_TOOLS_OPENAPI_WRITE_TEST_PROGRAM_HPP

#include "api_model.hpp"

#include <string>

namespace apidecl_openapi {

/// A program that includes `header` (the header written for `api`) and calls every operation
/// through apidecl::mock_transport with example values, once per documented status and once with
/// an undocumented status where the document has `default`. It checks each call ended as the
/// status it was answered with, and each request's method and path; it exits non-zero, naming
/// the operation, if one did not. Given a file name as its argument, it also writes there the
/// OpenAPI document that apidecl::openapi::document makes of the descriptors.
std::string write_test_program(api const& api, std::string const& header);

}  // namespace apidecl_openapi

#endif
