#ifndef APIDECL_CORE_RESPONSE_HPP
#define APIDECL_CORE_RESPONSE_HPP

#include <apidecl/core/expected.hpp>
#include <apidecl/core/failure.hpp>
#include <apidecl/core/header_list.hpp>

#include <cstdint>
#include <string_view>

namespace apidecl {

/// A response as a Transport hands it back: views into the transport's storage, valid until its
/// next exchange. The library decodes it before then.
struct response {
  int status = 0;
  header_list headers;
  std::string_view body;
  /// The bytes of the body given to the call's sink (core/body_sink.hpp); `body` is then empty.
  std::uint64_t streamed = 0;
};

/// What a Transport's `send` returns: a response, or why there is none.
using transport_result = expected<response, transport_error>;

}  // namespace apidecl

#endif
