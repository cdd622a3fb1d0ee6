// apidecl::api_key_in_header and api_key_in_query: an API key in a named header field, or as the
// argument of a named query parameter; never shown.
#include <catch2/catch.hpp>

#include "../support/raw_servers.hpp"
#include "shown_texts.hpp"

#include <apidecl/auth/api_key.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/fmt/formatters.hpp>
#include <apidecl/transport/curl.hpp>
#include <apidecl/transport/mock.hpp>

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {
struct x_api_key {
  static constexpr std::string_view name = "X-API-Key";
};
struct api_key : apidecl::query<std::string_view, apidecl::optional, apidecl::secret, apidecl::length<1, 40>> {
  static constexpr std::string_view name = "api_key";
};
struct city : apidecl::query<std::string_view> {
  static constexpr std::string_view name = "city";
};
inline constexpr apidecl::keyword<api_key> api_key_arg{};
inline constexpr apidecl::keyword<city> city_arg{};

struct weather {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/weather";
  using params = apidecl::params<city, api_key>;
  using responses = apidecl::responses<apidecl::on<204>, apidecl::on<401>>;
};
struct health {  // a public endpoint: it does not declare the key
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/health";
  using params = apidecl::params<>;
  using responses = apidecl::responses<apidecl::on<204>>;
};
constexpr char const* key = "k3y-5ecr3t-0042";
}  // namespace

static_assert(apidecl::is_auth_v<apidecl::api_key_in_header<x_api_key>>);
static_assert(apidecl::is_auth_v<apidecl::api_key_in_query<api_key>>);

TEST_CASE("api_key_in_header sends the key in its field on every call", "[auth]") {
  apidecl::mock_transport mock;
  mock.respond(204).respond(204);
  auto api = apidecl::make_client(mock, apidecl::api_key_in_header<x_api_key>{key});
  CHECK(api.call(weather{}, city_arg = "Oslo").http_status() == 204);
  CHECK(api.call(health{}).http_status() == 204);
  REQUIRE(mock.requests().size() == 2);
  CHECK(mock.requests()[0].request_line() == "GET /weather?city=Oslo HTTP/1.1");
  CHECK(mock.requests()[0].headers == "X-API-Key: " + std::string(key) + "\r\n");
  CHECK(mock.requests()[1].headers == "X-API-Key: " + std::string(key) + "\r\n");
}

TEST_CASE("api_key_in_query gives the key to the calls whose endpoint declares its parameter", "[auth]") {
  apidecl::mock_transport mock;
  mock.respond(204).respond(204).respond(204);
  auto api = apidecl::make_client(mock, apidecl::api_key_in_query<api_key>{key});
  CHECK(api.call(weather{}, city_arg = "Oslo").http_status() == 204);
  CHECK(api.call(weather{}, city_arg = "Oslo", api_key_arg = "their-key").http_status() == 204);  // the call's wins
  CHECK(api.call(health{}).http_status() == 204);
  REQUIRE(mock.requests().size() == 3);
  CHECK(mock.requests()[0].target == "/weather?city=Oslo&api_key=" + std::string(key));
  CHECK(mock.requests()[1].target == "/weather?city=Oslo&api_key=their-key");
  CHECK(mock.requests()[2].target == "/health");
  for (auto const& sent : mock.requests()) CHECK(sent.headers.empty());
}

TEST_CASE("an API key never appears in what observers are shown, in a header or in the query", "[auth]") {
  std::vector<std::string> texts;
  apidecl::mock_transport mock;
  mock.respond(401).respond(401);
  auto in_header = apidecl::make_client(mock, apidecl::api_key_in_header<x_api_key>{key}, test_support::shown_texts(texts));
  CHECK(in_header.call(weather{}, city_arg = "Oslo").http_status() == 401);
  auto in_query = apidecl::make_client(mock, apidecl::api_key_in_query<api_key>{key}, test_support::shown_texts(texts));
  CHECK(in_query.call(weather{}, city_arg = "Oslo").http_status() == 401);
  CHECK(std::count(texts.begin(), texts.end(), "GET /weather?city=Oslo HTTP/1.1\r\nX-API-Key: ***\r\n") == 1);
  CHECK(std::count(texts.begin(), texts.end(), "GET /weather?city=Oslo&api_key=*** HTTP/1.1\r\n") == 1);
  CHECK_FALSE(test_support::shown_anywhere(texts, key));
}

TEST_CASE("a key that cannot be sent fails the call, the failure naming the problem and not the key", "[auth]") {
  apidecl::mock_transport mock;
  std::string const too_long(41, 'k');
  auto in_query = apidecl::make_client(mock, apidecl::api_key_in_query<api_key>{too_long});
  auto const refused = in_query.call(weather{}, city_arg = "Oslo");
  REQUIRE(refused.failure_if() != nullptr);
  CHECK(refused.failure_if()->message() == "invalid request: parameter 'api_key' is longer than its declared maximum length");

  std::string const broken = std::string(key) + "\nX-Injected: yes";
  auto in_header = apidecl::make_client(mock, apidecl::api_key_in_header<x_api_key>{broken});
  auto const r = in_header.call(weather{}, city_arg = "Oslo");
  REQUIRE(r.failure_if() != nullptr);
  CHECK(r.failure_if()->message().find(key) == std::string::npos);

  auto empty = apidecl::make_client(mock, apidecl::api_key_in_header<x_api_key>{""});
  REQUIRE(empty.call(health{}).failure_if() != nullptr);
  CHECK(empty.call(health{}).failure_if()->message() == "cannot authenticate the request: the API key is empty");
  CHECK(mock.requests().empty());
}

TEST_CASE("a transport failure, formatted, does not show a key sent in the query", "[auth]") {
  std::uint16_t port = 0;
  int const closed = test_support::listen_on_loopback(1, port);  // a free port, closed: connections are refused
  REQUIRE(closed >= 0);
  ::close(closed);
  apidecl::curl_options options;
  options.base_url = "http://127.0.0.1:" + std::to_string(port);
  apidecl::curl_transport http(options);
  auto api = apidecl::make_client(http, apidecl::api_key_in_query<api_key>{key});
  auto const r = api.call(weather{}, city_arg = "Oslo");
  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->transport() != nullptr);
  std::string const text = fmt::format("{}", *r.failure_if());
  CHECK(text.find("(GET /weather?***)") != std::string::npos);
  CHECK(text.find(key) == std::string::npos);
}
