#ifndef APIDECL_APIS_CIELO24_ACCOUNT_HPP
#define APIDECL_APIS_CIELO24_ACCOUNT_HPP

#include <apidecl/apis/cielo24/error.hpp>
#include <apidecl/apis/cielo24/params.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/serializer/fields.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string>

// BOOST_DESCRIBE_STRUCT(T, (), (...)) passes an empty argument list, which Clang's -Wpedantic
// flags before C++20. Describe, not Hana: it costs the compiler a fraction per field, in a header
// every cielo24 user includes.
#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif

/// The seven account endpoints of cielo24 API v1 (access_control/*.rst). Every one answers 400
/// with the error body. cielo24 accepts GET or POST for every action unless noted; each follows
/// the method its page documents.
namespace apidecl::cielo24 {

/// Login's answer: `{"ApiToken": "<32 hex>"}`.
struct login_token {
  std::string api_token;
  static constexpr wire_name wire_names[] = {{"api_token", "ApiToken"}};
  static constexpr std::string_view secret_fields[] = {"api_token"};
};
BOOST_DESCRIBE_STRUCT(login_token, (), (api_token))

/// generate_api_key's answer: `{"ApiKey": "<32 hex>"}`.
struct secure_key {
  std::string api_key;
  static constexpr wire_name wire_names[] = {{"api_key", "ApiKey"}};
};
BOOST_DESCRIBE_STRUCT(secure_key, (), (api_key))

/// update_password's form body; the password makes it secret whole (secret_fields.hpp).
struct new_password_form {
  std::string new_password;
  std::optional<std::string> username;  // a sub-account's, to change it instead of one's own
  static constexpr std::string_view secret_fields[] = {"new_password"};
};
BOOST_DESCRIBE_STRUCT(new_password_form, (), (new_password, username))

namespace endpoints {
/// Login: `GET /api/account/login?v=1&username=...&password=...` (or `securekey=` instead of the
/// password) answers a session token. Exactly one of password and securekey is given: the server
/// refuses neither and both, and so does the compiler (`exactly_one_of`). The documented
/// alternative of `x-auth-*` headers is not declared: the query form is the one every
/// SDK uses. (The OpenAPI document's POST with a JSON body and `api_token` answer is not what the
/// reference pages or any hand-written SDK use.)
struct login {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/account/login";
  static constexpr bool idempotent = true;  // each call opens a new session; repeating one is harmless
  using params = apidecl::params<cielo24::params::v, cielo24::params::username, cielo24::params::password,
                                 cielo24::params::securekey>;
  using exactly_one_of = apidecl::params<cielo24::params::password, cielo24::params::securekey>;
  using responses = apidecl::responses<on<200, login_token, json>, on<400, error, json>>;
};

/// Logout: `GET /api/account/logout?v=1&api_token=...` ends the session. Idempotent: a second
/// logout finds the token already invalid, which is what was wanted.
struct logout {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/account/logout";
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token>;
  using responses = apidecl::responses<on<204>, on<400, error, json>>;
};

/// Update Password: `POST /api/account/update_password?v=1&api_token=...` with the form body
/// `new_password=...[&username=...]`. Setting the same password again is harmless: idempotent.
struct update_password {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/api/account/update_password";
  static constexpr bool idempotent = true;
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token>;
  using body = request_body<new_password_form, form>;
  using responses = apidecl::responses<on<204>, on<400, error, json>>;
};

/// Update Setting: `POST /api/account/update_setting?v=1&api_token=...&setting=...&value=...`
/// sets one account setting (of the account, or of the sub-account `account_id`). Idempotent.
struct update_setting {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/api/account/update_setting";
  static constexpr bool idempotent = true;
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::setting,
                                 cielo24::params::value, cielo24::params::account_id>;
  using responses = apidecl::responses<on<204>, on<400, error, json>>;
};

/// Generate API Key: `GET /api/account/generate_api_key?v=1&api_token=...[&force_new=true]`
/// answers the long-term key, the existing one unless `force_new`. A GET, but with `force_new` a
/// repeat makes another key: not idempotent.
struct generate_api_key {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/account/generate_api_key";
  static constexpr bool idempotent = false;
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::force_new,
                                 cielo24::params::account_id>;
  using responses = apidecl::responses<on<200, secure_key, json>, on<400, error, json>>;
};

/// Remove API Key: `GET /api/account/remove_api_key?v=1&api_token=...&api_securekey=...` revokes
/// a long-term key. A repeat reports the key unknown although it was removed: not idempotent.
struct remove_api_key {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/account/remove_api_key";
  static constexpr bool idempotent = false;
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::api_securekey>;
  using responses = apidecl::responses<on<204>, on<400, error, json>>;
};

/// Create Account: `POST /api/account/create?v=1&api_token=...&new_username=...&new_password=...`,
/// on the sandbox host only, with a production token (access_control/sandbox_access.rst). The
/// documented optional names, email and parent/sub-account fields are not declared: the
/// reference does not give their parameter names.
struct create_account {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/api/account/create";
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::new_username,
                                 cielo24::params::new_password>;
  using responses = apidecl::responses<on<204>, on<400, error, json>>;
};
}  // namespace endpoints

inline constexpr endpoints::login login{};
inline constexpr endpoints::logout logout{};
inline constexpr endpoints::update_password update_password{};
inline constexpr endpoints::update_setting update_setting{};
inline constexpr endpoints::generate_api_key generate_api_key{};
inline constexpr endpoints::remove_api_key remove_api_key{};
inline constexpr endpoints::create_account create_account{};

}  // namespace apidecl::cielo24

#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic pop
#endif

#endif
