// The one engine behind every way of calling: each test runs the same call blocking (the client
// sleeps through its waits on a test_clock) and non-blocking (start, then poll as a frame loop
// would), through the real client and mock_transport, and expects the same life from both.
#include <catch2/catch.hpp>

#include "../support/call_ways.hpp"
#include "../support/lod1_signature.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/apis/ondemand/ondemand.hpp>
#include <apidecl/auth/openssl_sha256.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/retry/retry.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/transport/mock.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace c24 = apidecl::cielo24;
namespace od = apidecl::ondemand;
using namespace std::chrono_literals;
using std::chrono::milliseconds;

namespace {
constexpr char const* token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr char const* job = "64bea283eff6475ea6596027a6ba0929";

using test_support::run;
using test_support::way;

// A UTC clock whose time moves on one second at each reading.
struct ticking_utc_clock {
  std::int64_t* second;
  apidecl::utc_timestamp now() const { return *apidecl::utc_timestamp::from_unix_time(1400000000 + (*second)++); }
};

// Records every decision the Retry policy it wraps makes, with the attempt it saw.
template <class RetryPolicy>
struct recording_policy {
  RetryPolicy inner;
  std::vector<apidecl::attempt>* seen;
  apidecl::retry_decision decide(apidecl::attempt const& a) {
    seen->push_back(a);
    seen->back().headers = {};  // views into the transport's answer, gone after the call
    seen->back().error = nullptr;
    return inner.decide(a);
  }
};

// An endpoint with no default constructor: the engine decodes with the object it was given.
struct report_endpoint {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/reports/1";
  using responses = apidecl::responses<apidecl::on<200>, apidecl::on<404>>;
  explicit constexpr report_endpoint(int) noexcept {}
};
}  // namespace

TEST_CASE("each attempt of an onDemand call is signed anew, blocking or polled", "[client][engine]") {
  auto const w = GENERATE(way::blocking, way::polled);
  std::int64_t second = 0;
  apidecl::mock_transport http;
  http.respond(503).respond(503).respond(404);
  auto lod = apidecl::make_client(
      http, apidecl::pugixml_serializer{}, apidecl::test_clock{},
      od::signer<apidecl::openssl_sha256, ticking_utc_clock>({"key", "secret"}, {}, ticking_utc_clock{&second}),
      apidecl::fixed_delay{100ms, 3} | apidecl::retry_non_idempotent());
  od::quote q;
  q.quote_id = od::ids::quote("795");
  auto const r = run(w, lod, [&](auto&& call) { return call(od::authorize_quote, od::quote_id = "795", apidecl::body = q); });
  CHECK(r.http_status() == 404);
  CHECK(r.attempts() == 3);
  REQUIRE(http.requests().size() == 3);
  std::vector<std::string> stamps;
  for (auto const& sent : http.requests()) {
    std::string const stamp(sent.header("x-lod-timestamp").value_or(""));
    stamps.push_back(stamp);
    CHECK(sent.header("Authorization") ==
          test_support::lod1_authorization("POST", "/api/quote/795/authorize", "key", "secret", stamp));
    CHECK(sent.body == http.requests()[0].body);  // the request is built once, its body encoded once
    CHECK(sent.target == "/api/quote/795/authorize");
  }
  CHECK(stamps == std::vector<std::string>{"2014-05-13T16:53:20", "2014-05-13T16:53:21", "2014-05-13T16:53:22"});
}

TEST_CASE("a Retry policy sees the same attempts, blocking or polled, with elapsed and time left", "[client][engine]") {
  auto const w = GENERATE(way::blocking, way::polled);
  std::vector<apidecl::attempt> seen;
  apidecl::mock_transport http;
  http.respond(503).respond(503, "", "Retry-After: 1\r\n").respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{},
                                  recording_policy<decltype(apidecl::fixed_delay{250ms, 5} | apidecl::honour_retry_after(60s))>{
                                      apidecl::fixed_delay{250ms, 5} | apidecl::honour_retry_after(60s), &seen});
  apidecl::call_options options;
  options.deadline = 10s;
  auto const r = run(w, api, [&](auto&& call) {
    return call(options, c24::authorize_job, c24::api_token = token, c24::job_id = job);
  });
  CHECK(r.http_status() == 204);
  CHECK(r.attempts() == 3);
  REQUIRE(seen.size() == 3);
  for (std::size_t i = 0; i < seen.size(); ++i) {
    CHECK(seen[i].number == static_cast<int>(i) + 1);
    REQUIRE(seen[i].time_left.has_value());
    CHECK(*seen[i].time_left == 10s - seen[i].elapsed);
  }
  CHECK(seen[0].status == 503);
  CHECK(seen[2].status == 204);
  // Blocking, no time passes but the waits. Polled, a retry is sent at the first frame after its
  // wait and answered at the next.
  std::vector<milliseconds> const sent_at = w == way::blocking ? std::vector<milliseconds>{0ms, 250ms, 1250ms}
                                                                : std::vector<milliseconds>{0ms, 256ms, 1280ms};
  std::vector<milliseconds> const ended_at = w == way::blocking ? std::vector<milliseconds>{0ms, 250ms, 1250ms}
                                                                 : std::vector<milliseconds>{0ms, 272ms, 1296ms};
  // Each exchange may take at most the time left when it is sent.
  REQUIRE(http.requests().size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(seen[i].elapsed == ended_at[i]);
    CHECK(http.requests()[i].options.total_timeout == 10s - sent_at[i]);
  }
}

TEST_CASE("a caller's deadline holds whatever the Retry policy decides", "[client][engine]") {
  auto const w = GENERATE(way::blocking, way::polled);
  // fixed_delay alone would wait 4 s three times; the deadline leaves room for one wait only.
  struct no_deadline_checks {
    apidecl::retry_decision decide(apidecl::attempt const& a) {
      return a.number < 4 ? apidecl::retry_decision::retry_after(4s, "always") : apidecl::retry_decision::stop("enough");
    }
  };
  apidecl::mock_transport http;
  http.respond(503).respond(503).respond(503).respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{}, no_deadline_checks{});
  apidecl::call_options options;
  options.deadline = 6s;
  options.total_timeout = 30s;
  auto const r = run(w, api, [&](auto&& call) {
    return call(options, c24::authorize_job, c24::api_token = token, c24::job_id = job);
  });
  CHECK(r.http_status() == 503);  // the last response, kept when the next wait would outlast the deadline
  CHECK(r.attempts() == 2);
  CHECK(http.pending() == 2);
  REQUIRE(http.requests().size() == 2);
  CHECK(http.requests()[0].options.total_timeout == 6s);  // the time left is shorter than the caller's own limit
  CHECK(http.requests()[1].options.total_timeout == 2s);
}

TEST_CASE("a polled call whose retry comes due after its deadline ends without sending", "[client][engine]") {
  apidecl::mock_transport http;
  http.respond(503).respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{},
                                  apidecl::fixed_delay{1s, 3});
  apidecl::call_options options;
  options.deadline = 2s;
  auto pending = api.start(options, c24::authorize_job, c24::api_token = token, c24::job_id = job);
  CHECK(api.poll() == 0);       // the 503: a retry waits 1 s
  api.clock().advance(5s);      // the loop stalled well past the deadline
  CHECK(api.poll() == 1);
  REQUIRE(pending.ready());
  REQUIRE(pending.get().failure_if() != nullptr);
  CHECK(pending.get().failure_if()->transport()->code == apidecl::transport_errc::timed_out);
  CHECK(pending.get().attempts() == 1);
  CHECK(http.requests().size() == 1);
}

TEST_CASE("the endpoint object given decodes the result, blocking or polled", "[client][engine]") {
  auto const w = GENERATE(way::blocking, way::polled);
  apidecl::mock_transport http;
  http.respond(404);
  auto api = apidecl::make_client(http, apidecl::test_clock{});
  report_endpoint const reports(1);
  auto const r = run(w, api, [&](auto&& call) { return call(reports); });
  CHECK(r.template get_if<404>() != nullptr);
}

TEST_CASE("a non-blocking client needs only a Clock: a frame clock retries from poll", "[client][engine]") {
  struct frame_clock {
    milliseconds time{0};
    milliseconds now() const noexcept { return time; }
  };
  STATIC_REQUIRE(apidecl::is_clock_v<frame_clock>);
  STATIC_REQUIRE_FALSE(apidecl::is_sleeper_v<frame_clock>);
  apidecl::mock_transport http;
  http.respond(503).respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, frame_clock{}, apidecl::fixed_delay{100ms, 3});
  auto pending = api.start(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  int frames = 0;
  for (; frames < 100 && !pending.ready(); ++frames) {
    api.poll();
    api.clock().time += 16ms;
  }
  REQUIRE(pending.ready());
  CHECK(pending.get().http_status() == 204);
  CHECK(pending.get().attempts() == 2);
  CHECK(frames == 9);  // the 503 in the first frame, the retry sent in the frame at 112 ms, answered in the next
}

TEST_CASE("cancel ends a polled call in each state it can be in", "[client][engine]") {
  apidecl::mock_transport http;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{},
                                  apidecl::fixed_delay{1s, 3});
  SECTION("in flight: the exchange is cancelled and not retried") {
    http.respond(204);
    auto pending = api.start(c24::authorize_job, c24::api_token = token, c24::job_id = job);
    CHECK(api.cancel(pending));
    CHECK_FALSE(api.cancel(pending));  // once
    CHECK(api.poll() == 1);
    REQUIRE(pending.get().failure_if() != nullptr);
    CHECK(pending.get().failure_if()->transport()->code == apidecl::transport_errc::cancelled);
    CHECK(pending.get().attempts() == 1);
    CHECK(http.pending() == 1);
  }
  SECTION("waiting to retry: it ends at the next poll, before its wait is over") {
    http.respond(503).respond(204);
    auto pending = api.start(c24::authorize_job, c24::api_token = token, c24::job_id = job);
    CHECK(api.poll() == 0);
    CHECK(api.cancel(pending));
    CHECK(api.poll() == 1);
    REQUIRE(pending.get().failure_if() != nullptr);
    CHECK(pending.get().failure_if()->transport()->code == apidecl::transport_errc::cancelled);
    CHECK(pending.get().attempts() == 1);
    CHECK(http.requests().size() == 1);
  }
  SECTION("completed: nothing to cancel, the result stays") {
    http.respond(204);
    auto pending = api.start(c24::authorize_job, c24::api_token = token, c24::job_id = job);
    CHECK(api.poll() == 1);
    CHECK_FALSE(api.cancel(pending));
    CHECK(pending.get().http_status() == 204);
  }
  SECTION("never sent: a call that could not be built is complete at once") {
    auto pending = api.start(c24::authorize_job, c24::api_token = token, c24::job_id = "not hex");
    REQUIRE(pending.ready());
    CHECK_FALSE(api.cancel(pending));
    CHECK(pending.get().attempts() == 0);
    CHECK(api.in_flight() == 0);
  }
  CHECK(api.in_flight() == 0);
}

TEST_CASE("an Auth policy that fails on a retry ends the call with the attempts sent", "[client][engine]") {
  auto const w = GENERATE(way::blocking, way::polled);
  struct fails_second_time {
    int calls = 0;
    apidecl::auth_result authenticate(apidecl::request const&, apidecl::header_writer& h) {
      if (++calls > 1) return apidecl::auth_result("the key was revoked");
      h.add("X-Key", "k");
      return {};
    }
  };
  apidecl::mock_transport http;
  http.respond(503).respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{}, fails_second_time{},
                                  apidecl::fixed_delay{100ms, 3});
  auto const r = run(w, api, [&](auto&& call) { return call(c24::authorize_job, c24::api_token = token, c24::job_id = job); });
  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->validation() != nullptr);
  CHECK(r.failure_if()->validation()->code == apidecl::validation_error::code::cannot_authenticate);
  CHECK(r.attempts() == 1);
  CHECK(http.requests().size() == 1);
}

TEST_CASE("Auth fields larger than the client's buffer grow it, on every attempt", "[client][engine]") {
  auto const w = GENERATE(way::blocking, way::polled);
  struct large_field {
    std::string value = std::string(5000, 'k');
    apidecl::auth_result authenticate(apidecl::request const&, apidecl::header_writer& h) const {
      h.add("X-Large", value);
      return {};
    }
  };
  apidecl::mock_transport http;
  http.respond(503).respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{}, large_field{},
                                  apidecl::fixed_delay{100ms, 3});
  auto const r = run(w, api, [&](auto&& call) { return call(c24::authorize_job, c24::api_token = token, c24::job_id = job); });
  CHECK(r.http_status() == 204);
  REQUIRE(http.requests().size() == 2);
  for (auto const& sent : http.requests()) {
    CHECK(sent.header("X-Large") == std::string(5000, 'k'));
    CHECK(sent.target == std::string("/api/job/authorize?v=1&api_token=") + token + "&job_id=" + job);
  }
}
