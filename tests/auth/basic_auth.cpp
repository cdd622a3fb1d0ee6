// apidecl::basic_auth: `Authorization: Basic <base64 of user:password>` on every call, never shown.
#include <catch2/catch.hpp>

#include "shown_texts.hpp"

#include <apidecl/auth/basic_auth.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/transport/mock.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace {
struct show_account {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/account";
  using params = apidecl::params<>;
  using responses = apidecl::responses<apidecl::on<204>, apidecl::on<401>>;
};
}  // namespace

static_assert(apidecl::is_auth_v<apidecl::basic_auth>);

TEST_CASE("basic_auth sends user:password in Base64, as RFC 7617 shows it", "[auth]") {
  apidecl::mock_transport mock;
  mock.respond(204).respond(204).respond(204);
  auto api = apidecl::make_client(mock, apidecl::basic_auth{"Aladdin", "open sesame"});  // RFC 7617 §2's example
  CHECK(api.call(show_account{}).http_status() == 204);
  CHECK(api.call(show_account{}).http_status() == 204);
  auto empty_password = apidecl::make_client(mock, apidecl::basic_auth{"ann", ""});
  CHECK(empty_password.call(show_account{}).http_status() == 204);
  REQUIRE(mock.requests().size() == 3);
  CHECK(mock.requests()[0].headers == "Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==\r\n");
  CHECK(mock.requests()[1].headers == "Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==\r\n");
  CHECK(mock.requests()[2].header("Authorization") == "Basic YW5uOg==");  // "ann:"
}

TEST_CASE("basic_auth's credentials never appear in what observers are shown", "[auth]") {
  std::vector<std::string> texts;
  apidecl::mock_transport mock;
  mock.respond(401);
  auto api = apidecl::make_client(mock, apidecl::basic_auth{"Aladdin", "open sesame"}, test_support::shown_texts(texts));
  CHECK(api.call(show_account{}).http_status() == 401);
  CHECK(std::count(texts.begin(), texts.end(), "GET /account HTTP/1.1\r\nAuthorization: ***\r\n") == 1);
  CHECK_FALSE(test_support::shown_anywhere(texts, "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="));
  CHECK_FALSE(test_support::shown_anywhere(texts, "open sesame"));
}

TEST_CASE("basic_auth refuses a user name with a colon, which the server would split wrongly", "[auth]") {
  apidecl::mock_transport mock;
  auto api = apidecl::make_client(mock, apidecl::basic_auth{"ann:admin", "open sesame"});
  auto const r = api.call(show_account{});
  REQUIRE(r.failure_if() != nullptr);
  std::string const message = r.failure_if()->message();
  CHECK(message == "cannot authenticate the request: the user name for Basic authentication contains ':'");
  CHECK(message.find("open sesame") == std::string::npos);
  CHECK(mock.requests().empty());
}
