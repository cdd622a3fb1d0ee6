// What only the curl transports do (compressed bodies, following redirects, proxies), against
// both of them. What every shipped transport does alike is in ../support/transport_cases.hpp, run
// here against both curl transports too.
#include <catch2/catch.hpp>

#include "../support/raw_servers.hpp"
#include "../support/server_process.hpp"
#include "../support/transport_exchange.hpp"
#include "../support/transport_test_site.hpp"

#include <apidecl/transport/curl.hpp>
#include <apidecl/transport/curl_multi.hpp>

#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

using transports_under_test = std::tuple<apidecl::curl_transport, apidecl::curl_multi_transport>;
#include "../support/transport_cases.hpp"  // NOLINT: after the list it runs over

using namespace transport_cases;

namespace curl_transports_test {

// Sets an environment variable for one scope, and puts back what was there.
class scoped_environment {
 public:
  scoped_environment(char const* name, char const* value) : name_(name) {
    if (char const* old = std::getenv(name)) old_ = old;
    if (value) ::setenv(name, value, 1);
    else ::unsetenv(name);
  }
  scoped_environment(scoped_environment const&) = delete;
  scoped_environment& operator=(scoped_environment const&) = delete;
  ~scoped_environment() {
    if (old_) ::setenv(name_, old_->c_str(), 1);
    else ::unsetenv(name_);
  }

 private:
  char const* name_;
  std::optional<std::string> old_;
};

}  // namespace curl_transports_test

using curl_transports_test::scoped_environment;

#define CURL_TRANSPORTS apidecl::curl_transport, apidecl::curl_multi_transport

TEMPLATE_TEST_CASE("a compressed, chunked body is asked for and decoded", "[transport][curl]", CURL_TRANSPORTS) {
  TestType http(options_for<TestType>(site().http_url()));
  received const r = exchange(http, apidecl::request(apidecl::method::get, "/files/text.txt", {}, {}));
  REQUIRE(r);
  CHECK(r.status == 200);
  CHECK(r.header("Content-Encoding") == std::optional<std::string_view>("gzip"));
  CHECK(r.header("Transfer-Encoding") == std::optional<std::string_view>("chunked"));
  CHECK(r.body == transport_test_site::text());
}

TEMPLATE_TEST_CASE("accept_compressed off asks for the body as it is", "[transport][curl]", CURL_TRANSPORTS) {
  apidecl::curl_options o = options_for<TestType>(site().http_url());
  o.accept_compressed = false;
  TestType http(o);
  received const r = exchange(http, apidecl::request(apidecl::method::get, "/files/text.txt", {}, {}));
  REQUIRE(r);
  CHECK_FALSE(r.header("Content-Encoding"));
  CHECK(r.header("Content-Length") == std::optional<std::string_view>(std::to_string(transport_test_site::text().size())));
  CHECK(r.body == transport_test_site::text());
}

TEMPLATE_TEST_CASE("redirects are followed when max_redirects asks, up to that many", "[transport][curl]",
                   CURL_TRANSPORTS) {
  SECTION("with max_redirects it is followed, and only the final response's headers remain") {
    apidecl::curl_options o = options_for<TestType>(site().http_url());
    o.max_redirects = 3;
    TestType http(o);
    received const r = exchange(http, get_with_token("/moved"));
    REQUIRE(r);
    CHECK(r.status == 200);
    CHECK(r.body == "new");
    CHECK(r.header("X-Final") == std::optional<std::string_view>("yes"));
    CHECK_FALSE(r.header("Location"));
  }
  SECTION("a redirect loop ends in protocol_error") {
    apidecl::curl_options o = options_for<TestType>(site().http_url());
    o.max_redirects = 3;
    TestType http(o);
    received const r = exchange(http, get_with_token("/loop"));
    check_failure(r, apidecl::transport_errc::protocol_error, true, "/loop");
  }
}

TEMPLATE_TEST_CASE("a proxy given in the options carries the request, in absolute form", "[transport][curl]",
                   CURL_TRANSPORTS) {
  test_support::scripted_server proxy([&](int connection) {
    proxy.read_request(connection);
    proxy.write_all(connection, "HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\nproxied");
    return test_support::scripted_server::then::close;
  });
  REQUIRE(proxy.listening());
  apidecl::curl_options o = options_for<TestType>("http://api.example.invalid/v1");  // never resolved: the proxy is
  o.proxy = proxy.url();
  TestType http(o);
  received const r = exchange(http, apidecl::request(apidecl::method::get, "/jobs?page=2", {}, {}));
  REQUIRE(r);
  CHECK(r.body == "proxied");
  std::vector<std::string> const requests = proxy.requests();
  REQUIRE(requests.size() == 1);
  std::string const& sent = requests[0];
  CHECK(sent.rfind("GET http://api.example.invalid/v1/jobs?page=2 HTTP/1.1\r\n", 0) == 0);
  CHECK(sent.find("\r\nHost: api.example.invalid\r\n") != std::string::npos);
}

TEMPLATE_TEST_CASE("the environment's proxy is used unless the options say none", "[transport][curl]",
                   CURL_TRANSPORTS) {
  test_support::scripted_server server([&](int connection) {
    server.read_request(connection);
    server.write_all(connection, "HTTP/1.1 204 No Content\r\n\r\n");
    return test_support::scripted_server::then::close;
  });
  REQUIRE(server.listening());
  std::uint16_t const closed = test_support::free_loopback_port();
  REQUIRE(closed != 0);
  std::string const dead_proxy = "http://127.0.0.1:" + std::to_string(closed);
  scoped_environment const proxy_variable("http_proxy", dead_proxy.c_str());
  scoped_environment const no_exceptions("no_proxy", nullptr);
  scoped_environment const no_exceptions_upper("NO_PROXY", nullptr);

  apidecl::curl_options o = options_for<TestType>(server.url());
  TestType through_environment(o);
  received const refused = exchange(through_environment, get_with_token("/api/job/list"));
  REQUIRE_FALSE(refused);
  CHECK(refused.error->code == apidecl::transport_errc::cannot_connect);  // the dead proxy
  CHECK(server.requests().empty());

  o.proxy = "";
  TestType direct(o);
  received const answered = exchange(direct, get_with_token("/api/job/list"));
  REQUIRE(answered);
  CHECK(answered.status == 204);
  REQUIRE(server.requests().size() == 1);
  CHECK(server.requests()[0].rfind("GET /api/job/list?", 0) == 0);
}
