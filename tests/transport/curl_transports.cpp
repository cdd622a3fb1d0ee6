// What the blocking and the multi curl transports do alike, over real sockets: against nginx
// (tests/support/transport_test_site.hpp) and against loopback servers that misbehave on purpose.
// Every test runs against both transports.
#include <catch2/catch.hpp>

#include "../support/ondemand_seed_quote.hpp"
#include "../support/raw_servers.hpp"
#include "../support/server_process.hpp"
#include "../support/transport_exchange.hpp"
#include "../support/transport_test_site.hpp"
#include "../support/waiting.hpp"

#include <apidecl/apis/cielo24/job_delete.hpp>
#include <apidecl/apis/ondemand/quote_authorize.hpp>
#include <apidecl/core/build.hpp>
#include <apidecl/core/decode.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/transport/curl.hpp>
#include <apidecl/transport/curl_multi.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace c24 = apidecl::cielo24;
namespace od = apidecl::ondemand;
using test_support::exchange;
using test_support::received;
using test_support::transport_test_site;

namespace curl_transports_test {

constexpr std::string_view secret = "7ca5dc5c7cce449fb0fff719307e8f5f";

transport_test_site const& site() {
  transport_test_site const& s = transport_test_site::instance();
  INFO(s.failure());
  REQUIRE(s.ready());
  return s;
}

apidecl::curl_options options_for(std::string base_url) {
  apidecl::curl_options o;
  o.base_url = std::move(base_url);
  return o;
}

// A GET of `path` that carries a token in its query, as cielo24's requests do.
struct get_with_token {
  std::string target;
  explicit get_with_token(std::string_view path) : target(std::string(path) + "?v=1&api_token=" + std::string(secret)) {}
  operator apidecl::request() const { return apidecl::request(apidecl::method::get, target, {}, {}); }
};

// No error detail shows the query (where the token is); the path is kept.
void check_redacted(apidecl::transport_error const& e, std::string_view path) {
  std::string_view const detail = e.detail;
  INFO("detail: " << detail);
  CHECK(detail.find(secret) == std::string_view::npos);
  CHECK(detail.find("api_token") == std::string_view::npos);
  CHECK(detail.find(std::string(path) + "?***") != std::string_view::npos);
}

// The connection id and the request count on it that nginx reports for /connection.
std::pair<long, long> connection_and_count(received const& r) {
  std::istringstream in(r.body);
  long connection = 0, count = 0;
  in >> connection >> count;
  return {connection, count};
}

// A scripted server's session: records one request and answers it with no content.
test_support::scripted_server::then record_and_answer(test_support::scripted_server& server, int connection) {
  server.read_request(connection);
  server.write_all(connection, "HTTP/1.1 204 No Content\r\n\r\n");
  return test_support::scripted_server::then::close;
}

// The target of the request line a loopback server read, or "" if it is not one.
std::string_view target_of(std::string_view request) {
  std::size_t const space = request.find(' ');
  std::size_t const end = request.find(" HTTP/1.1\r\n");
  if (space == std::string_view::npos || end == std::string_view::npos || end < space) return {};
  return request.substr(space + 1, end - space - 1);
}

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

using namespace curl_transports_test;

#define CURL_TRANSPORTS apidecl::curl_transport, apidecl::curl_multi_transport

TEMPLATE_TEST_CASE("cielo24's Delete Job request gets nginx's answer, which decodes to the task", "[transport][curl]",
                   CURL_TRANSPORTS) {
  TestType http(options_for(site().http_url()));
  std::array<char, 256> buffer{};
  auto const built = apidecl::build(c24::delete_job, buffer, c24::api_token = test_support::seed_api_token,
                                    c24::job_id = test_support::seed_job_id);
  REQUIRE(built);

  received const r = exchange(http, *built);
  INFO((r.error ? std::string(r.error->detail) : std::string()));
  REQUIRE(r);
  CHECK(r.status == 200);
  CHECK(r.body == R"({ "TaskId" : "cc8095fbfecf4647b2e10b622d81c19b" })");
  REQUIRE(r.header("Content-Type"));
  CHECK(*r.header("content-type") == "application/json");
  CHECK(r.headers.find("HTTP/") == std::string::npos);  // fields only, no status line
  CHECK(r.headers.substr(r.headers.size() - 2) == "\r\n");

  auto const decoded = apidecl::decode(c24::delete_job, r.response(),
                                       apidecl::serializer_set{apidecl::boost_json_serializer{}});
  REQUIRE(decoded.template get_if<200>() != nullptr);
  CHECK(decoded.template get_if<200>()->task_id == test_support::seed_task_id);
}

TEMPLATE_TEST_CASE("an error answer comes back as the response it is", "[transport][curl]", CURL_TRANSPORTS) {
  TestType http(options_for(site().http_url()));
  std::array<char, 256> buffer{};
  auto const built = apidecl::build(c24::delete_job, buffer, c24::api_token = test_support::seed_api_token,
                                    c24::job_id = "00000000000000000000000000000000");
  REQUIRE(built);

  received const r = exchange(http, *built);
  REQUIRE(r);
  CHECK(r.status == 400);
  auto const decoded = apidecl::decode(c24::delete_job, r.response(),
                                       apidecl::serializer_set{apidecl::boost_json_serializer{}});
  REQUIRE(decoded.template get_if<400>() != nullptr);
  CHECK(decoded.template get_if<400>()->type == c24::error_type::item_not_found);
}

TEMPLATE_TEST_CASE("the connection stays open from one exchange to the next", "[transport][curl]", CURL_TRANSPORTS) {
  TestType http(options_for(site().http_url()));
  received const first = exchange(http, get_with_token("/connection"));
  received const second = exchange(http, get_with_token("/connection"));
  REQUIRE(first);
  REQUIRE(second);
  CHECK(connection_and_count(second).first == connection_and_count(first).first);
  CHECK(connection_and_count(second).second == connection_and_count(first).second + 1);
}

TEMPLATE_TEST_CASE("a server that closes the connection after two requests is reconnected to unnoticed",
                   "[transport][curl]", CURL_TRANSPORTS) {
  TestType http(options_for(site().http_url()));
  std::vector<std::pair<long, long>> served;
  for (int i = 0; i < 5; ++i) {
    received const r = exchange(http, get_with_token("/closes-after-two"));
    INFO("call " << i << ": " << (r.error ? std::string(r.error->detail) : std::string()));
    REQUIRE(r);
    CHECK(r.status == 200);
    served.push_back(connection_and_count(r));
  }
  CHECK(served[0].second == 1);
  CHECK(served[1] == std::pair<long, long>(served[0].first, 2));
  CHECK(served[2].first != served[0].first);
  CHECK(served[3] == std::pair<long, long>(served[2].first, 2));
  CHECK(served[4].first != served[2].first);
}

TEMPLATE_TEST_CASE("a compressed, chunked body is asked for and decoded", "[transport][curl]", CURL_TRANSPORTS) {
  TestType http(options_for(site().http_url()));
  received const r = exchange(http, apidecl::request(apidecl::method::get, "/files/text.txt", {}, {}));
  REQUIRE(r);
  CHECK(r.status == 200);
  CHECK(r.header("Content-Encoding") == std::optional<std::string_view>("gzip"));
  CHECK(r.header("Transfer-Encoding") == std::optional<std::string_view>("chunked"));
  CHECK(r.body == transport_test_site::text());
}

TEMPLATE_TEST_CASE("accept_compressed off asks for the body as it is", "[transport][curl]", CURL_TRANSPORTS) {
  apidecl::curl_options o = options_for(site().http_url());
  o.accept_compressed = false;
  TestType http(o);
  received const r = exchange(http, apidecl::request(apidecl::method::get, "/files/text.txt", {}, {}));
  REQUIRE(r);
  CHECK_FALSE(r.header("Content-Encoding"));
  CHECK(r.header("Content-Length") == std::optional<std::string_view>(std::to_string(transport_test_site::text().size())));
  CHECK(r.body == transport_test_site::text());
}

TEMPLATE_TEST_CASE("a body at the limit arrives; one byte more is response_too_large", "[transport][curl]",
                   CURL_TRANSPORTS) {
  apidecl::curl_options o = options_for(site().http_url());
  o.max_response_body = transport_test_site::body_limit;
  TestType http(o);

  received const at_limit = exchange(http, get_with_token("/files/at_limit.bin"));
  REQUIRE(at_limit);
  CHECK(at_limit.body.size() == transport_test_site::body_limit);

  received const over = exchange(http, get_with_token("/files/over_limit.bin"));
  REQUIRE_FALSE(over);
  CHECK(over.error->code == apidecl::transport_errc::response_too_large);
  CHECK(over.error->may_have_reached_server);
  check_redacted(*over.error, "/files/over_limit.bin");

  received const after = exchange(http, get_with_token("/connection"));  // the transport is still usable
  CHECK(after);
}

TEMPLATE_TEST_CASE("a redirect comes back as the response unless following is asked for", "[transport][curl]",
                   CURL_TRANSPORTS) {
  SECTION("by default a 302 is the answer") {
    TestType http(options_for(site().http_url()));
    received const r = exchange(http, get_with_token("/moved"));
    REQUIRE(r);
    CHECK(r.status == 302);
    REQUIRE(r.header("Location"));
    CHECK(r.header("Location")->find("/new") != std::string_view::npos);
  }
  SECTION("with max_redirects it is followed, and only the final response's headers remain") {
    apidecl::curl_options o = options_for(site().http_url());
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
    apidecl::curl_options o = options_for(site().http_url());
    o.max_redirects = 3;
    TestType http(o);
    received const r = exchange(http, get_with_token("/loop"));
    REQUIRE_FALSE(r);
    CHECK(r.error->code == apidecl::transport_errc::protocol_error);
    CHECK(r.error->may_have_reached_server);
    check_redacted(*r.error, "/loop");
  }
}

TEMPLATE_TEST_CASE("TLS is verified unless turned off, and a CA file can be trusted", "[transport][curl]",
                   CURL_TRANSPORTS) {
  SECTION("a self-signed certificate is refused by default, before the request leaves") {
    TestType https(options_for(site().https_url()));
    received const r = exchange(https, get_with_token("/"));
    REQUIRE_FALSE(r);
    CHECK(r.error->code == apidecl::transport_errc::tls_error);
    CHECK_FALSE(r.error->may_have_reached_server);
    check_redacted(*r.error, "/");
  }
  SECTION("trusted as a CA file, it is accepted") {
    apidecl::curl_options o = options_for(site().https_url());
    o.ca_file = site().ca_file();
    TestType https(o);
    received const r = exchange(https, get_with_token("/"));
    INFO((r.error ? std::string(r.error->detail) : std::string()));
    REQUIRE(r);
    CHECK(r.body == "secure");
  }
  SECTION("with verification explicitly off, it is accepted") {
    apidecl::curl_options o = options_for(site().https_url());
    o.insecure_skip_tls_verification = true;
    TestType https(o);
    received const r = exchange(https, get_with_token("/"));
    REQUIRE(r);
    CHECK(r.body == "secure");
  }
}

TEMPLATE_TEST_CASE("a closed port is cannot_connect, and the request never left", "[transport][curl]",
                   CURL_TRANSPORTS) {
  std::uint16_t const closed = test_support::free_loopback_port();
  REQUIRE(closed != 0);
  TestType http(options_for("http://127.0.0.1:" + std::to_string(closed)));
  received const r = exchange(http, get_with_token("/api/job/delete"));
  REQUIRE_FALSE(r);
  CHECK(r.error->code == apidecl::transport_errc::cannot_connect);
  CHECK_FALSE(r.error->may_have_reached_server);
  check_redacted(*r.error, "/api/job/delete");
}

TEMPLATE_TEST_CASE("a proxy given in the options carries the request, in absolute form", "[transport][curl]",
                   CURL_TRANSPORTS) {
  test_support::scripted_server proxy([&](int connection) {
    proxy.read_request(connection);
    proxy.write_all(connection, "HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\nproxied");
    return test_support::scripted_server::then::close;
  });
  REQUIRE(proxy.listening());
  apidecl::curl_options o = options_for("http://api.example.invalid/v1");  // never resolved: the proxy is
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

  apidecl::curl_options o = options_for(server.url());
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

TEMPLATE_TEST_CASE("a connect timeout is timed_out, and the request never left", "[transport][curl]",
                   CURL_TRANSPORTS) {
  test_support::unanswered_port const port;
  REQUIRE(port.ready());
  apidecl::curl_options o = options_for(port.url());
  o.connect_timeout = std::chrono::milliseconds(200);
  TestType http(o);
  received const r = exchange(http, get_with_token("/api/job/delete"));
  REQUIRE_FALSE(r);
  CHECK(r.error->code == apidecl::transport_errc::timed_out);
  CHECK_FALSE(r.error->may_have_reached_server);
  check_redacted(*r.error, "/api/job/delete");
}

TEMPLATE_TEST_CASE("the total timeout ends an exchange with a server that never answers, which may have acted",
                   "[transport][curl]", CURL_TRANSPORTS) {
  test_support::scripted_server server([&](int connection) { return server.record_then_hold(connection); });
  REQUIRE(server.listening());
  // The timeout under test is the one that fires once the request is written; one that fires
  // before, on a machine too busy to write it in time, is tried again with a longer one.
  auto const written = [](received const& r) { return !r && r.error->may_have_reached_server; };
  // The server has recorded the request the transport says it wrote.
  auto const server_has_it = [&] {
    return test_support::eventually([&] { return !server.requests().empty(); }) &&
           target_of(server.requests().back()).rfind("/api/job/delete?", 0) == 0;
  };

  SECTION("the transport's own timeout") {
    received const r = test_support::with_growing_timeouts(
        [&](std::chrono::milliseconds timeout) {
          apidecl::curl_options o = options_for(server.url());
          o.total_timeout = timeout;
          TestType http(o);
          return exchange(http, get_with_token("/api/job/delete"));
        },
        written);
    REQUIRE_FALSE(r);
    CHECK(r.error->code == apidecl::transport_errc::timed_out);
    CHECK(r.error->may_have_reached_server);
    CHECK(server_has_it());
    check_redacted(*r.error, "/api/job/delete");
  }
  SECTION("a call's own timeout, in place of the transport's") {
    // The transport's own would fire long after the test gave up: a timeout seen is the call's.
    apidecl::curl_options o = options_for(server.url());
    o.total_timeout = std::chrono::hours(1);
    received const r = test_support::with_growing_timeouts(
        [&](std::chrono::milliseconds timeout) {
          TestType http(o);
          apidecl::call_options call;
          call.total_timeout = timeout;
          return exchange(http, get_with_token("/api/job/delete"), call);
        },
        written);
    REQUIRE_FALSE(r);
    CHECK(r.error->code == apidecl::transport_errc::timed_out);
    CHECK(r.error->may_have_reached_server);
    CHECK(server_has_it());
  }
}

TEMPLATE_TEST_CASE("a server that closes mid-response is connection_lost, and may have acted", "[transport][curl]",
                   CURL_TRANSPORTS) {
  SECTION("closed in the middle of the body") {
    test_support::scripted_server server([&](int connection) {
      server.read_request(connection);
      server.write_all(connection, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"Ta");
      return test_support::scripted_server::then::close;
    });
    REQUIRE(server.listening());
    TestType http(options_for(server.url()));
    received const r = exchange(http, get_with_token("/api/job/delete"));
    REQUIRE_FALSE(r);
    CHECK(r.error->code == apidecl::transport_errc::connection_lost);
    CHECK(r.error->may_have_reached_server);
    check_redacted(*r.error, "/api/job/delete");
  }
  SECTION("closed before a byte of the response") {
    test_support::scripted_server server([&](int connection) {
      server.read_request(connection);
      return test_support::scripted_server::then::close;
    });
    REQUIRE(server.listening());
    TestType http(options_for(server.url()));
    received const r = exchange(http, get_with_token("/api/job/delete"));
    REQUIRE_FALSE(r);
    CHECK(r.error->code == apidecl::transport_errc::connection_lost);
    CHECK(r.error->may_have_reached_server);
    check_redacted(*r.error, "/api/job/delete");
  }
}

TEMPLATE_TEST_CASE("a request that reached a server which then died is never reported as unsent",
                   "[transport][curl]", CURL_TRANSPORTS) {
  // The first exchange leaves the connection open; the server reads the second request on it and
  // dies without answering. curl then tries again on a new connection, which is refused: the
  // last failure is a connect failure, but the request had left.
  test_support::scripted_server server([&](int connection) {
    server.read_request(connection);
    server.write_all(connection, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    server.read_request(connection);
    server.stop_listening();
    return test_support::scripted_server::then::close;
  });
  REQUIRE(server.listening());
  TestType http(options_for(server.url()));
  REQUIRE(exchange(http, get_with_token("/api/job/delete")));

  received const r = exchange(http, get_with_token("/api/job/delete"));
  REQUIRE_FALSE(r);
  INFO(r.error->detail.view());
  CHECK(server.requests().size() == 2);
  CHECK(r.error->code == apidecl::transport_errc::connection_lost);
  CHECK(r.error->may_have_reached_server);
  check_redacted(*r.error, "/api/job/delete");
}

TEMPLATE_TEST_CASE("the request goes out as built: method, target, headers and body", "[transport][curl]",
                   CURL_TRANSPORTS) {
  test_support::scripted_server server([&](int connection) {
    server.read_request(connection);
    server.write_all(connection, "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
    return test_support::scripted_server::then::close;
  });
  REQUIRE(server.listening());
  TestType http(options_for(server.url() + "/prefix/"));

  REQUIRE(exchange(http, apidecl::request(apidecl::method::post, "/v2/widgets?dry_run=true",
                                          "Content-Type: application/json\r\nX-Request-Id: r1\r\n",
                                          R"({"name":"gear"})")));
  REQUIRE(exchange(http, apidecl::request(apidecl::method::put, "/v2/widgets/1", {}, "raw")));
  REQUIRE(exchange(http, apidecl::request(apidecl::method::delete_, "/v2/widgets/1", "X-Empty:\r\n", {})));
  // The transport sets its handle up again only when the kind of request changes: each of these
  // must still go out as built, nothing carried over from the one before.
  REQUIRE(exchange(http, apidecl::request(apidecl::method::get, "/v2/widgets?page=2", {}, {})));
  REQUIRE(exchange(http, apidecl::request(apidecl::method::post, "/v2/widgets", {}, "first")));
  REQUIRE(exchange(http, apidecl::request(apidecl::method::post, "/v2/gadgets", "X-Second: 2\r\n", "2nd")));
  REQUIRE(exchange(http, apidecl::request(apidecl::method::head, "/v2/widgets/1", {}, {})));
  REQUIRE(exchange(http, apidecl::request(apidecl::method::get, "/v2/widgets/1", {}, {})));

  std::vector<std::string> const sent = server.requests();
  REQUIRE(sent.size() == 8);
  std::string const& post = sent[0];
  CHECK(post.rfind("POST /prefix/v2/widgets?dry_run=true HTTP/1.1\r\n", 0) == 0);
  CHECK(post.find("\r\nContent-Type: application/json\r\n") != std::string::npos);
  CHECK(post.find("\r\nX-Request-Id: r1\r\n") != std::string::npos);
  CHECK(post.find("\r\nContent-Length: 15\r\n") != std::string::npos);
  CHECK(post.find("\r\nUser-Agent: apidecl\r\n") != std::string::npos);
  CHECK(post.find("Expect:") == std::string::npos);
  CHECK(post.substr(post.size() - 19) == "\r\n\r\n{\"name\":\"gear\"}");

  std::string const& put = sent[1];
  CHECK(put.rfind("PUT /prefix/v2/widgets/1 HTTP/1.1\r\n", 0) == 0);
  CHECK(put.find("Content-Type") == std::string::npos);  // none given, none invented
  CHECK(put.substr(put.size() - 7) == "\r\n\r\nraw");

  std::string const& del = sent[2];
  CHECK(del.rfind("DELETE /prefix/v2/widgets/1 HTTP/1.1\r\n", 0) == 0);
  CHECK(del.find("\r\nX-Empty:\r\n") != std::string::npos);
  CHECK(del.find("Content-Length") == std::string::npos);

  std::string const& get = sent[3];
  CHECK(get.rfind("GET /prefix/v2/widgets?page=2 HTTP/1.1\r\n", 0) == 0);
  CHECK(get.find("X-Empty") == std::string::npos);
  CHECK(get.substr(get.size() - 4) == "\r\n\r\n");  // no body
  CHECK(get.find("Content-Length") == std::string::npos);

  CHECK(sent[4].rfind("POST /prefix/v2/widgets HTTP/1.1\r\n", 0) == 0);
  CHECK(sent[4].substr(sent[4].size() - 9) == "\r\n\r\nfirst");
  std::string const& second = sent[5];
  CHECK(second.rfind("POST /prefix/v2/gadgets HTTP/1.1\r\n", 0) == 0);
  CHECK(second.find("\r\nX-Second: 2\r\n") != std::string::npos);
  CHECK(second.find("\r\nContent-Length: 3\r\n") != std::string::npos);
  CHECK(second.substr(second.size() - 7) == "\r\n\r\n2nd");

  CHECK(sent[6].rfind("HEAD /prefix/v2/widgets/1 HTTP/1.1\r\n", 0) == 0);
  std::string const& after_head = sent[7];
  CHECK(after_head.rfind("GET /prefix/v2/widgets/1 HTTP/1.1\r\n", 0) == 0);
  CHECK(after_head.find("X-Second") == std::string::npos);
  CHECK(after_head.substr(after_head.size() - 4) == "\r\n\r\n");
}

TEMPLATE_TEST_CASE("a built target reaches the server byte for byte, dots and escapes included", "[transport][curl]",
                   CURL_TRANSPORTS) {
  test_support::scripted_server server([&](int connection) { return record_and_answer(server, connection); });
  REQUIRE(server.listening());
  TestType http(options_for(server.url()));

  std::string_view const values[] = {"a.b", "...", "a/../b", "../x", "%2e", "%2e%2e", "/", "?", "#", "\xC3\xA9\x80"};
  std::vector<std::string> built_targets;
  for (std::string_view value : values) {
    std::array<char, 2048> buffer{};
    apidecl::serializer_set const xml{apidecl::pugixml_serializer{}};
    auto const built = apidecl::build(od::authorize_quote, buffer, xml, od::quote_id = value,
                                      apidecl::body = ondemand_seed::request_example_quote());
    REQUIRE(built);
    built_targets.emplace_back(built->target());
    received const r = exchange(http, *built);
    INFO("value: \"" << value << "\"" << (r.error ? " " + std::string(r.error->detail) : std::string()));
    REQUIRE(r);
  }

  std::vector<std::string> const sent = server.requests();
  REQUIRE(sent.size() == built_targets.size());
  for (std::size_t i = 0; i < sent.size(); ++i) CHECK(target_of(sent[i]) == built_targets[i]);
  CHECK(built_targets[2] == "/api/quote/a%2F..%2Fb/authorize");  // its slashes escaped, ".." is no segment
}

TEMPLATE_TEST_CASE("a target holding dot segments is sent as it is, not resolved", "[transport][curl]",
                   CURL_TRANSPORTS) {
  test_support::scripted_server server([&](int connection) { return record_and_answer(server, connection); });
  REQUIRE(server.listening());
  TestType http(options_for(server.url() + "/prefix"));

  REQUIRE(exchange(http, apidecl::request(apidecl::method::post, "/api/quote/../authorize", {}, "q")));
  REQUIRE(exchange(http, apidecl::request(apidecl::method::get, "/api/./quote/..", {}, {})));

  std::vector<std::string> const sent = server.requests();
  REQUIRE(sent.size() == 2);
  CHECK(target_of(sent[0]) == "/prefix/api/quote/../authorize");
  CHECK(target_of(sent[1]) == "/prefix/api/./quote/..");
}
