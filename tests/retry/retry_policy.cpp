// The Retry requirement: what models it (the exemplar, a user's own policy, the ready ones and
// any of them with layers on top), what does not, and the decision a policy returns.
#include <catch2/catch.hpp>

#include "scripted_call.hpp"

#include <apidecl/retry/exponential_backoff.hpp>
#include <apidecl/retry/fixed_delay.hpp>
#include <apidecl/retry/honour_retry_after.hpp>
#include <apidecl/retry/layer.hpp>
#include <apidecl/retry/no_retry.hpp>
#include <apidecl/retry/on_retry.hpp>
#include <apidecl/retry/retry_budget.hpp>
#include <apidecl/retry/retry_non_idempotent.hpp>
#include <apidecl/retry/retry_policy.hpp>
#include <apidecl/retry/retry_statuses.hpp>
#include <apidecl/retry/rules.hpp>
#include <apidecl/retry/with_deadline.hpp>

using namespace retry_test;

namespace {

// The exemplar of the requirement's documentation.
struct my_policy {
  apidecl::retry_decision decide(apidecl::attempt const& a);
};
static_assert(apidecl::is_retry_policy_v<my_policy>);

// A user's own policy: retry a 503 only, three attempts in all, one second apart, and never a
// request that the safety rules say could act twice.
struct retry_503_three_times {
  apidecl::retry_decision decide(apidecl::attempt const& a) const {
    if (a.status != 503) return apidecl::retry_decision::stop("not a 503");
    if (!apidecl::safe_to_repeat(a)) return apidecl::retry_decision::stop("not safe to repeat");
    if (a.number >= 3) return apidecl::retry_decision::stop("third 503");
    return apidecl::retry_decision::retry_after(1s, "503, once more");
  }
};
static_assert(apidecl::is_retry_policy_v<retry_503_three_times>);

struct without_decide {
  apidecl::retry_decision should_retry(apidecl::attempt const& a);
};
struct decides_from_a_mutable_attempt {
  apidecl::retry_decision decide(apidecl::attempt& a);
};
struct decides_yes_or_no {
  bool decide(apidecl::attempt const& a);
};

// A layer of the user's own: never wait longer than 2 s.
struct at_most_two_seconds {
  template <class RetryPolicy>
  apidecl::retry_decision decide(RetryPolicy& inner, apidecl::attempt const& a) {
    apidecl::retry_decision const d = inner.decide(a);
    if (!d.should_retry() || d.delay() <= 2s) return d;
    return apidecl::retry_decision::retry_after(2s, d.reason());
  }
};

}  // namespace

TEST_CASE("a type with decide(attempt const&) returning a retry_decision is a Retry policy", "[retry]") {
  STATIC_REQUIRE(apidecl::is_retry_policy_v<my_policy>);
  STATIC_REQUIRE(apidecl::is_retry_policy_v<my_policy&>);
  STATIC_REQUIRE_FALSE(apidecl::is_retry_policy_v<without_decide>);
  STATIC_REQUIRE_FALSE(apidecl::is_retry_policy_v<decides_from_a_mutable_attempt>);
  STATIC_REQUIRE_FALSE(apidecl::is_retry_policy_v<decides_yes_or_no>);
  STATIC_REQUIRE_FALSE(apidecl::is_retry_policy_v<int>);
}

TEST_CASE("every ready policy, and a policy with layers on top, is a Retry policy", "[retry]") {
  STATIC_REQUIRE(apidecl::is_retry_policy_v<apidecl::no_retry>);
  STATIC_REQUIRE(apidecl::is_retry_policy_v<apidecl::fixed_delay>);
  STATIC_REQUIRE(apidecl::is_retry_policy_v<apidecl::exponential_backoff<>>);
  apidecl::retry_budget budget{10, 0.1};
  auto layered = apidecl::exponential_backoff{100ms, 10s, 5} | apidecl::retry_statuses<503>() |
                 apidecl::retry_non_idempotent() | apidecl::honour_retry_after(60s) | apidecl::with_budget(budget) |
                 apidecl::with_deadline(30s) | apidecl::on_retry([](auto const&, auto const&) {});
  STATIC_REQUIRE(apidecl::is_retry_policy_v<decltype(layered)>);
}

TEST_CASE("each ready layer is a Layer, and policies are not", "[retry]") {
  STATIC_REQUIRE(apidecl::is_retry_layer_v<at_most_two_seconds>);
  STATIC_REQUIRE(apidecl::is_retry_layer_v<decltype(apidecl::retry_statuses<503>())>);
  STATIC_REQUIRE(apidecl::is_retry_layer_v<decltype(apidecl::retry_non_idempotent())>);
  STATIC_REQUIRE(apidecl::is_retry_layer_v<decltype(apidecl::honour_retry_after(60s))>);
  STATIC_REQUIRE(apidecl::is_retry_layer_v<apidecl::with_budget_layer>);
  STATIC_REQUIRE(apidecl::is_retry_layer_v<apidecl::with_deadline_layer>);
  auto const hook = apidecl::on_retry([](auto const&, auto const&) {});
  STATIC_REQUIRE(apidecl::is_retry_layer_v<decltype(hook)>);
  STATIC_REQUIRE_FALSE(apidecl::is_retry_layer_v<apidecl::fixed_delay>);
  STATIC_REQUIRE_FALSE(apidecl::is_retry_layer_v<my_policy>);
}

TEST_CASE("a user-written policy drives a call: three attempts on 503, one second apart", "[retry]") {
  retry_503_three_times policy;
  apidecl::test_clock clock;
  call_record const r = call_with_retries<get_widget>(policy, clock, {answer(503)});
  CHECK(r.attempts == 3);
  CHECK(r.last.reason() == "third 503");
  CHECK(clock.sleeps() == std::vector<milliseconds>{1s, 1s});
}

TEST_CASE("a user-written policy stops at the first outcome that is not a 503", "[retry]") {
  retry_503_three_times policy;
  apidecl::test_clock clock;
  CHECK(call_with_retries<get_widget>(policy, clock, {answer(503), answer(200)}).attempts == 2);
  CHECK(call_with_retries<get_widget>(policy, clock, {answer(502)}).attempts == 1);
  CHECK(call_with_retries<get_widget>(policy, clock, {fails(apidecl::transport_errc::timed_out)}).attempts == 1);
  CHECK(call_with_retries<create_widget>(policy, clock, {answer(503)}).last.reason() == "not safe to repeat");
}

TEST_CASE("a user-written policy takes the ready layers, and a ready policy a user's layer", "[retry]") {
  auto policy = retry_503_three_times{} | apidecl::with_deadline(1500ms);
  apidecl::test_clock clock;
  call_record const r = call_with_retries<get_widget>(policy, clock, {answer(503)});
  CHECK(r.attempts == 2);
  CHECK(r.last.reason() == "the deadline would pass before the retry");

  auto capped = apidecl::fixed_delay{5s, 3} | at_most_two_seconds{};
  apidecl::test_clock other;
  CHECK(call_with_retries<get_widget>(capped, other, {answer(503)}).attempts == 3);
  CHECK(other.sleeps() == std::vector<milliseconds>{2s, 2s});
}

TEST_CASE("no_retry makes one attempt, whatever the outcome", "[retry]") {
  apidecl::no_retry policy;
  apidecl::test_clock clock;
  for (auto const& outcome : {answer(200), answer(503), refused(), fails(apidecl::transport_errc::timed_out)}) {
    call_record const r = call_with_retries<get_widget>(policy, clock, {outcome});
    CHECK(r.attempts == 1);
    CHECK(r.last.reason() == "retries are off");
  }
  CHECK(clock.sleeps().empty());
}

TEST_CASE("a decision to stop waits for nothing, and a retry never waits a negative time", "[retry]") {
  constexpr apidecl::retry_decision stop = apidecl::retry_decision::stop("done");
  STATIC_REQUIRE_FALSE(stop.should_retry());
  STATIC_REQUIRE(stop.delay() == 0ms);
  STATIC_REQUIRE(stop.reason() == "done");

  constexpr apidecl::retry_decision again = apidecl::retry_decision::retry_after(250ms, "503 Service Unavailable");
  STATIC_REQUIRE(again.should_retry());
  STATIC_REQUIRE(again.delay() == 250ms);
  STATIC_REQUIRE(again.reason() == "503 Service Unavailable");

  STATIC_REQUIRE(apidecl::retry_decision::retry_after(-5ms, "clock skew").delay() == 0ms);
}

TEST_CASE("make_attempt fills in what the endpoint declares and what happened", "[retry]") {
  apidecl::transport_result const busy = answer(503, "Retry-After: 5\r\n");
  apidecl::attempt const a = apidecl::make_attempt<create_widget>(2, busy, 1200ms, 800ms);
  CHECK(a.number == 2);
  CHECK(a.method == apidecl::method::post);
  CHECK_FALSE(a.idempotent);
  CHECK(a.status == 503);
  CHECK(a.headers.find("Retry-After") == std::optional<std::string_view>("5"));
  CHECK(a.error == nullptr);
  CHECK(a.elapsed == 1200ms);
  CHECK(a.time_left == std::optional<milliseconds>(800ms));

  apidecl::transport_result const lost = fails(apidecl::transport_errc::connection_lost);
  apidecl::attempt const b = apidecl::make_attempt<get_report>(1, lost, 0ms);
  CHECK(b.idempotent);
  CHECK(b.status == 0);
  CHECK(b.headers.empty());
  REQUIRE(b.error == &lost.error());
  CHECK(b.retryable_statuses.size() == 1);
  CHECK_FALSE(b.time_left.has_value());
}
