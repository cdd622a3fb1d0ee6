// apidecl::bearer_token: `Authorization: Bearer <token>` on every call, never shown.
#include <catch2/catch.hpp>

#include "shown_texts.hpp"

#include <apidecl/auth/bearer_token.hpp>
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
constexpr char const* token = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.ZXhhbXBsZQ";
}  // namespace

static_assert(apidecl::is_auth_v<apidecl::bearer_token>);

TEST_CASE("bearer_token sends its token in the Authorization field of every call", "[auth]") {
  apidecl::mock_transport mock;
  mock.respond(204).respond(401);
  auto api = apidecl::make_client(mock, apidecl::bearer_token{token});
  CHECK(api.call(show_account{}).http_status() == 204);
  CHECK(api.call(show_account{}).http_status() == 401);
  REQUIRE(mock.requests().size() == 2);
  for (auto const& sent : mock.requests()) CHECK(sent.headers == "Authorization: Bearer " + std::string(token) + "\r\n");
}

TEST_CASE("bearer_token's token never appears in what observers are shown", "[auth]") {
  std::vector<std::string> texts;
  apidecl::mock_transport mock;
  mock.respond(204);
  auto api = apidecl::make_client(mock, apidecl::bearer_token{token}, test_support::shown_texts(texts));
  CHECK(api.call(show_account{}).http_status() == 204);
  CHECK(std::count(texts.begin(), texts.end(), "GET /account HTTP/1.1\r\nAuthorization: ***\r\n") == 1);
  CHECK_FALSE(test_support::shown_anywhere(texts, token));
}

TEST_CASE("bearer_token refuses an empty token or one that would break the header, without showing it", "[auth]") {
  apidecl::mock_transport mock;
  auto empty = apidecl::make_client(mock, apidecl::bearer_token{""});
  auto const refused = empty.call(show_account{});
  REQUIRE(refused.failure_if() != nullptr);
  CHECK(refused.failure_if()->message() == "cannot authenticate the request: the bearer token is empty");

  std::string const broken = std::string(token) + "\r\nX-Injected: yes";
  auto api = apidecl::make_client(mock, apidecl::bearer_token{broken});
  auto const r = api.call(show_account{});
  REQUIRE(r.failure_if() != nullptr);
  std::string const message = r.failure_if()->message();
  CHECK(message == "cannot authenticate the request: a header value from the Auth policy contains a line break or NUL");
  CHECK(message.find(token) == std::string::npos);
  CHECK(mock.requests().empty());
}
