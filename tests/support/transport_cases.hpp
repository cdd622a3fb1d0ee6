// What every shipped transport does alike, over real sockets: against nginx
// (transport_test_site.hpp) and against loopback servers that misbehave on purpose. A test program
// names the transports to run them against, then includes this header once:
//
//     using transports_under_test = std::tuple<apidecl::curl_transport, apidecl::curl_multi_transport>;
//     #include "../support/transport_cases.hpp"
//
// Each transport type is constructed from its options (whatever its `options()` returns, which
// has the fields curl_options and asio_options share) and driven through `exchange`: `send` for a
// Transport, `start` and `poll` for an AsyncTransport.
#ifndef APIDECL_TESTS_SUPPORT_TRANSPORT_CASES_HPP
#define APIDECL_TESTS_SUPPORT_TRANSPORT_CASES_HPP

#include <catch2/catch.hpp>

#include "ondemand_seed_quote.hpp"
#include "raw_servers.hpp"
#include "server_process.hpp"
#include "transport_case_tools.hpp"
#include "transport_exchange.hpp"
#include "transport_test_site.hpp"
#include "waiting.hpp"

#include <apidecl/apis/cielo24/job_delete.hpp>
#include <apidecl/apis/ondemand/quote_authorize.hpp>
#include <apidecl/core/build.hpp>
#include <apidecl/core/decode.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/pugixml.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace transport_cases {

namespace c24 = apidecl::cielo24;
namespace od = apidecl::ondemand;

TEMPLATE_LIST_TEST_CASE("cielo24's Delete Job request gets nginx's answer, which decodes to the task", "[transport]",
                        transports_under_test) {
  TestType http(options_for<TestType>(site().http_url()));
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

TEMPLATE_LIST_TEST_CASE("an error answer comes back as the response it is", "[transport]", transports_under_test) {
  TestType http(options_for<TestType>(site().http_url()));
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

TEMPLATE_LIST_TEST_CASE("the connection stays open from one exchange to the next", "[transport]",
                        transports_under_test) {
  TestType http(options_for<TestType>(site().http_url()));
  received const first = exchange(http, get_with_token("/connection"));
  received const second = exchange(http, get_with_token("/connection"));
  REQUIRE(first);
  REQUIRE(second);
  CHECK(connection_and_count(second).first == connection_and_count(first).first);
  CHECK(connection_and_count(second).second == connection_and_count(first).second + 1);
}

TEMPLATE_LIST_TEST_CASE("a server that closes the connection after two requests is reconnected to unnoticed",
                        "[transport]", transports_under_test) {
  TestType http(options_for<TestType>(site().http_url()));
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

TEMPLATE_LIST_TEST_CASE("a chunked body arrives whole", "[transport]", transports_under_test) {
  TestType http(options_for<TestType>(site().http_url()));
  received const r = exchange(http, apidecl::request(apidecl::method::get, "/chunked/text.txt", {}, {}));
  INFO((r.error ? std::string(r.error->detail) : std::string()));
  REQUIRE(r);
  CHECK(r.status == 200);
  CHECK(r.header("Transfer-Encoding") == std::optional<std::string_view>("chunked"));
  CHECK_FALSE(r.header("Content-Length"));
  CHECK(r.body == transport_test_site::text());
  received const again = exchange(http, get_with_token("/connection"));  // the framing left the connection usable
  CHECK(again);
}

TEMPLATE_LIST_TEST_CASE("an answer to HEAD has no body, whatever its Content-Length says", "[transport]",
                        transports_under_test) {
  test_support::scripted_server server([&](int connection) {
    server.read_request(connection);
    server.write_all(connection, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n");
    server.read_request(connection);  // on the same connection: the HEAD answer ended at its header
    server.write_all(connection, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\nConnection: close\r\n\r\n0123456789");
    return test_support::scripted_server::then::close;
  });
  REQUIRE(server.listening());
  TestType http(options_for<TestType>(server.url()));
  received const head = exchange(http, apidecl::request(apidecl::method::head, "/file", {}, {}));
  INFO((head.error ? std::string(head.error->detail) : std::string()));
  REQUIRE(head);
  CHECK(head.header("Content-Length") == std::optional<std::string_view>("10"));
  CHECK(head.body.empty());
  received const get = exchange(http, apidecl::request(apidecl::method::get, "/file", {}, {}));
  REQUIRE(get);
  CHECK(get.body == "0123456789");
  CHECK(server.connections() == 1);
}

TEMPLATE_LIST_TEST_CASE("a redirect comes back as the response, not followed", "[transport]", transports_under_test) {
  TestType http(options_for<TestType>(site().http_url()));
  received const r = exchange(http, get_with_token("/moved"));
  REQUIRE(r);
  CHECK(r.status == 302);
  REQUIRE(r.header("Location"));
  CHECK(r.header("Location")->find("/new") != std::string_view::npos);
}

TEMPLATE_LIST_TEST_CASE("a body at the limit arrives; one byte more is response_too_large", "[transport]",
                        transports_under_test) {
  auto o = options_for<TestType>(site().http_url());
  o.max_response_body = transport_test_site::body_limit;
  TestType http(o);

  received const at_limit = exchange(http, get_with_token("/files/at_limit.bin"));
  REQUIRE(at_limit);
  CHECK(at_limit.body.size() == transport_test_site::body_limit);

  received const over = exchange(http, get_with_token("/files/over_limit.bin"));
  check_failure(over, apidecl::transport_errc::response_too_large, true, "/files/over_limit.bin");

  received const after = exchange(http, get_with_token("/connection"));  // the transport is still usable
  CHECK(after);
}

TEMPLATE_LIST_TEST_CASE("TLS is verified unless turned off, and a CA file can be trusted", "[transport]",
                        transports_under_test) {
  SECTION("a self-signed certificate is refused by default, before the request leaves") {
    TestType https(options_for<TestType>(site().https_url()));
    received const r = exchange(https, get_with_token("/"));
    check_failure(r, apidecl::transport_errc::tls_error, false, "/");
  }
  SECTION("trusted as a CA file, it is accepted") {
    auto o = options_for<TestType>(site().https_url());
    o.ca_file = site().ca_file();
    TestType https(o);
    received const r = exchange(https, get_with_token("/"));
    INFO((r.error ? std::string(r.error->detail) : std::string()));
    REQUIRE(r);
    CHECK(r.body == "secure");
  }
  SECTION("with verification explicitly off, it is accepted") {
    auto o = options_for<TestType>(site().https_url());
    o.insecure_skip_tls_verification = true;
    TestType https(o);
    received const r = exchange(https, get_with_token("/"));
    REQUIRE(r);
    CHECK(r.body == "secure");
  }
}

TEMPLATE_LIST_TEST_CASE("a closed port is cannot_connect, and the request never left", "[transport]",
                        transports_under_test) {
  std::uint16_t const closed = test_support::free_loopback_port();
  REQUIRE(closed != 0);
  TestType http(options_for<TestType>("http://127.0.0.1:" + std::to_string(closed)));
  received const r = exchange(http, get_with_token("/api/job/delete"));
  check_failure(r, apidecl::transport_errc::cannot_connect, false, "/api/job/delete");
}

TEMPLATE_LIST_TEST_CASE("a connect timeout is timed_out, and the request never left", "[transport]",
                        transports_under_test) {
  test_support::unanswered_port const port;
  REQUIRE(port.ready());
  auto o = options_for<TestType>(port.url());
  o.connect_timeout = std::chrono::milliseconds(200);
  TestType http(o);
  received const r = exchange(http, get_with_token("/api/job/delete"));
  check_failure(r, apidecl::transport_errc::timed_out, false, "/api/job/delete");
}

TEMPLATE_LIST_TEST_CASE("the total timeout ends an exchange with a server that never answers, which may have acted",
                        "[transport]", transports_under_test) {
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
          auto o = options_for<TestType>(server.url());
          o.total_timeout = timeout;
          TestType http(o);
          return exchange(http, get_with_token("/api/job/delete"));
        },
        written);
    check_failure(r, apidecl::transport_errc::timed_out, true, "/api/job/delete");
    CHECK(server_has_it());
  }
  SECTION("a call's own timeout, in place of the transport's") {
    // The transport's own would fire long after the test gave up: a timeout seen is the call's.
    auto o = options_for<TestType>(server.url());
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

TEMPLATE_LIST_TEST_CASE("a server that closes mid-response is connection_lost, and may have acted", "[transport]",
                        transports_under_test) {
  SECTION("closed in the middle of the body") {
    test_support::scripted_server server([&](int connection) {
      server.read_request(connection);
      server.write_all(connection,
                       "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"Ta");
      return test_support::scripted_server::then::close;
    });
    REQUIRE(server.listening());
    TestType http(options_for<TestType>(server.url()));
    received const r = exchange(http, get_with_token("/api/job/delete"));
    check_failure(r, apidecl::transport_errc::connection_lost, true, "/api/job/delete");
  }
  SECTION("closed before a byte of the response") {
    test_support::scripted_server server([&](int connection) {
      server.read_request(connection);
      return test_support::scripted_server::then::close;
    });
    REQUIRE(server.listening());
    TestType http(options_for<TestType>(server.url()));
    received const r = exchange(http, get_with_token("/api/job/delete"));
    check_failure(r, apidecl::transport_errc::connection_lost, true, "/api/job/delete");
  }
}

TEMPLATE_LIST_TEST_CASE("a request that reached a server which then died is never reported as unsent", "[transport]",
                        transports_under_test) {
  // The first exchange leaves the connection open; the server reads the second request on it and
  // dies without answering. A transport may try again on a new connection (curl does), which is
  // refused: the last failure is then a connect failure, but the request had left.
  test_support::scripted_server server([&](int connection) {
    server.read_request(connection);
    server.write_all(connection, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    server.read_request(connection);
    server.stop_listening();
    return test_support::scripted_server::then::close;
  });
  REQUIRE(server.listening());
  TestType http(options_for<TestType>(server.url()));
  REQUIRE(exchange(http, get_with_token("/api/job/delete")));

  received const r = exchange(http, get_with_token("/api/job/delete"));
  check_failure(r, apidecl::transport_errc::connection_lost, true, "/api/job/delete");
  CHECK(server.requests().size() == 2);
}

TEMPLATE_LIST_TEST_CASE("the request goes out as built: method, target, headers and body", "[transport]",
                        transports_under_test) {
  test_support::scripted_server server([&](int connection) {
    server.read_request(connection);
    server.write_all(connection, "HTTP/1.1 201 Created\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    return test_support::scripted_server::then::close;
  });
  REQUIRE(server.listening());
  TestType http(options_for<TestType>(server.url() + "/prefix/"));

  REQUIRE(exchange(http, apidecl::request(apidecl::method::post, "/v2/widgets?dry_run=true",
                                          "Content-Type: application/json\r\nX-Request-Id: r1\r\n",
                                          R"({"name":"gear"})")));
  REQUIRE(exchange(http, apidecl::request(apidecl::method::put, "/v2/widgets/1", {}, "raw")));
  REQUIRE(exchange(http, apidecl::request(apidecl::method::delete_, "/v2/widgets/1", "X-Empty:\r\n", {})));
  // A transport may keep what it set up for one request for the next (curl sets its handle up
  // again only when the kind of request changes): each of these must still go out as built,
  // nothing carried over from the one before.
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

TEMPLATE_LIST_TEST_CASE("a built target reaches the server byte for byte, dots and escapes included", "[transport]",
                        transports_under_test) {
  test_support::scripted_server server([&](int connection) { return record_and_answer(server, connection); });
  REQUIRE(server.listening());
  TestType http(options_for<TestType>(server.url()));

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

TEMPLATE_LIST_TEST_CASE("a target holding dot segments is sent as it is, not resolved", "[transport]",
                        transports_under_test) {
  test_support::scripted_server server([&](int connection) { return record_and_answer(server, connection); });
  REQUIRE(server.listening());
  TestType http(options_for<TestType>(server.url() + "/prefix"));

  REQUIRE(exchange(http, apidecl::request(apidecl::method::post, "/api/quote/../authorize", {}, "q")));
  REQUIRE(exchange(http, apidecl::request(apidecl::method::get, "/api/./quote/..", {}, {})));

  std::vector<std::string> const sent = server.requests();
  REQUIRE(sent.size() == 2);
  CHECK(target_of(sent[0]) == "/prefix/api/quote/../authorize");
  CHECK(target_of(sent[1]) == "/prefix/api/./quote/..");
}

}  // namespace transport_cases

#endif
