// with_deadline: a call and all its retries end within a total time; the caller's own deadline
// still holds when nearer; and even a policy that ignores the time left is cut off.
#include <catch2/catch.hpp>

#include "scripted_call.hpp"

#include <apidecl/retry/fixed_delay.hpp>
#include <apidecl/retry/layer.hpp>
#include <apidecl/retry/with_deadline.hpp>

#include <optional>
#include <vector>

using namespace retry_test;

namespace {

// Retries every time after `delay`, ignoring the time left, and notes the time left it was told.
struct heedless {
  milliseconds delay;
  std::vector<std::optional<milliseconds>>* seen;
  apidecl::retry_decision decide(apidecl::attempt const& a) {
    seen->push_back(a.time_left);
    return apidecl::retry_decision::retry_after(delay, "again");
  }
};

}  // namespace

TEST_CASE("no retry is made whose delay would reach the deadline", "[retry][with_deadline]") {
  auto policy = apidecl::fixed_delay{300ms, 100} | apidecl::with_deadline(1s);
  apidecl::test_clock clock;
  // Each exchange takes 200 ms: attempts end at 200, 700 and 1200 ms; after the second,
  // 300 ms left would leave nothing for the third.
  call_record const r = call_with_retries<get_widget>(policy, clock, {answer(503)}, 200ms);
  CHECK(r.attempts == 2);
  CHECK(r.last.reason() == "the deadline would pass before the retry");
  CHECK(clock.now() == 700ms);
}

TEST_CASE("a deadline far enough away stops nothing", "[retry][with_deadline]") {
  auto policy = apidecl::fixed_delay{300ms, 4} | apidecl::with_deadline(1h);
  apidecl::test_clock clock;
  CHECK(call_with_retries<get_widget>(policy, clock, {answer(503)}, 200ms).attempts == 4);
}

TEST_CASE("the caller's deadline holds when it is nearer", "[retry][with_deadline]") {
  auto policy = apidecl::fixed_delay{300ms, 100} | apidecl::with_deadline(1h);
  apidecl::test_clock clock;
  CHECK(call_with_retries<get_widget>(policy, clock, {answer(503)}, 200ms, 1s).attempts == 2);
}

TEST_CASE("the policy inside sees the time left, the nearer of the two deadlines", "[retry][with_deadline]") {
  std::vector<std::optional<milliseconds>> seen;
  auto policy = heedless{100ms, &seen} | apidecl::with_deadline(10s);
  (void)policy.decide(scripted_attempt<get_widget>(answer(503), 1, 4s).a);
  (void)policy.decide(scripted_attempt<get_widget>(answer(503), 1, 4s, 2s).a);
  (void)policy.decide(scripted_attempt<get_widget>(answer(503), 1, 4s, 9s).a);
  (void)policy.decide(scripted_attempt<get_widget>(answer(503), 1, 12s).a);
  CHECK(seen == std::vector<std::optional<milliseconds>>{6s, 2s, 6s, -2s});
}

TEST_CASE("even a policy that ignores the time left is cut off", "[retry][with_deadline]") {
  std::vector<std::optional<milliseconds>> seen;
  auto policy = heedless{400ms, &seen} | apidecl::with_deadline(1s);
  CHECK(policy.decide(scripted_attempt<get_widget>(answer(200), 1, 500ms).a).should_retry());
  apidecl::retry_decision const d = policy.decide(scripted_attempt<get_widget>(answer(200), 1, 600ms).a);
  CHECK_FALSE(d.should_retry());
  CHECK(d.reason() == "the deadline would pass before the retry");
}

TEST_CASE("a call already past its deadline is not retried", "[retry][with_deadline]") {
  auto policy = apidecl::fixed_delay{0ms, 5} | apidecl::with_deadline(1s);
  CHECK_FALSE(policy.decide(scripted_attempt<get_widget>(answer(503), 1, 1s).a).should_retry());
  CHECK_FALSE(policy.decide(scripted_attempt<get_widget>(answer(503), 1, 3s).a).should_retry());
}
