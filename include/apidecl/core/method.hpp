#ifndef APIDECL_CORE_METHOD_HPP
#define APIDECL_CORE_METHOD_HPP

#include <string_view>

namespace apidecl {

/// An HTTP request method (RFC 9110, section 9).
enum class method { get, head, post, put, delete_, patch, options };

/// The method's name as it appears on the request line.
constexpr std::string_view method_name(method m) noexcept {
  switch (m) {
    case method::get: return "GET";
    case method::head: return "HEAD";
    case method::post: return "POST";
    case method::put: return "PUT";
    case method::delete_: return "DELETE";
    case method::patch: return "PATCH";
    case method::options: return "OPTIONS";
  }
  return "GET";
}

/// Whether a request with this method may carry a body that the server reads.
/// GET, HEAD, DELETE and OPTIONS bodies have no defined meaning (RFC 9110, 9.3), so a
/// descriptor that declares one is rejected at compile time.
constexpr bool method_allows_body(method m) noexcept {
  return m == method::post || m == method::put || m == method::patch;
}

/// Whether repeating the request has the same effect as sending it once (RFC 9110, 9.2.2).
/// A descriptor may override this for services that bend the rules (cielo24 deletes with GET).
constexpr bool method_is_idempotent(method m) noexcept {
  return m != method::post && m != method::patch;
}

}  // namespace apidecl

#endif
