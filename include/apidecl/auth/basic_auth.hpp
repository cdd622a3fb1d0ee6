#ifndef APIDECL_AUTH_BASIC_AUTH_HPP
#define APIDECL_AUTH_BASIC_AUTH_HPP

#include <apidecl/auth/auth.hpp>
#include <apidecl/auth/base64.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/core/writer.hpp>

#include <string>
#include <string_view>

namespace apidecl {

/// The Auth policy of HTTP Basic authentication (RFC 7617): `Authorization: Basic
/// <base64 of user:password>` on every request, shown as `***` in every text made of the request.
/// The credentials are encoded once, when the policy is made, not at every call.
///
///     auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::basic_auth{"ann", password});
class basic_auth {
 public:
  basic_auth(std::string_view user, std::string_view password)
      // RFC 7617 §2: the user-id cannot contain a colon, which would move the split into the password.
      : user_has_colon_(user.find(':') != std::string_view::npos) {
    std::string pair;
    pair.reserve(user.size() + 1 + password.size());
    pair.append(user).append(1, ':').append(password);
    credentials_.resize(base64_size(pair.size()));
    writer out(credentials_.data(), credentials_.size());
    base64_encode(reinterpret_cast<unsigned char const*>(pair.data()), pair.size(), out);
  }

  auth_result authenticate(request const&, header_writer& h) const noexcept {
    if (user_has_colon_) return auth_result("the user name for Basic authentication contains ':'");
    h.add_secret("Authorization", "Basic ", credentials_);
    return {};
  }

 private:
  bool user_has_colon_;
  std::string credentials_;
};

}  // namespace apidecl

#endif
