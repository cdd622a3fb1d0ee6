// exponential_backoff: full jitter within a doubling bound up to a cap, a fixed number of attempts,
// the safety rules, and a random source that tests can fix.
#include <catch2/catch.hpp>

#include "scripted_call.hpp"

#include <apidecl/retry/exponential_backoff.hpp>
#include <apidecl/retry/splitmix64.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <vector>

using namespace retry_test;

namespace {

// The delays a policy draws after attempt `number`, `count` times.
template <class Policy>
std::vector<milliseconds> draws(Policy& policy, int number, int count) {
  std::vector<milliseconds> delays;
  for (int i = 0; i < count; ++i) {
    apidecl::retry_decision const d = policy.decide(scripted_attempt<get_widget>(answer(503), number).a);
    REQUIRE(d.should_retry());
    delays.push_back(d.delay());
  }
  return delays;
}

// Always the same number: makes the delay plain to see.
struct constant_source {
  std::uint64_t value;
  std::uint64_t operator()() const { return value; }
};

}  // namespace

TEST_CASE("the bound doubles from base with each attempt until it reaches the cap", "[retry][exponential_backoff]") {
  apidecl::exponential_backoff policy{100ms, 10s, 20};
  CHECK(policy.ceiling(1) == 100ms);
  CHECK(policy.ceiling(2) == 200ms);
  CHECK(policy.ceiling(3) == 400ms);
  CHECK(policy.ceiling(7) == 6400ms);
  CHECK(policy.ceiling(8) == 10s);
  CHECK(policy.ceiling(1000) == 10s);
}

TEST_CASE("the bound never overflows, whatever the attempt, base or cap", "[retry][exponential_backoff]") {
  apidecl::exponential_backoff huge{milliseconds::max() / 3, milliseconds::max(), 5};
  CHECK(huge.ceiling(1) == milliseconds::max() / 3);
  CHECK(huge.ceiling(2) == milliseconds::max() / 3 * 2);
  CHECK(huge.ceiling(3) == milliseconds::max());
  CHECK(huge.ceiling(1 << 30) == milliseconds::max());
  apidecl::exponential_backoff base_above_cap{5s, 1s, 5};
  CHECK(base_above_cap.ceiling(1) == 1s);
  apidecl::exponential_backoff negative{-5s, -1s, 5};
  CHECK(negative.ceiling(3) == 0ms);
}

TEST_CASE("each delay is drawn within [0, bound], and they differ", "[retry][exponential_backoff]") {
  apidecl::exponential_backoff policy{100ms, 10s, 20, apidecl::splitmix64(2024)};
  for (int number : {1, 2, 4, 9}) {
    milliseconds const bound = policy.ceiling(number);
    std::vector<milliseconds> const delays = draws(policy, number, 2000);
    auto const [low, high] = std::minmax_element(delays.begin(), delays.end());
    CHECK(*low >= 0ms);
    CHECK(*high <= bound);
    CHECK(*low < bound / 10);      // the whole range is used: full jitter
    CHECK(*high > bound * 9 / 10);
    CHECK(std::set<milliseconds>(delays.begin(), delays.end()).size() > 50);
  }
}

TEST_CASE("with a bound of zero every delay is zero", "[retry][exponential_backoff]") {
  apidecl::exponential_backoff policy{0ms, 10s, 5, apidecl::splitmix64(1)};
  for (milliseconds d : draws(policy, 3, 100)) CHECK(d == 0ms);
}

TEST_CASE("the delay is the random number modulo bound + 1", "[retry][exponential_backoff]") {
  apidecl::exponential_backoff policy{100ms, 10s, 5, constant_source{1234}};
  CHECK(draws(policy, 1, 1) == std::vector<milliseconds>{1234ms % 101});
  CHECK(draws(policy, 3, 1) == std::vector<milliseconds>{1234ms % 401});
}

TEST_CASE("the same seed gives the same delays; another seed, others", "[retry][exponential_backoff]") {
  apidecl::exponential_backoff a{100ms, 10s, 5, apidecl::splitmix64(42)};
  apidecl::exponential_backoff b{100ms, 10s, 5, apidecl::splitmix64(42)};
  apidecl::exponential_backoff c{100ms, 10s, 5, apidecl::splitmix64(43)};
  std::vector<milliseconds> const from_a = draws(a, 4, 20);
  CHECK(from_a == draws(b, 4, 20));
  CHECK(from_a != draws(c, 4, 20));
}

TEST_CASE("policies that seed themselves draw different delays", "[retry][exponential_backoff]") {
  apidecl::exponential_backoff a{100ms, 10s, 10};
  apidecl::exponential_backoff b{100ms, 10s, 10};
  CHECK(draws(a, 8, 20) != draws(b, 8, 20));
}

TEST_CASE("any source of 64-bit numbers can be injected, such as std::mt19937_64", "[retry][exponential_backoff]") {
  apidecl::exponential_backoff policy{100ms, 10s, 5, std::mt19937_64(7)};
  std::vector<milliseconds> const delays = draws(policy, 2, 200);
  CHECK(*std::max_element(delays.begin(), delays.end()) <= 200ms);
  CHECK(std::set<milliseconds>(delays.begin(), delays.end()).size() > 20);
}

TEST_CASE("exponential_backoff makes max_attempts attempts in all and follows the safety rules",
          "[retry][exponential_backoff]") {
  apidecl::exponential_backoff policy{100ms, 10s, 4, apidecl::splitmix64(5)};
  apidecl::test_clock clock;
  call_record const r = call_with_retries<get_widget>(policy, clock, {answer(503)});
  CHECK(r.attempts == 4);
  CHECK(r.last.reason() == "no attempts left");
  REQUIRE(clock.sleeps().size() == 3);
  for (std::size_t i = 0; i < 3; ++i) CHECK(clock.sleeps()[i] <= policy.ceiling(int(i) + 1));

  CHECK(call_with_retries<get_widget>(policy, clock, {answer(404)}).attempts == 1);
  CHECK(call_with_retries<create_widget>(policy, clock, {answer(503)}).attempts == 1);
  CHECK(call_with_retries<create_widget>(policy, clock, {refused(), answer(201)}).attempts == 2);
}

TEST_CASE("splitmix64 gives the reference sequence and is a 64-bit generator", "[retry][exponential_backoff]") {
  apidecl::splitmix64 random(1234567);
  CHECK(random() == 6457827717110365317u);
  CHECK(random() == 3203168211198807973u);
  CHECK(random() == 9817491932198370423u);
  STATIC_REQUIRE(apidecl::splitmix64::min() == 0);
  STATIC_REQUIRE(apidecl::splitmix64::max() == UINT64_MAX);
  CHECK(apidecl::splitmix64::unique_seed() != apidecl::splitmix64::unique_seed());
}
