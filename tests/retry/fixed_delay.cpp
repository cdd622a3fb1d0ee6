// fixed_delay: the same wait each time, a fixed number of attempts, and the safety rules.
#include <catch2/catch.hpp>

#include "scripted_call.hpp"

#include <apidecl/retry/fixed_delay.hpp>

#include <vector>

using namespace retry_test;

TEST_CASE("fixed_delay waits the same time before each retry", "[retry][fixed_delay]") {
  apidecl::fixed_delay policy{1s, 4};
  apidecl::test_clock clock;
  call_record const r =
      call_with_retries<get_widget>(policy, clock, {answer(503), answer(502), answer(504), answer(200)});
  CHECK(r.attempts == 4);
  CHECK(r.last.reason() == "not a transient failure");
  CHECK(clock.sleeps() == std::vector<milliseconds>{1s, 1s, 1s});
}

TEST_CASE("fixed_delay makes max_attempts attempts in all, the first included", "[retry][fixed_delay]") {
  apidecl::fixed_delay policy{250ms, 3};
  apidecl::test_clock clock;
  call_record const r = call_with_retries<get_widget>(policy, clock, {answer(503)});
  CHECK(r.attempts == 3);
  CHECK(r.last.reason() == "no attempts left");
  CHECK(clock.now() == 500ms);
}

TEST_CASE("fixed_delay with one attempt, or none, never retries", "[retry][fixed_delay]") {
  apidecl::test_clock clock;
  for (int max_attempts : {1, 0, -3}) {
    apidecl::fixed_delay policy{1s, max_attempts};
    CHECK(call_with_retries<get_widget>(policy, clock, {answer(503)}).attempts == 1);
  }
  CHECK(clock.sleeps().empty());
}

TEST_CASE("fixed_delay stops at once on success", "[retry][fixed_delay]") {
  apidecl::fixed_delay policy{1s, 5};
  apidecl::test_clock clock;
  CHECK(call_with_retries<get_widget>(policy, clock, {answer(200)}).attempts == 1);
  CHECK(clock.sleeps().empty());
}

TEST_CASE("fixed_delay stops when the wait would overrun the caller's deadline", "[retry][fixed_delay]") {
  apidecl::fixed_delay policy{1s, 10};
  apidecl::test_clock clock;
  // Each exchange takes 400 ms: attempts end at 0.4, 1.8 and 3.2 s; a fourth would start at 4.2 s.
  call_record const r = call_with_retries<get_widget>(policy, clock, {answer(503)}, 400ms, 4s);
  CHECK(r.attempts == 3);
  CHECK(r.last.reason() == "the deadline would pass before the retry");
  CHECK(clock.now() == 3200ms);
}
