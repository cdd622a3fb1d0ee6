// honour_retry_after: the wait a server asks for is kept, up to a bound; past the bound the client
// stops; a value that cannot be read changes nothing; and the layer never overrides a stop.
#include <catch2/catch.hpp>

#include "scripted_call.hpp"

#include <apidecl/retry/fixed_delay.hpp>
#include <apidecl/retry/honour_retry_after.hpp>
#include <apidecl/retry/layer.hpp>

#include <chrono>

using namespace retry_test;

namespace {

// 6 Nov 1994 08:49:37 GMT, for dates without a Date field.
struct fixed_utc_clock {
  apidecl::utc_timestamp now() const { return *apidecl::utc_timestamp::from_unix_time(784111777); }
};

auto policy(milliseconds delay, milliseconds bound) {
  return apidecl::fixed_delay{delay, 5} | apidecl::honour_retry_after(bound, fixed_utc_clock{});
}

template <class Policy>
apidecl::retry_decision after(Policy& p, apidecl::transport_result outcome,
                              std::optional<milliseconds> time_left = std::nullopt) {
  return p.decide(scripted_attempt<get_widget>(std::move(outcome), 1, 0ms, time_left).a);
}

}  // namespace

TEST_CASE("a retry waits as long as Retry-After asks when that is longer", "[retry][honour_retry_after]") {
  auto p = policy(100ms, 60s);
  apidecl::retry_decision const d = after(p, answer(503, "Retry-After: 5\r\n"));
  CHECK(d.should_retry());
  CHECK(d.delay() == 5s);
  CHECK(d.reason() == "503 Service Unavailable");
}

TEST_CASE("a retry keeps the policy's own delay when that is longer", "[retry][honour_retry_after]") {
  auto p = policy(10s, 60s);
  CHECK(after(p, answer(429, "Retry-After: 5\r\n")).delay() == 10s);
}

TEST_CASE("Retry-After as an HTTP-date is measured from the Date field, else the wall clock",
          "[retry][honour_retry_after]") {
  auto p = policy(100ms, 60s);
  CHECK(after(p, answer(503, "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
                             "Retry-After: Sun, 06 Nov 1994 08:50:17 GMT\r\n"))
            .delay() == 40s);
  CHECK(after(p, answer(503, "Retry-After: Sun, 06 Nov 1994 08:49:57 GMT\r\n")).delay() == 20s);
}

TEST_CASE("a server that asks for more than the bound is not waited for", "[retry][honour_retry_after]") {
  auto p = policy(100ms, 60s);
  CHECK(after(p, answer(503, "Retry-After: 60\r\n")).should_retry());
  apidecl::retry_decision const d = after(p, answer(503, "Retry-After: 61\r\n"));
  CHECK_FALSE(d.should_retry());
  CHECK(d.reason() == "Retry-After asks for a longer wait than the bound");
  CHECK_FALSE(after(p, answer(503, "Retry-After: 3600\r\n")).should_retry());
  CHECK_FALSE(after(p, answer(503, "Retry-After: 99999999999999999999999\r\n")).should_retry());
  CHECK_FALSE(after(p, answer(503, "Retry-After: Fri, 31 Dec 9999 23:59:59 GMT\r\n")).should_retry());
}

TEST_CASE("a Retry-After that cannot be read leaves the policy's decision as it is", "[retry][honour_retry_after]") {
  auto p = policy(100ms, 60s);
  for (std::string_view headers : {"Retry-After: -5\r\n", "Retry-After: later\r\n", "Retry-After: 1.5\r\n",
                                   "Retry-After: Mon, 06 Nov 1994 08:49:57 GMT\r\n", ""}) {
    apidecl::retry_decision const d = after(p, answer(503, headers));
    CHECK(d.should_retry());
    CHECK(d.delay() == 100ms);
  }
}

TEST_CASE("Retry-After never turns a stop into a retry", "[retry][honour_retry_after]") {
  auto p = policy(100ms, 60s);
  CHECK_FALSE(after(p, answer(200, "Retry-After: 5\r\n")).should_retry());
  CHECK_FALSE(after(p, answer(400, "Retry-After: 5\r\n")).should_retry());
  apidecl::retry_decision const post =
      p.decide(scripted_attempt<create_widget>(answer(429, "Retry-After: 5\r\n")).a);
  CHECK_FALSE(post.should_retry());
  CHECK(post.reason() == "not idempotent, and the request may have reached the server");
}

TEST_CASE("a wait Retry-After lengthens must still end before the caller's deadline", "[retry][honour_retry_after]") {
  auto p = policy(100ms, 60s);
  CHECK(after(p, answer(503, "Retry-After: 20\r\n"), 30s).should_retry());
  apidecl::retry_decision const d = after(p, answer(503, "Retry-After: 20\r\n"), 10s);
  CHECK_FALSE(d.should_retry());
  CHECK(d.reason() == "the deadline would pass before the retry");
}

TEST_CASE("a call through honour_retry_after sleeps what the server asked", "[retry][honour_retry_after]") {
  auto p = policy(100ms, 60s);
  apidecl::test_clock clock;
  call_record const r = call_with_retries<get_widget>(
      p, clock, {answer(503, "Retry-After: 2\r\n"), answer(429, "Retry-After: 7\r\n"), answer(503), answer(200)});
  CHECK(r.attempts == 4);
  CHECK(clock.sleeps() == std::vector<milliseconds>{2s, 7s, 100ms});
}
