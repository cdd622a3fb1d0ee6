#ifndef APIDECL_AUTH_BEARER_TOKEN_HPP
#define APIDECL_AUTH_BEARER_TOKEN_HPP

#include <apidecl/auth/auth.hpp>
#include <apidecl/core/request.hpp>

#include <string>
#include <utility>

namespace apidecl {

/// The Auth policy of a service that takes a bearer token (RFC 6750 §2.1, also what OAuth 2 and
/// OpenID Connect give): `Authorization: Bearer <token>` on every request, shown as `***` in
/// every text made of the request.
///
///     auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::bearer_token{token});
class bearer_token {
 public:
  explicit bearer_token(std::string token) : token_(std::move(token)) {}

  auth_result authenticate(request const&, header_writer& h) const noexcept {
    if (token_.empty()) return auth_result("the bearer token is empty");
    h.add_secret("Authorization", "Bearer ", token_);
    return {};
  }

 private:
  std::string token_;
};

}  // namespace apidecl

#endif
