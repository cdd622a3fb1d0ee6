#ifndef APIDECL_APIS_CIELO24_SESSION_HPP
#define APIDECL_APIS_CIELO24_SESSION_HPP

#include <apidecl/apis/cielo24/account.hpp>
#include <apidecl/apis/cielo24/params.hpp>
#include <apidecl/auth/auth.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/core/result.hpp>

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

namespace apidecl::cielo24 {

/// The Session (auth/session.hpp) of the cielo24 API: logs in with a username and `Credential`
/// (`params::password` or `params::securekey`, the long-term key), puts the token in the
/// `api_token` query parameter of every call that declares it, and logs in again when a call is
/// answered BAD_API_TOKEN, repeating it once. Start with a token kept from earlier, or with none:
/// the first call logs in before it is sent (or log in when you choose, with `client::login()`).
///
/// A handle: copies, and every client made with one, share the credentials and the token, so
/// one login serves them all; the token is read and replaced under a mutex, from any thread. Two
/// clients refused at the same moment may each log in; the later token wins, and both work.
/// The password, key and token are declared secret: every text made of a request shows them as
/// `***`, and none of them is in an error.
///
///     auto session = cielo24::password_session("alice", password);
///     auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, session);
///     api.login();
///     api.call(cielo24::job_list);  // logs in again by itself if the token expired
///     api.call(cielo24::logout);    // ends the session; a later call logs in again
template <class Credential>
class basic_session {
 public:
  using login_endpoint = endpoints::login;

  basic_session(std::string username, std::string credential, std::string api_token = {})
      : shared_(std::make_shared<state>()) {
    shared_->username = std::move(username);
    shared_->credential = std::move(credential);
    shared_->api_token = std::move(api_token);
  }

  /// The current token, for `api_token`; without one, a stand-in that passes its check and that
  /// the login before the call replaces (`logged_in`).
  auto arguments() const {
    {
      std::lock_guard<std::mutex> const lock(shared_->mutex);
      token_ = shared_->api_token;  // a copy of one's own: another client may renew the shared one
    }
    return std::tuple(cielo24::api_token = std::string_view(token_.empty() ? no_token : token_));
  }
  /// Whether there is a token: a call made without one logs in first.
  bool logged_in() const {
    std::lock_guard<std::mutex> const lock(shared_->mutex);
    return !shared_->api_token.empty();
  }
  auto login_arguments() const noexcept {
    return std::tuple(cielo24::username = std::string_view(shared_->username),
                      keyword<Credential>{} = std::string_view(shared_->credential));
  }
  bool refused(response const& r) const noexcept { return r.status == 400 && says_bad_api_token(r.body); }
  auth_result accept(result<login_endpoint> const& r) {
    if (r.failure_if() != nullptr) return auth_result("the login failed: its call did not complete");
    if (r.template get_if<400>() != nullptr) return auth_result("the login failed: cielo24 refused the credentials");
    login_token const* const answer = r.template get_if<200>();
    if (answer == nullptr) return auth_result("the login failed: cielo24 answered an undocumented status");
    if (answer->api_token.empty()) return auth_result("the login failed: cielo24 answered without a token");
    std::lock_guard<std::mutex> const lock(shared_->mutex);
    shared_->api_token = answer->api_token;
    return {};
  }
  constexpr auth_result authenticate(request const&, header_writer&) const noexcept { return {}; }

 private:
  // Whether `body` is cielo24's error body with `"ErrorType": "BAD_API_TOKEN"`, the answer to an
  // expired or unknown token; only the ErrorType field is read, not a comment that may quote it.
  static bool says_bad_api_token(std::string_view body) noexcept {
    constexpr std::string_view field = "\"ErrorType\"";
    constexpr std::string_view refusal = "\"BAD_API_TOKEN\"";
    std::size_t const at = body.find(field);
    if (at == std::string_view::npos) return false;
    std::size_t const colon = body.find_first_not_of(" \t\r\n", at + field.size());
    if (colon == std::string_view::npos || body[colon] != ':') return false;
    std::size_t const value = body.find_first_not_of(" \t\r\n", colon + 1);
    return value != std::string_view::npos && body.substr(value, refusal.size()) == refusal;
  }

  static constexpr std::string_view no_token = "0";

  struct state {
    std::mutex mutex;
    std::string username;
    std::string credential;  // set once: read without the mutex
    std::string api_token;
  };
  std::shared_ptr<state> shared_;
  mutable std::string token_;  // this client's copy, which its calls are built from
};

/// A session logging in with a password.
using password_session = basic_session<params::password>;
/// A session logging in with a long-term key (`generate_api_key`).
using securekey_session = basic_session<params::securekey>;

}  // namespace apidecl::cielo24

#endif
