// Clock and Sleeper: what models them, the test clock that tests retries without waiting, the
// system sleeper, and a non-blocking client's poll loop that needs only a Clock.
#include <catch2/catch.hpp>

#include "scripted_call.hpp"

#include <apidecl/retry/fixed_delay.hpp>
#include <apidecl/retry/sleeper.hpp>
#include <apidecl/retry/system_sleeper.hpp>
#include <apidecl/retry/test_clock.hpp>

#include <vector>

using namespace retry_test;

namespace {

// The exemplar of the requirements' documentation.
struct my_sleeper {
  milliseconds now();
  void sleep_for(milliseconds);
};

// A game engine's frame clock: it tells the time and cannot block.
struct frame_clock {
  milliseconds time{0};
  milliseconds now() const { return time; }
};

struct sleeps_only {
  void sleep_for(milliseconds);
};
struct tells_time_in_a_double {
  double now();
  void sleep_for(milliseconds);
};

// A non-blocking client's handling of one call: its poll loop calls poll() every frame, which
// sends (here: takes the next scripted outcome, answered at once) when the time the last
// decision named has come. Nothing waits: the delay only sets the time of the next send.
template <class Endpoint, class RetryPolicy, class Clock>
class polled_call {
 public:
  polled_call(RetryPolicy& policy, Clock& clock, std::vector<apidecl::transport_result> script)
      : policy_(policy), clock_(clock), script_(std::move(script)), started_(clock.now()), next_send_(started_) {}

  /// One turn of the poll loop; false once the call is over.
  bool poll() {
    if (over_) return false;
    if (clock_.now() < next_send_) return true;
    sent_at.push_back(clock_.now() - started_);
    int const number = static_cast<int>(sent_at.size());
    apidecl::transport_result const& received = script_[std::min(script_.size(), sent_at.size()) - 1];
    apidecl::retry_decision const d =
        policy_.decide(apidecl::make_attempt<Endpoint>(number, received, clock_.now() - started_));
    if (!d.should_retry()) {
      over_ = true;
      return false;
    }
    next_send_ = clock_.now() + d.delay();
    return true;
  }

  std::vector<milliseconds> sent_at;  ///< since the call began

 private:
  RetryPolicy& policy_;
  Clock& clock_;
  std::vector<apidecl::transport_result> script_;
  milliseconds started_;
  milliseconds next_send_;
  bool over_ = false;
};

}  // namespace

TEST_CASE("a type with now() and sleep_for(ms) is a Sleeper; with now() alone, a Clock", "[retry][sleeper]") {
  STATIC_REQUIRE(apidecl::is_sleeper_v<my_sleeper>);
  STATIC_REQUIRE(apidecl::is_sleeper_v<apidecl::system_sleeper>);
  STATIC_REQUIRE(apidecl::is_sleeper_v<apidecl::test_clock>);
  STATIC_REQUIRE(apidecl::is_sleeper_v<apidecl::test_clock&>);
  STATIC_REQUIRE(apidecl::is_clock_v<frame_clock>);
  STATIC_REQUIRE(apidecl::is_clock_v<apidecl::system_sleeper>);
  STATIC_REQUIRE_FALSE(apidecl::is_sleeper_v<frame_clock>);
  STATIC_REQUIRE_FALSE(apidecl::is_clock_v<sleeps_only>);
  STATIC_REQUIRE_FALSE(apidecl::is_sleeper_v<sleeps_only>);
  STATIC_REQUIRE_FALSE(apidecl::is_clock_v<tells_time_in_a_double>);
  STATIC_REQUIRE_FALSE(apidecl::is_sleeper_v<int>);
}

TEST_CASE("the test clock moves only when told, and records each sleep", "[retry][sleeper]") {
  apidecl::test_clock clock;
  CHECK(clock.now() == 0ms);
  clock.advance(250ms);
  CHECK(clock.now() == 250ms);
  clock.sleep_for(1s);
  clock.sleep_for(0ms);
  clock.sleep_for(20ms);
  CHECK(clock.now() == 1270ms);
  CHECK(clock.sleeps() == std::vector<milliseconds>{1s, 0ms, 20ms});
}

TEST_CASE("the system sleeper's time goes forward and its sleep waits at least as asked", "[retry][sleeper]") {
  apidecl::system_sleeper sleeper;
  milliseconds const before = sleeper.now();
  sleeper.sleep_for(5ms);
  CHECK(sleeper.now() - before >= 5ms);
}

TEST_CASE("a blocking call sleeps for each retry's delay on its Sleeper", "[retry][sleeper]") {
  apidecl::fixed_delay policy{1s, 3};
  apidecl::test_clock clock;
  CHECK(call_with_retries<get_widget>(policy, clock, {answer(503)}, 50ms).attempts == 3);
  CHECK(clock.sleeps() == std::vector<milliseconds>{1s, 1s});
  CHECK(clock.now() == 2150ms);
}

TEST_CASE("a polled call sends again at the first frame after the delay, and never waits", "[retry][sleeper]") {
  apidecl::fixed_delay policy{100ms, 3};
  frame_clock clock;
  polled_call<get_widget, apidecl::fixed_delay, frame_clock> call(policy, clock, {answer(503)});
  int frames = 0;
  while (call.poll()) {
    clock.time += 16ms;  // 60 frames a second
    ++frames;
  }
  CHECK(call.sent_at == std::vector<milliseconds>{0ms, 112ms, 224ms});
  CHECK(frames == 14);
}

TEST_CASE("a polled call ends at the first outcome the policy keeps", "[retry][sleeper]") {
  apidecl::fixed_delay policy{100ms, 5};
  frame_clock clock;
  polled_call<get_widget, apidecl::fixed_delay, frame_clock> call(policy, clock, {answer(502), answer(200)});
  while (call.poll()) clock.time += 16ms;
  CHECK(call.sent_at == std::vector<milliseconds>{0ms, 112ms});
}
