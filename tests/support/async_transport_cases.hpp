// What every shipped AsyncTransport does alike, as async_transport.hpp requires it: many
// exchanges in flight from a loop that only polls, handlers that start and cancel, cancelling,
// against nginx and scripted loopback servers. A test program names the transports to run them
// against, then includes this header once:
//
//     using async_transports_under_test = std::tuple<apidecl::curl_multi_transport>;
//     #include "../support/async_transport_cases.hpp"
#ifndef APIDECL_TESTS_SUPPORT_ASYNC_TRANSPORT_CASES_HPP
#define APIDECL_TESTS_SUPPORT_ASYNC_TRANSPORT_CASES_HPP

#include <catch2/catch.hpp>

#include "raw_servers.hpp"
#include "transport_case_tools.hpp"
#include "transport_exchange.hpp"
#include "transport_test_site.hpp"

#include <apidecl/apis/cielo24/job_delete.hpp>
#include <apidecl/core/build.hpp>
#include <apidecl/core/decode.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/async_transport.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace async_transport_cases {

namespace c24 = apidecl::cielo24;
using namespace transport_cases;

TEMPLATE_LIST_TEST_CASE("fifty exchanges in flight at once all complete, driven by a loop that only polls",
                        "[transport]", async_transports_under_test) {
  TestType http(options_for<TestType>(site().http_url()));
  std::vector<received> answers(50);
  std::size_t ended = 0;
  for (received& answer : answers)
    http.start(connection_request, [&answer, &ended](apidecl::transport_result const& r) {
      answer = test_support::copy_of(r);
      ++ended;
    });
  CHECK(http.in_flight() == 50);

  std::size_t reported = 0;
  REQUIRE(poll_until(http, [&] { return ended == 50; }));
  for (int i = 0; i < 3; ++i) reported += http.poll();  // nothing is left to report
  CHECK(reported == 0);
  CHECK(http.in_flight() == 0);
  std::set<long> connections;
  for (received const& answer : answers) {
    INFO((answer.error ? std::string(answer.error->detail) : std::string()));
    REQUIRE(answer);
    CHECK(answer.status == 200);
    connections.insert(connection_of(answer));
  }
  CHECK(connections.size() > 1);  // side by side, not one after the other
}

TEMPLATE_LIST_TEST_CASE("max_host_connections bounds the connections, and exchanges beyond it wait their turn",
                        "[transport]", async_transports_under_test) {
  auto o = options_for<TestType>(site().http_url());
  o.max_host_connections = 2;
  TestType http(o);
  std::set<long> connections;
  std::size_t succeeded = 0;
  for (int i = 0; i < 20; ++i)
    http.start(connection_request, [&](apidecl::transport_result const& r) {
      if (!r) return;
      ++succeeded;
      connections.insert(connection_of(test_support::copy_of(r)));
    });
  REQUIRE(poll_until(http, [&] { return http.in_flight() == 0; }));
  CHECK(succeeded == 20);
  CHECK(connections.size() <= 2);
}

TEMPLATE_LIST_TEST_CASE("poll reports how many exchanges ended, and each handler is called once", "[transport]",
                        async_transports_under_test) {
  TestType http(options_for<TestType>(site().http_url()));
  int calls = 0;
  http.start(connection_request, [&](apidecl::transport_result const&) { ++calls; });
  http.start(connection_request, [&](apidecl::transport_result const&) { ++calls; });
  std::size_t reported = 0;
  auto const deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (http.in_flight() > 0 && std::chrono::steady_clock::now() < deadline)
    reported += http.poll(std::chrono::milliseconds(100));
  CHECK(reported == 2);
  CHECK(calls == 2);
}

TEMPLATE_LIST_TEST_CASE("the request's buffer may be reused as soon as start returns", "[transport]",
                        async_transports_under_test) {
  TestType http(options_for<TestType>(site().http_url()));
  std::optional<received> answer;
  {
    std::array<char, 256> buffer{};
    auto const built = apidecl::build(c24::delete_job, buffer, c24::api_token = test_support::seed_api_token,
                                      c24::job_id = test_support::seed_job_id);
    REQUIRE(built);
    http.start(*built, [&](apidecl::transport_result const& r) { answer = test_support::copy_of(r); });
    buffer.fill('?');
  }
  REQUIRE(poll_until(http, [&] { return answer.has_value(); }));
  REQUIRE(*answer);
  REQUIRE(answer->status == 200);  // nginx checked the job id: the request went out as built
  auto const decoded =
      apidecl::decode(c24::delete_job, answer->response(), apidecl::serializer_set{apidecl::boost_json_serializer{}});
  REQUIRE(decoded.template get_if<200>() != nullptr);
  CHECK(decoded.template get_if<200>()->task_id == test_support::seed_task_id);
}

TEMPLATE_LIST_TEST_CASE("a handler may start the next exchange, over the same connection", "[transport]",
                        async_transports_under_test) {
  TestType http(options_for<TestType>(site().http_url()));
  std::vector<received> answers;
  std::function<void(apidecl::transport_result const&)> on_done = [&](apidecl::transport_result const& r) {
    answers.push_back(test_support::copy_of(r));
    if (answers.size() < 3) http.start(connection_request, on_done);
  };
  http.start(connection_request, on_done);
  REQUIRE(poll_until(http, [&] { return answers.size() == 3 && http.in_flight() == 0; }));
  for (received const& answer : answers) REQUIRE(answer);
  CHECK(connection_of(answers[1]) == connection_of(answers[0]));
  CHECK(connection_of(answers[2]) == connection_of(answers[0]));
}

TEMPLATE_LIST_TEST_CASE("cancelling before the first poll: the request never left, "
                        "and the handler runs in the next poll",
                        "[transport]", async_transports_under_test) {
  TestType http(options_for<TestType>(site().http_url()));
  std::optional<received> answer;
  apidecl::exchange_id const id =
      http.start(connection_request, [&](apidecl::transport_result const& r) { answer = test_support::copy_of(r); });

  CHECK(http.cancel(id));
  CHECK_FALSE(answer);  // not from inside cancel
  CHECK(http.in_flight() == 1);
  CHECK_FALSE(http.cancel(id));  // already ended

  CHECK(http.poll() == 1);
  REQUIRE(answer);
  REQUIRE_FALSE(*answer);
  CHECK(answer->error->code == apidecl::transport_errc::cancelled);
  CHECK_FALSE(answer->error->may_have_reached_server);
  CHECK(http.in_flight() == 0);
  CHECK_FALSE(http.cancel(id));
}

TEMPLATE_LIST_TEST_CASE("cancelling an exchange the server has received: it may have acted", "[transport]",
                        async_transports_under_test) {
  test_support::scripted_server server([&](int connection) { return server.record_then_hold(connection); });
  REQUIRE(server.listening());
  TestType http(options_for<TestType>(server.url()));
  std::optional<received> answer;
  std::string const target = "/api/job/delete?api_token=" + std::string(test_support::seed_api_token);
  apidecl::exchange_id const id =
      http.start(apidecl::request(apidecl::method::get, target, {}, {}),
                 [&](apidecl::transport_result const& r) { answer = test_support::copy_of(r); });
  REQUIRE(poll_until(http, [&] { return server.requests().size() == 1; }));

  CHECK(http.cancel(id));
  CHECK(http.poll() == 1);
  REQUIRE(answer);
  REQUIRE_FALSE(*answer);
  CHECK(answer->error->code == apidecl::transport_errc::cancelled);
  CHECK(answer->error->may_have_reached_server);
  CHECK(answer->error->detail.view() == "cancelled (GET /api/job/delete?***)");
}

TEMPLATE_LIST_TEST_CASE("a handler may cancel another exchange", "[transport]", async_transports_under_test) {
  test_support::scripted_server server([&](int connection) {  // answers /quick, and nothing else
    if (server.read_request(connection).rfind("GET /quick ", 0) != 0) return test_support::scripted_server::then::hold;
    server.write_all(connection, "HTTP/1.1 204 No Content\r\n\r\n");
    return test_support::scripted_server::then::close;
  });
  REQUIRE(server.listening());
  TestType http(options_for<TestType>(server.url()));

  std::optional<received> slow;
  apidecl::exchange_id const slow_id =
      http.start(apidecl::request(apidecl::method::get, "/slow", {}, {}),
                 [&](apidecl::transport_result const& r) { slow = test_support::copy_of(r); });
  bool cancelled = false;
  http.start(apidecl::request(apidecl::method::get, "/quick", {}, {}),
             [&](apidecl::transport_result const&) { cancelled = http.cancel(slow_id); });

  REQUIRE(poll_until(http, [&] { return slow.has_value(); }));
  CHECK(cancelled);
  REQUIRE_FALSE(*slow);
  CHECK(slow->error->code == apidecl::transport_errc::cancelled);
  CHECK(http.in_flight() == 0);
}

TEMPLATE_LIST_TEST_CASE("cancelling an unknown exchange changes nothing", "[transport]",
                        async_transports_under_test) {
  TestType http(options_for<TestType>(site().http_url()));
  CHECK_FALSE(http.cancel(apidecl::exchange_id{12345}));
  CHECK(http.in_flight() == 0);
  CHECK(http.poll() == 0);
}

TEMPLATE_LIST_TEST_CASE("poll from inside a handler does nothing", "[transport]", async_transports_under_test) {
  TestType http(options_for<TestType>(site().http_url()));
  std::size_t nested = 99;
  http.start(connection_request, [&](apidecl::transport_result const&) { nested = http.poll(); });
  http.start(connection_request, [](apidecl::transport_result const&) {});
  REQUIRE(poll_until(http, [&] { return http.in_flight() == 0; }));
  CHECK(nested == 0);
}

TEMPLATE_LIST_TEST_CASE("poll with a wait returns at once when nothing is in flight", "[transport]",
                        async_transports_under_test) {
  TestType http(options_for<TestType>(site().http_url()));
  // Had it waited, the test would outlast any test runner's patience: no clock is read here.
  CHECK(http.poll(std::chrono::hours(24)) == 0);
}

TEMPLATE_LIST_TEST_CASE("destroying the transport abandons its exchanges without calling their handlers", "[transport]",
                        async_transports_under_test) {
  // The server records the request and never answers, so no poll can end the exchange: the
  // handler could only be called by the destructor. Declared first, the server outlives the
  // transport and joins its thread after the connection is gone.
  test_support::scripted_server server([&](int connection) { return server.record_then_hold(connection); });
  REQUIRE(server.listening());
  int calls = 0;
  {
    TestType http(options_for<TestType>(server.url()));
    http.start(connection_request, [&](apidecl::transport_result const&) { ++calls; });
    REQUIRE(poll_until(http, [&] { return server.requests().size() == 1; }));  // in flight, mid-exchange
    CHECK(http.in_flight() == 1);
  }
  CHECK(calls == 0);
}

TEMPLATE_LIST_TEST_CASE("a moved transport carries its exchanges along", "[transport]", async_transports_under_test) {
  TestType first(options_for<TestType>(site().http_url()));
  std::optional<received> answer;
  first.start(connection_request, [&](apidecl::transport_result const& r) { answer = test_support::copy_of(r); });
  TestType second(std::move(first));
  CHECK(second.in_flight() == 1);
  TestType third;
  third = std::move(second);
  REQUIRE(poll_until(third, [&] { return answer.has_value(); }));
  CHECK(*answer);
}

}  // namespace async_transport_cases

#endif
