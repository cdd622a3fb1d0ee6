// cielo24's account endpoints (access_control/*.rst) through a client over the mock transport.
#include <catch2/catch.hpp>

#include "catalog_client.hpp"
#include "error_types.hpp"

#include <apidecl/apis/cielo24/account.hpp>

#include <string>

namespace {
namespace c24 = apidecl::cielo24;
using cielo24_test::client;
using cielo24_test::error_body;
using cielo24_test::first_line;
using cielo24_test::json_headers;
}  // namespace

TEST_CASE("login sends username and password in the query, without a token, and reads ApiToken", "[cielo24][account]") {
  apidecl::mock_transport mock;
  mock.respond(200, R"({"ApiToken": "7ca5dc5c7cce449fb0fff719307e8f5f"})", json_headers);
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  auto const r = api.call(c24::login, c24::username = "api_test", c24::password = "api_test_password");

  CHECK(first_line(mock) == "GET /api/account/login?v=1&username=api_test&password=api_test_password HTTP/1.1");
  REQUIRE(r.get_if<200>() != nullptr);
  CHECK(r.get_if<200>()->api_token == "7ca5dc5c7cce449fb0fff719307e8f5f");
}

TEST_CASE("login with a secure key sends securekey, not api_securekey", "[cielo24][account]") {
  apidecl::mock_transport mock;
  mock.respond(400, error_body, json_headers);
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  auto const r = api.call(c24::login, c24::username = "api_test", c24::securekey = "0123456789abcdef");

  CHECK(first_line(mock) == "GET /api/account/login?v=1&username=api_test&securekey=0123456789abcdef HTTP/1.1");
  REQUIRE(r.get_if<400>() != nullptr);
  CHECK(r.get_if<400>()->type == c24::error_type::item_not_found);
}

TEST_CASE("login refuses a missing username, and neither or both credentials, at compile time", "[cielo24][account]") {
  using login = c24::endpoints::login;
  using user = decltype(c24::username = "u");
  using password = decltype(c24::password = "x");
  using key = decltype(c24::securekey = "ab12");
  STATIC_REQUIRE_FALSE(apidecl::is_valid_call_v<login, password>);
  STATIC_REQUIRE(apidecl::is_valid_call_v<login, user, password>);
  STATIC_REQUIRE(apidecl::is_valid_call_v<login, key, user>);
  STATIC_REQUIRE_FALSE(apidecl::is_valid_call_v<login, user>);
  STATIC_REQUIRE_FALSE(apidecl::is_valid_call_v<login, user, password, key>);
  STATIC_REQUIRE_FALSE(apidecl::is_valid_call_v<login, user, password, decltype(c24::api_token = "ab")>);
}

TEST_CASE("logout answers 204 with no body", "[cielo24][account]") {
  apidecl::mock_transport mock;
  mock.respond(204);
  auto api = client(mock);

  auto const r = api.call(c24::logout);

  CHECK(first_line(mock) == "GET /api/account/logout?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f HTTP/1.1");
  CHECK(r.get_if<204>() != nullptr);
}

TEST_CASE("update_password posts the new password as a form body", "[cielo24][account]") {
  apidecl::mock_transport mock;
  mock.respond(204);
  auto api = client(mock);

  auto const r = api.call(c24::update_password, apidecl::body = c24::new_password_form{"n3w pass", std::nullopt});

  CHECK(first_line(mock) == "POST /api/account/update_password?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f HTTP/1.1");
  REQUIRE(mock.requests().size() == 1);
  CHECK(mock.requests()[0].header("Content-Type") == "application/x-www-form-urlencoded");
  CHECK(mock.requests()[0].body == "new_password=n3w%20pass");
  CHECK(r.get_if<204>() != nullptr);
}

TEST_CASE("update_setting sends setting, value and the sub-account", "[cielo24][account]") {
  apidecl::mock_transport mock;
  mock.respond(204);
  auto api = client(mock);

  auto const r = api.call(c24::update_setting, c24::setting = "customer_authorization_required_mechanical",
                          c24::value = "true", c24::account_id = "sub1");

  CHECK(first_line(mock) ==
        "POST /api/account/update_setting?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f"
        "&setting=customer_authorization_required_mechanical&value=true&account_id=sub1 HTTP/1.1");
  CHECK(r.get_if<204>() != nullptr);
}

TEST_CASE("generate_api_key with force_new reads ApiKey", "[cielo24][account]") {
  apidecl::mock_transport mock;
  mock.respond(200, R"({"ApiKey": "a1b2c3d4e5f60718293a4b5c6d7e8f90"})", json_headers);
  auto api = client(mock);

  auto const r = api.call(c24::generate_api_key, c24::force_new = true);

  CHECK(first_line(mock) ==
        "GET /api/account/generate_api_key?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f&force_new=true HTTP/1.1");
  REQUIRE(r.get_if<200>() != nullptr);
  CHECK(r.get_if<200>()->api_key == "a1b2c3d4e5f60718293a4b5c6d7e8f90");
  STATIC_REQUIRE_FALSE(apidecl::endpoint_is_idempotent_v<c24::endpoints::generate_api_key>);
}

TEST_CASE("remove_api_key names the key api_securekey", "[cielo24][account]") {
  apidecl::mock_transport mock;
  mock.respond(204);
  auto api = client(mock);

  auto const r = api.call(c24::remove_api_key, c24::api_securekey = "a1b2c3d4e5f60718293a4b5c6d7e8f90");

  CHECK(first_line(mock) == "GET /api/account/remove_api_key?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f"
                            "&api_securekey=a1b2c3d4e5f60718293a4b5c6d7e8f90 HTTP/1.1");
  CHECK(r.get_if<204>() != nullptr);
}

TEST_CASE("create_account posts the new account's name and password", "[cielo24][account]") {
  apidecl::mock_transport mock;
  mock.respond(400, R"({"ErrorType": "ACCOUNT_EXISTS", "ErrorComment": "taken"})", json_headers);
  auto api = client(mock);

  auto const r = api.call(c24::create_account, c24::new_username = "sandbox_user", c24::new_password = "pw");

  CHECK(first_line(mock) == "POST /api/account/create?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f"
                            "&new_username=sandbox_user&new_password=pw HTTP/1.1");
  REQUIRE(r.get_if<400>() != nullptr);
  CHECK(r.get_if<400>()->type == c24::error_type::account_exists);
}

TEST_CASE("an account endpoint's undocumented status is unexpected, an unexpected body a decode failure", "[cielo24][account]") {
  apidecl::mock_transport mock;
  mock.respond(200, "{}", json_headers).respond(403, "forbidden").respond(200, R"({"ApiKey": 7})", json_headers);
  auto api = client(mock);

  auto const logout = api.call(c24::logout);
  REQUIRE(logout.unexpected_if() != nullptr);
  CHECK(logout.unexpected_if()->status == 200);

  auto const forbidden = api.call(c24::logout);
  REQUIRE(forbidden.unexpected_if() != nullptr);
  CHECK(forbidden.unexpected_if()->body == "forbidden");

  auto const key = api.call(c24::generate_api_key);
  REQUIRE(key.failure_if() != nullptr);
  REQUIRE(key.failure_if()->decode() != nullptr);
  CHECK(key.failure_if()->decode()->where == "ApiKey");
}
