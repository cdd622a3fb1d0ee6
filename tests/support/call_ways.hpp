// The two ways a client is called, for tests that check both give the same: blocking (`call`),
// and polled (`start`, then `poll` once a frame) as a game's frame loop would.
#ifndef APIDECL_TESTS_SUPPORT_CALL_WAYS_HPP
#define APIDECL_TESTS_SUPPORT_CALL_WAYS_HPP

#include <catch2/catch.hpp>

#include <chrono>

namespace test_support {

enum class way { blocking, polled };

/// Runs `call` (given the client's `call` or `start` as a callable) to its result. A polled call
/// is driven frame by frame: poll, then `frame` passes on the client's clock, until it is ready
/// (or 10 000 frames, which only a hung call takes).
template <class Client, class Call>
auto run(way w, Client& api, Call&& call, std::chrono::milliseconds frame = std::chrono::milliseconds(16)) {
  if (w == way::blocking) return call([&](auto const&... args) { return api.call(args...); });
  auto pending = call([&](auto const&... args) { return api.start(args...); });
  for (int n = 0; n < 10000 && !pending.ready(); ++n) {
    api.poll();
    if (!pending.ready()) api.clock().advance(frame);
  }
  REQUIRE(pending.ready());
  return pending.get();
}

}  // namespace test_support

#endif
