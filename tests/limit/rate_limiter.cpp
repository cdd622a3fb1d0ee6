// The Limiter policy family: a user-written limiter, rate_limiter's token buckets shared by
// clients, a per-endpoint rate, a 429's Retry-After pausing every client, and deadlines.
#include <catch2/catch.hpp>

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/apis/ondemand/projects.hpp>
#include <apidecl/apis/ondemand/rate_limit.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/clock/test_clock.hpp>
#include <apidecl/limit/rate_limiter.hpp>
#include <apidecl/observers/logging.hpp>
#include <apidecl/observers/metrics.hpp>
#include <apidecl/observers/prometheus.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace c24 = apidecl::cielo24;
using namespace std::chrono_literals;
using ms = std::chrono::milliseconds;

namespace {
constexpr char const* token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr char const* job = "64bea283eff6475ea6596027a6ba0929";

// The exemplar of limiter.hpp, verbatim.
struct one_per_second {
  std::chrono::milliseconds next{0};
  std::chrono::milliseconds acquire(apidecl::endpoint_info const&, std::chrono::milliseconds now) {
    if (now < next) return next - now;
    next = now + std::chrono::seconds(1);
    return std::chrono::milliseconds(0);
  }
  void pause_until(std::chrono::milliseconds t, std::chrono::milliseconds now) {
    next = std::max(next, std::min(t, now + std::chrono::minutes(1)));
  }
};
static_assert(apidecl::is_limiter_v<one_per_second>);

// One timeline for several clients, as a steady clock is.
struct shared_clock {
  apidecl::test_clock* clock;
  ms now() const noexcept { return clock->now(); }
  void sleep_for(ms d) { clock->sleep_for(d); }
};
}  // namespace

TEST_CASE("a user-written limiter spaces blocking calls, sleeping on the client's Sleeper", "[limit]") {
  apidecl::mock_transport http;
  http.respond(204).respond(204).respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, one_per_second{}, apidecl::test_clock{});
  for (int i = 0; i < 3; ++i)
    CHECK(api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job).get_if<204>() != nullptr);
  CHECK(api.clock().sleeps() == std::vector<ms>{1000ms, 1000ms});
  CHECK(http.requests().size() == 3);
  STATIC_REQUIRE_FALSE(apidecl::is_limiter_v<int>);
  STATIC_REQUIRE(apidecl::is_limiter_v<apidecl::rate_limiter>);
}

TEST_CASE("a non-blocking call waits for its slot in poll(), sent only once the clock reaches it", "[limit][non-blocking]") {
  apidecl::mock_transport http;
  http.respond(204).respond(204);
  apidecl::test_clock time;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::rate_limiter(apidecl::rate{1, 2s}),
                                  shared_clock{&time});
  auto first = api.start(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  auto second = api.start(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  CHECK(http.requests().size() == 1);
  api.poll();
  CHECK(first.ready());
  CHECK_FALSE(second.ready());
  time.advance(1999ms);
  api.poll();
  CHECK(http.requests().size() == 1);
  time.advance(1ms);
  api.poll();  // sends it
  CHECK(http.requests().size() == 2);
  api.poll();
  REQUIRE(second.ready());
  CHECK(second.get().get_if<204>() != nullptr);
  CHECK(second.get().attempts() == 1);
}

TEST_CASE("observers are told of each wait for the limiter: the event, a log line and a metric", "[limit][observers]") {
  struct waits {
    std::vector<ms>* seen;
    void on(apidecl::rate_limited const& e) { seen->push_back(e.wait); }
  };
  STATIC_REQUIRE(apidecl::is_observer_v<waits>);
  std::vector<ms> seen;
  std::vector<std::string> lines;
  apidecl::call_metrics metrics;
  apidecl::mock_transport http;
  http.respond(204).respond(204).respond(204);
  auto api = apidecl::make_client(
      http, apidecl::boost_json_serializer{}, one_per_second{}, apidecl::test_clock{},
      waits{&seen} | apidecl::logging_observer([&](std::string_view l) { lines.emplace_back(l); }, {apidecl::log_level::retries}) |
          apidecl::metrics_observer(metrics));
  for (int i = 0; i < 3; ++i) (void)api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  CHECK(seen == std::vector<ms>{1000ms, 1000ms});
  CHECK(lines == std::vector<std::string>{"GET /api/job/authorize: documented 204 after 1 attempt in 0 ms",
                                          "GET /api/job/authorize: attempt 1 waits 1000 ms for the rate limit",
                                          "GET /api/job/authorize: documented 204 after 1 attempt in 1000 ms",
                                          "GET /api/job/authorize: attempt 1 waits 1000 ms for the rate limit",
                                          "GET /api/job/authorize: documented 204 after 1 attempt in 1000 ms"});
  REQUIRE(metrics.size == 1);
  CHECK(metrics.endpoints[0].rate_limit_waits == 2);
  std::vector<std::string> exposition;
  apidecl::write_prometheus(metrics, [&](std::string_view l) { exposition.emplace_back(l); });
  CHECK(std::find(exposition.begin(), exposition.end(),
                  R"(apidecl_rate_limit_waits_total{method="GET",url_template="/api/job/authorize"} 2)") != exposition.end());
}

TEST_CASE("clients sharing a rate_limiter share its rate, with a burst", "[limit]") {
  apidecl::mock_transport a_http, b_http;
  for (int i = 0; i < 3; ++i) {
    a_http.respond(204);
    b_http.respond(204);
  }
  apidecl::test_clock time;
  apidecl::rate_limiter const limits(apidecl::rate{2, 1000ms, 2});
  auto a = apidecl::make_client(a_http, apidecl::boost_json_serializer{}, limits, shared_clock{&time});
  auto b = apidecl::make_client(b_http, apidecl::boost_json_serializer{}, limits, shared_clock{&time});
  (void)a.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  (void)b.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);  // the burst: no wait
  CHECK(time.sleeps().empty());
  (void)a.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  (void)b.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  CHECK(time.sleeps() == std::vector<ms>{500ms, 500ms});
  CHECK(a_http.requests().size() == 2);
  CHECK(b_http.requests().size() == 2);
}

TEST_CASE("a per-endpoint rate holds that endpoint back without taking from the others' slots", "[limit]") {
  apidecl::rate_limiter limits(apidecl::rate{10, 1000ms, 10});
  limits.also_for(apidecl::rate{1, 1000ms}, c24::delete_job);
  auto const& del = apidecl::endpoint_info_of<c24::endpoints::delete_job>;
  auto const& auth = apidecl::endpoint_info_of<c24::endpoints::authorize_job>;
  CHECK(limits.acquire(del, 0ms) == 0ms);
  CHECK(limits.acquire(del, 0ms) == 1000ms);
  for (int i = 0; i < 9; ++i) CHECK(limits.acquire(auth, 0ms) == 0ms);  // the refused delete took no global token
  CHECK(limits.acquire(auth, 0ms) == 100ms);
  CHECK(limits.acquire(del, 1000ms) == 0ms);
}

TEST_CASE("onDemand's preset: 30 requests a minute, 2 project creations a minute", "[limit][ondemand]") {
  apidecl::rate_limiter limits = apidecl::ondemand::rate_limits();
  auto const& add = apidecl::endpoint_info_of<apidecl::ondemand::v2015::endpoints::add_project>;
  auto const& list = apidecl::endpoint_info_of<apidecl::ondemand::v2015::endpoints::list_projects>;
  CHECK(limits.acquire(add, 0ms) == 0ms);
  CHECK(limits.acquire(add, 2000ms) == 28000ms);  // the second creation waits for its own rate
  CHECK(limits.acquire(list, 2000ms) == 0ms);
  CHECK(limits.acquire(add, 30000ms) == 0ms);
  int sent = 0;
  for (ms t = 30000ms; t < 90000ms; t += 100ms) sent += limits.acquire(list, t) == 0ms ? 1 : 0;
  CHECK(sent == 29);  // with the creation at 30 s: 30 in that minute
}

TEST_CASE("a 429's Retry-After pauses every client sharing the limiter", "[limit]") {
  apidecl::mock_transport a_http, b_http;
  a_http.respond(429, {}, "Retry-After: 7\r\n");
  b_http.respond(204);
  apidecl::test_clock time;
  apidecl::rate_limiter const limits(apidecl::rate{100, 1000ms, 100});
  auto a = apidecl::make_client(a_http, apidecl::boost_json_serializer{}, limits, shared_clock{&time});
  auto b = apidecl::make_client(b_http, apidecl::boost_json_serializer{}, limits, shared_clock{&time});
  CHECK(a.call(c24::authorize_job, c24::api_token = token, c24::job_id = job).unexpected_if() != nullptr);
  CHECK(b.call(c24::authorize_job, c24::api_token = token, c24::job_id = job).get_if<204>() != nullptr);
  CHECK(time.sleeps() == std::vector<ms>{7000ms});
}

TEST_CASE("a Retry-After of years pauses the limiter for its longest pause only", "[limit]") {
  apidecl::mock_transport http;
  http.respond(429, {}, "Retry-After: 99999999999999999999\r\n").respond(204);
  apidecl::test_clock time;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{},
                                  apidecl::rate_limiter(apidecl::rate{100, 1000ms, 100}, 30s), shared_clock{&time});
  (void)api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  CHECK(api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job).get_if<204>() != nullptr);
  CHECK(time.sleeps() == std::vector<ms>{30000ms});
}

TEST_CASE("a non-blocking call cancelled while it waits for the limiter completes as cancelled, unsent",
          "[limit][non-blocking]") {
  apidecl::mock_transport http;
  http.respond(204);
  apidecl::test_clock time;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::rate_limiter(apidecl::rate{1, 1min}),
                                  shared_clock{&time});
  (void)api.start(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  auto held = api.start(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  CHECK(api.cancel(held));
  api.poll();
  REQUIRE(held.ready());
  REQUIRE(held.get().failure_if() != nullptr);
  REQUIRE(held.get().failure_if()->transport() != nullptr);
  CHECK(held.get().failure_if()->transport()->code == apidecl::transport_errc::cancelled);
  CHECK(http.requests().size() == 1);
}

TEST_CASE("a wait for the limiter past the call's deadline ends the call at once as timed out", "[limit]") {
  apidecl::mock_transport http;
  http.respond(204).respond(204);
  apidecl::test_clock time;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::rate_limiter(apidecl::rate{1, 5s}),
                                  shared_clock{&time});
  apidecl::call_options within;
  within.deadline = 5000ms;
  CHECK(api.call(within, c24::authorize_job, c24::api_token = token, c24::job_id = job).get_if<204>() != nullptr);
  auto const late = api.call(within, c24::authorize_job, c24::api_token = token, c24::job_id = job);
  REQUIRE(late.failure_if() != nullptr);
  REQUIRE(late.failure_if()->transport() != nullptr);
  CHECK(late.failure_if()->transport()->code == apidecl::transport_errc::timed_out);
  CHECK_FALSE(late.failure_if()->transport()->may_have_reached_server);
  CHECK(http.requests().size() == 1);
  CHECK(time.sleeps().empty());
  apidecl::call_options longer;
  longer.deadline = 6000ms;
  CHECK(api.call(longer, c24::authorize_job, c24::api_token = token, c24::job_id = job).get_if<204>() != nullptr);
  CHECK(time.sleeps() == std::vector<ms>{5000ms});
}

TEST_CASE("threads sharing a rate_limiter take exactly the tokens there are", "[limit][threads]") {
  apidecl::rate_limiter const limits(apidecl::rate{10, 1000ms, 10});
  auto const& info = apidecl::endpoint_info_of<c24::endpoints::authorize_job>;
  std::atomic<int> taken{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, limiter = limits]() mutable {  // a copy per thread: the same buckets
      for (int i = 0; i < 100; ++i) taken += limiter.acquire(info, 0ms) == 0ms ? 1 : 0;
    });
  for (std::thread& t : threads) t.join();
  CHECK(taken == 10);  // the burst, at one instant, whoever asked
}
