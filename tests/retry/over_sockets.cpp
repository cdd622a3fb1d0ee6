// Retries against faults injected by the emulator over real sockets: the test_clock stands in for
// the waits, so nothing sleeps, while the exchanges are real.
#include <catch2/catch.hpp>

#include "../support/emulator.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/apis/ondemand/ondemand.hpp>
#include <apidecl/auth/openssl_sha256.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/retry/retry.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/transport/curl.hpp>
#include <apidecl/transport/curl_multi.hpp>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace c24 = apidecl::cielo24;
namespace od = apidecl::ondemand;
using namespace std::chrono_literals;

namespace {

constexpr char const* token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr char const* job = "64bea283eff6475ea6596027a6ba0929";

auto backoff() { return apidecl::exponential_backoff{100ms, 2s, 4, apidecl::splitmix64(7)} | apidecl::honour_retry_after(30s); }

// A cielo24 client over `http` that retries with backoff() and waits on a test clock.
template <class Transport>
auto retrying_cielo24_client(Transport& http) {
  return apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{token}, apidecl::test_clock{},
                              backoff());
}

}  // namespace

TEST_CASE("503 with Retry-After, then success: waited as the server asked", "[retry][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  REQUIRE(emulator.fault("path=/api/job/authorize&kind=status&status=503&retry_after=3"));
  apidecl::curl_transport http(emulator.transport_options());
  auto api = retrying_cielo24_client(http);
  auto const r = api.call(c24::authorize_job, c24::job_id = job);
  CHECK(r.http_status() == 204);
  CHECK(r.attempts() == 2);
  CHECK(api.clock().sleeps() == std::vector<std::chrono::milliseconds>{3s});
  CHECK(emulator.count().requests == 2);
}

TEST_CASE("connection closed mid-response: Authorize Job (idempotent) is sent again", "[retry][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  REQUIRE(emulator.fault("path=/api/job/authorize&kind=close_during"));
  apidecl::curl_transport http(emulator.transport_options());
  auto api = retrying_cielo24_client(http);
  auto const r = api.call(c24::authorize_job, c24::job_id = job);
  CHECK(r.http_status() == 204);
  CHECK(r.attempts() == 2);
}

TEST_CASE("connection closed mid-response: Delete Job (not idempotent) is not sent again", "[retry][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  REQUIRE(emulator.fault("path=/api/job/delete&kind=close_during"));
  apidecl::curl_transport http(emulator.transport_options());
  auto api = retrying_cielo24_client(http);
  auto const r = api.call(c24::delete_job, c24::job_id = job);
  REQUIRE(r.failure_if() != nullptr);
  CHECK(r.failure_if()->transport()->code == apidecl::transport_errc::connection_lost);
  CHECK(r.attempts() == 1);
  CHECK(emulator.count().requests == 1);
  // The job was in fact deleted: a repeat would have reported an error for a job that is gone.
  CHECK_FALSE(emulator.job_status(job));
}

TEST_CASE("connection closed mid-response: Authorize Quote (a POST) is not sent again", "[retry][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  REQUIRE(emulator.fault("path=/api/quote/795/authorize&kind=close_during"));
  apidecl::curl_transport http(emulator.transport_options());
  auto lod = apidecl::make_client(http, apidecl::pugixml_serializer{}, apidecl::test_clock{}, backoff(),
                                  od::signer({"demo-key-id", "demo-secret-key"}, apidecl::openssl_sha256{}));
  od::quote q;
  q.quote_id = od::ids::quote("795");
  auto const r = lod.call(od::authorize_quote, od::quote_id = "795", apidecl::body = q);
  REQUIRE(r.failure_if() != nullptr);
  CHECK(r.failure_if()->transport()->code == apidecl::transport_errc::connection_lost);
  CHECK(r.attempts() == 1);
}

TEST_CASE("non-blocking: a 503 is sent again from the poll loop once due, blocking nothing", "[retry][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  REQUIRE(emulator.fault("path=/api/job/authorize&kind=status&status=503&retry_after=2"));
  apidecl::curl_multi_transport http(emulator.transport_options());
  auto api = retrying_cielo24_client(http);
  auto pending = api.start(c24::authorize_job, c24::job_id = job);
  // Until the 503 is in: then no exchange is in flight, and the call waits for its retry.
  for (auto const cap = std::chrono::steady_clock::now() + 20s; http.in_flight() > 0 && std::chrono::steady_clock::now() < cap;)
    api.poll();
  REQUIRE(http.in_flight() == 0);
  CHECK_FALSE(pending.ready());  // the test clock has not moved: the retry is not due
  CHECK(api.in_flight() == 1);
  CHECK(api.poll() == 0);
  CHECK(emulator.count().requests == 1);
  api.clock().advance(2s);
  for (auto const cap = std::chrono::steady_clock::now() + 20s; !pending.ready() && std::chrono::steady_clock::now() < cap;)
    api.poll();
  REQUIRE(pending.ready());
  CHECK(pending.get().http_status() == 204);
  CHECK(pending.get().attempts() == 2);
  CHECK(api.clock().sleeps().empty());
}

namespace {
// An AsyncTransport that keeps the header block of each request it starts, then hands it on.
struct recording_transport {
  apidecl::curl_multi_transport& inner;
  std::vector<std::string> headers;
  apidecl::exchange_id start(apidecl::request const& r, apidecl::exchange_handler on_done) {
    headers.emplace_back(r.headers().text());
    return inner.start(r, std::move(on_done));
  }
  std::size_t poll() { return inner.poll(); }
  bool cancel(apidecl::exchange_id id) { return inner.cancel(id); }
  std::size_t in_flight() const { return inner.in_flight(); }
};

// A UTC clock whose time moves on one second at each reading.
struct ticking_utc_clock {
  std::int64_t* second;
  apidecl::utc_timestamp now() const { return *apidecl::utc_timestamp::from_unix_time(1400000000 + (*second)++); }
};
}  // namespace

TEST_CASE("non-blocking: an onDemand retry sent from poll is signed anew, and the service accepts it",
          "[retry][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  REQUIRE(emulator.fault("path=/api/quote/795/authorize&kind=status&status=503&retry_after=1"));
  apidecl::curl_multi_transport multi(emulator.transport_options());
  recording_transport http{multi, {}};
  std::int64_t second = 0;
  auto lod = apidecl::make_client(
      http, apidecl::pugixml_serializer{}, apidecl::test_clock{}, backoff() | apidecl::retry_non_idempotent(),
      od::signer<apidecl::openssl_sha256, ticking_utc_clock>({"demo-key-id", "demo-secret-key"}, {},
                                                             ticking_utc_clock{&second}));
  od::quote q;
  q.quote_id = od::ids::quote("795");
  auto pending = lod.start(od::authorize_quote, od::quote_id = "795", apidecl::body = q);
  for (auto const cap = std::chrono::steady_clock::now() + 20s; !pending.ready() && std::chrono::steady_clock::now() < cap;) {
    lod.poll();
    if (multi.in_flight() == 0) lod.clock().advance(100ms);  // waiting: let the retry come due
  }
  REQUIRE(pending.ready());
  CHECK(pending.get().http_status() == 202);  // the emulator checked the second attempt's signature
  CHECK(pending.get().attempts() == 2);
  REQUIRE(http.headers.size() == 2);
  apidecl::header_list const first(http.headers[0]), second_attempt(http.headers[1]);
  CHECK(first.find("x-lod-timestamp") == "2014-05-13T16:53:20");
  CHECK(second_attempt.find("x-lod-timestamp") == "2014-05-13T16:53:21");
  CHECK(first.find("Authorization") != second_attempt.find("Authorization"));
}
