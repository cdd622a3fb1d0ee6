#ifndef APIDECL_CORE_RESPONSE_HPP
#define APIDECL_CORE_RESPONSE_HPP

#include <apidecl/core/expected.hpp>
#include <apidecl/core/failure.hpp>
#include <apidecl/core/header_list.hpp>

#include <string_view>

namespace apidecl {

/// A response as a Transport hands it back: views into the transport's storage, valid until its
/// next exchange. The library decodes it before then.
struct response {
  int status = 0;
  header_list headers;
  std::string_view body;
};

/// What a Transport's `send` returns: a response, or why there is none.
using transport_result = expected<response, transport_error>;

}  // namespace apidecl

#endif
