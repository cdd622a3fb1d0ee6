// The {fmt} formatters, meant for logs: no credential reaches their text, by name for a built
// request, by declaration for a request an observer sees; failures and unexpected statuses in
// one line.
#include <catch2/catch.hpp>

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/client/observer.hpp>
#include <apidecl/core/build.hpp>
#include <apidecl/fmt/formatters.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

#include <fmt/format.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace c24 = apidecl::cielo24;

namespace {
constexpr char const* token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr char const* job = "64bea283eff6475ea6596027a6ba0929";
}  // namespace

TEST_CASE("a request prints its method, path and query, every credential named as such redacted", "[fmt]") {
  for (std::string_view name : {"api_token", "password", "new_password", "securekey", "api_securekey", "key"}) {
    INFO(name);
    CHECK(apidecl::is_secret_parameter(name));
    std::string const target = "/api/account/x?v=1&" + std::string(name) + "=s3cr3t&username=ann";
    apidecl::request const r(apidecl::method::get, target, "Authorization: Bearer s3cr3t\r\n", "body s3cr3t");
    CHECK(fmt::format("{}", r) ==
          "GET /api/account/x?v=1&" + std::string(name) + "=<redacted>&username=ann");
  }
  CHECK_FALSE(apidecl::is_secret_parameter("username"));
  CHECK_FALSE(apidecl::is_secret_parameter("api_token_hint"));
}

TEST_CASE("a request built for cielo24 prints without its token", "[fmt]") {
  std::array<char, 512> buffer{};
  auto const built = apidecl::build(c24::delete_job, buffer, c24::api_token = token, c24::job_id = job);
  REQUIRE(built.has_value());
  std::string const text = fmt::format("{}", *built);
  CHECK(text == std::string("GET /api/job/delete?v=1&api_token=<redacted>&job_id=") + job);
  CHECK(text.find(token) == std::string::npos);
}

TEST_CASE("a request an observer sees prints every declared secret as ***", "[fmt]") {
  struct log_targets {
    std::vector<std::string>* lines;
    void on(apidecl::attempt_sending const& e) { lines->push_back(fmt::format("{}", e.request)); }
  };
  std::vector<std::string> lines;
  apidecl::mock_transport http;
  http.respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{token}, log_targets{&lines});
  (void)api.call(c24::authorize_job, c24::job_id = job);
  CHECK(lines == std::vector<std::string>{std::string("GET /api/job/authorize?v=1&api_token=***&job_id=") + job});
}

TEST_CASE("a failure prints its one-line description", "[fmt]") {
  apidecl::failure const invalid =
      apidecl::validation_error{apidecl::validation_error::code::invalid_argument, "job_id", "is not a hexadecimal string", 0};
  CHECK(fmt::format("{}", invalid) == "invalid request: parameter 'job_id' is not a hexadecimal string");
  apidecl::failure const lost = apidecl::transport_error{apidecl::transport_errc::connection_lost, true, "reset"};
  CHECK(fmt::format("{}", lost) == "transport error: reset");
  apidecl::failure const undecodable = apidecl::decode_error{"TaskId", "expected a string", 200, "", "{\"TaskId\":1}"};
  CHECK(fmt::format("{}", undecodable) == "cannot decode the response body at 'TaskId': expected a string");
}

TEST_CASE("an unexpected status prints its status and the start of its body only", "[fmt]") {
  apidecl::unexpected_status const teapot{418, "Set-Cookie: session=s3cr3t\r\n", "short"};
  CHECK(fmt::format("{}", teapot) == "undocumented status 418 (5 bytes: \"short\")");
  apidecl::unexpected_status const page{502, "", std::string(100, 'x')};
  CHECK(fmt::format("{}", page) == "undocumented status 502 (100 bytes: \"" + std::string(80, 'x') + "...\")");
}
