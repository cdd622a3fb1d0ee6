// Clock and Sleeper: what models them, the test clock that tests retries without waiting, the
// system sleeper, and a non-blocking client's poll loop that needs only a Clock.
#include <catch2/catch.hpp>

#include "../retry/scripted_call.hpp"

#include <apidecl/client/client.hpp>
#include <apidecl/retry/fixed_delay.hpp>
#include <apidecl/clock/sleeper.hpp>
#include <apidecl/clock/system_sleeper.hpp>
#include <apidecl/clock/test_clock.hpp>
#include <apidecl/transport/mock.hpp>

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

// A non-blocking call to GET /widgets/1 through the real client over a mock that answers with
// `statuses`, retried by `policy`, on a frame clock that moves 16 ms a frame (60 frames a second).
// Returns when each attempt was sent, since the call began, and counts the frames it took.
template <class RetryPolicy>
std::vector<milliseconds> polled_call(RetryPolicy policy, std::vector<int> const& statuses, int& frames) {
  apidecl::mock_transport http;
  for (int status : statuses) http.respond(status);
  auto api = apidecl::make_client(http, frame_clock{}, policy);
  auto pending = api.start(get_widget{});
  std::vector<milliseconds> sent_at{0ms};
  for (frames = 0; frames < 1000 && !pending.ready(); ++frames) {
    std::size_t const before = http.requests().size();
    api.poll();
    if (http.requests().size() > before) sent_at.push_back(api.clock().time);
    api.clock().time += 16ms;
  }
  REQUIRE(pending.ready());
  CHECK(pending.get().attempts() == static_cast<int>(sent_at.size()));
  return sent_at;
}

}  // namespace

TEST_CASE("a type with now() and sleep_for(ms) is a Sleeper; with now() alone, a Clock", "[clock][sleeper]") {
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

TEST_CASE("the test clock moves only when told, and records each sleep", "[clock][sleeper]") {
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

TEST_CASE("the system sleeper's time goes forward and its sleep waits at least as asked", "[clock][sleeper]") {
  apidecl::system_sleeper sleeper;
  milliseconds const before = sleeper.now();
  sleeper.sleep_for(5ms);
  CHECK(sleeper.now() - before >= 5ms);
}

TEST_CASE("a blocking call sleeps for each retry's delay on its Sleeper", "[clock][sleeper]") {
  apidecl::fixed_delay policy{1s, 3};
  apidecl::test_clock clock;
  CHECK(call_with_retries<get_widget>(policy, clock, {answer(503)}, 50ms).attempts == 3);
  CHECK(clock.sleeps() == std::vector<milliseconds>{1s, 1s});
  CHECK(clock.now() == 2150ms);
}

TEST_CASE("a polled call sends again at the first frame after the delay, and never waits", "[clock][sleeper]") {
  int frames = 0;
  CHECK(polled_call(apidecl::fixed_delay{100ms, 3}, {503, 503, 503}, frames) ==
        std::vector<milliseconds>{0ms, 112ms, 240ms});
  CHECK(frames == 17);
}

TEST_CASE("a polled call ends at the first outcome the policy keeps", "[clock][sleeper]") {
  int frames = 0;
  CHECK(polled_call(apidecl::fixed_delay{100ms, 5}, {502, 200}, frames) == std::vector<milliseconds>{0ms, 112ms});
}
