// The client drives its Retry policy: blocking calls wait with the client's Sleeper (a test_clock
// here, so waits are instant and exact), non-blocking calls are sent again from poll() once due.
#include <catch2/catch.hpp>

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/apis/ondemand/ondemand.hpp>
#include <apidecl/auth/openssl_sha256.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/retry/retry.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/transport/mock.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace c24 = apidecl::cielo24;
namespace od = apidecl::ondemand;
using namespace std::chrono_literals;

namespace {
constexpr char const* token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr char const* job = "64bea283eff6475ea6596027a6ba0929";
constexpr char const* task_json = R"({"TaskId": "cc8095fbfecf4647b2e10b622d81c19b"})";
constexpr char const* json = "Content-Type: application/json\r\n";

apidecl::transport_error refused() { return {apidecl::transport_errc::cannot_connect, false, "connection refused"}; }
apidecl::transport_error lost() { return {apidecl::transport_errc::connection_lost, true, "connection reset"}; }
}  // namespace

TEST_CASE("without a Retry policy a call makes one attempt", "[client][retry]") {
  apidecl::mock_transport http;
  http.respond(503).respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{});
  auto const r = api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  CHECK(r.http_status() == 503);
  CHECK(r.attempts() == 1);
  CHECK(http.requests().size() == 1);
  CHECK(api.clock().sleeps().empty());
}

TEST_CASE("an idempotent call is sent again after a 503, waiting with the client's sleeper", "[client][retry]") {
  apidecl::mock_transport http;
  http.respond(503).respond(503, "", "Retry-After: 2\r\n").respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{},
                                  apidecl::fixed_delay{250ms, 5} | apidecl::honour_retry_after(60s));
  auto const r = api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  CHECK(r.http_status() == 204);
  CHECK(r.attempts() == 3);
  REQUIRE(http.requests().size() == 3);
  CHECK(http.requests()[2].target == http.requests()[0].target);
  CHECK(api.clock().sleeps() == std::vector<std::chrono::milliseconds>{250ms, 2000ms});
}

TEST_CASE("Delete Job, not idempotent, is not sent again after a lost response", "[client][retry]") {
  apidecl::mock_transport http;
  http.fail(lost()).respond(200, task_json, json);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{},
                                  apidecl::fixed_delay{100ms, 5});
  auto const r = api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);
  REQUIRE(r.failure_if() != nullptr);
  CHECK(r.failure_if()->transport()->code == apidecl::transport_errc::connection_lost);
  CHECK(r.attempts() == 1);
  CHECK(http.pending() == 1);
}

TEST_CASE("Delete Job is sent again when the request provably never left", "[client][retry]") {
  apidecl::mock_transport http;
  http.fail(refused()).respond(200, task_json, json);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{},
                                  apidecl::fixed_delay{100ms, 5});
  auto const r = api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);
  REQUIRE(r.get_if<200>() != nullptr);
  CHECK(r.attempts() == 2);
}

TEST_CASE("Authorize Quote, a POST, is not sent again after a 503", "[client][retry]") {
  apidecl::mock_transport http;
  http.respond(503).respond(202);
  auto lod = apidecl::make_client(http, apidecl::pugixml_serializer{}, apidecl::test_clock{},
                                  apidecl::fixed_delay{100ms, 5});
  od::quote q;
  q.quote_id = od::ids::quote("795");
  auto const r = lod.call(od::authorize_quote, od::quote_id = "795", apidecl::body = q);
  CHECK(r.http_status() == 503);
  CHECK(r.attempts() == 1);
}

TEST_CASE("documented 4xx outcomes are never sent again", "[client][retry]") {
  apidecl::mock_transport http;
  http.respond(400, R"({"ErrorType": "BAD_API_TOKEN", "ErrorComment": "expired"})", json).respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{},
                                  apidecl::fixed_delay{100ms, 5});
  auto const r = api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  CHECK(r.http_status() == 400);
  CHECK(r.attempts() == 1);
}

TEST_CASE("the retries stop at the policy's limit, with the last outcome", "[client][retry]") {
  apidecl::mock_transport http;
  for (int i = 0; i < 5; ++i) http.respond(502);
  std::vector<int> reported;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{},
                                  apidecl::fixed_delay{100ms, 3} |
                                      apidecl::on_retry([&](apidecl::attempt const& a, apidecl::retry_decision const&) {
                                        reported.push_back(a.number);
                                      }));
  auto const r = api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  CHECK(r.http_status() == 502);
  CHECK(r.attempts() == 3);
  CHECK(reported == std::vector<int>{1, 2});
  CHECK(http.pending() == 2);
}

TEST_CASE("a signed request is signed again for each attempt", "[client][retry]") {
  struct ticking_clock {
    int* second;
    apidecl::utc_timestamp now() const { return *apidecl::utc_timestamp::from_unix_time(1400000000 + (*second)++); }
  };
  int second = 0;
  apidecl::mock_transport http;
  http.respond(503).respond(404);
  auto lod = apidecl::make_client(
      http, apidecl::pugixml_serializer{}, apidecl::test_clock{},
      od::signer<apidecl::openssl_sha256, ticking_clock>({"key", "secret"}, {}, ticking_clock{&second}),
      apidecl::fixed_delay{100ms, 3} | apidecl::retry_non_idempotent());
  od::quote q;
  q.quote_id = od::ids::quote("795");
  (void)lod.call(od::authorize_quote, od::quote_id = "795", apidecl::body = q);
  REQUIRE(http.requests().size() == 2);
  CHECK(http.requests()[0].header("x-lod-timestamp") != http.requests()[1].header("x-lod-timestamp"));
}

TEST_CASE("a non-blocking call is sent again from poll once its delay has passed", "[client][retry][non-blocking]") {
  apidecl::mock_transport http;
  http.respond(503).respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{},
                                  apidecl::fixed_delay{500ms, 3});
  auto pending = api.start(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  CHECK(api.poll() == 0);  // the 503 came back: a retry waits
  CHECK_FALSE(pending.ready());
  CHECK(api.in_flight() == 1);
  CHECK(http.requests().size() == 1);
  api.clock().advance(499ms);
  CHECK(api.poll() == 0);
  CHECK(http.requests().size() == 1);  // not yet due
  api.clock().advance(1ms);
  CHECK(api.poll() == 0);               // sent again now...
  CHECK(http.requests().size() == 2);
  CHECK(api.poll() == 1);               // ...and answered
  REQUIRE(pending.ready());
  CHECK(pending.get().http_status() == 204);
  CHECK(pending.get().attempts() == 2);
  CHECK(api.clock().sleeps().empty());  // nothing blocked
}

TEST_CASE("a non-blocking call cancelled while waiting to retry completes as cancelled", "[client][retry][non-blocking]") {
  apidecl::mock_transport http;
  http.respond(503).respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{},
                                  apidecl::fixed_delay{10s, 3});
  auto pending = api.start(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  CHECK(api.poll() == 0);
  CHECK(api.cancel(pending));
  CHECK(api.poll() == 1);
  REQUIRE(pending.ready());
  REQUIRE(pending.get().failure_if() != nullptr);
  CHECK(pending.get().failure_if()->transport()->code == apidecl::transport_errc::cancelled);
  CHECK(pending.get().attempts() == 1);
  CHECK(http.requests().size() == 1);
  CHECK(api.in_flight() == 0);
}
