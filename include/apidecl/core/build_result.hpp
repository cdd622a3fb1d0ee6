#ifndef APIDECL_CORE_BUILD_RESULT_HPP
#define APIDECL_CORE_BUILD_RESULT_HPP

#include <apidecl/core/expected.hpp>
#include <apidecl/core/failure.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/core/writer.hpp>

namespace apidecl {

/// A request, or the reason it could not be built (build.hpp; an Auth policy's fields, auth.hpp).
using build_result = expected<request, validation_error>;

namespace detail {
/// The error for a request that does not fit in `out`, with the size it needs.
inline validation_error too_large_for(writer const& out) noexcept {
  return validation_error{validation_error::code::request_too_large, {}, "does not fit in the buffer", out.size()};
}
}  // namespace detail

}  // namespace apidecl

#endif
