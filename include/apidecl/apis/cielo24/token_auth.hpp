#ifndef APIDECL_APIS_CIELO24_TOKEN_AUTH_HPP
#define APIDECL_APIS_CIELO24_TOKEN_AUTH_HPP

#include <apidecl/apis/cielo24/params.hpp>
#include <apidecl/auth/auth.hpp>
#include <apidecl/core/request.hpp>

#include <string>
#include <string_view>
#include <tuple>
#include <utility>

namespace apidecl::cielo24 {

/// The Auth policy of the cielo24 API: the token from login goes in the `api_token` query
/// parameter of every call that declares it, so callers do not repeat it. A call that names
/// `api_token` itself keeps its own.
///
///     auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, cielo24::token_auth{token});
///     api.call(cielo24::delete_job, cielo24::job_id = id);
class token_auth {
 public:
  explicit token_auth(std::string api_token) : api_token_(std::move(api_token)) {}

  auto arguments() const noexcept { return std::tuple(cielo24::api_token = std::string_view(api_token_)); }
  constexpr auth_result authenticate(request const&, header_writer&) const noexcept { return {}; }

 private:
  std::string api_token_;
};

}  // namespace apidecl::cielo24

#endif
