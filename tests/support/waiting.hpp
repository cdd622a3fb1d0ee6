// Waiting in a test for what another thread or process does, without betting on how fast a
// loaded machine is: wait for the condition itself, with a cap that only stops a hang; and where a
// test is about a timeout firing, timeouts that grow until it fires at the point under test.
#ifndef APIDECL_TESTS_SUPPORT_WAITING_HPP
#define APIDECL_TESTS_SUPPORT_WAITING_HPP

#include <chrono>
#include <thread>

namespace test_support {

/// Checks `done` until it holds, or until a minute has passed (a hang, not a slow machine).
/// Returns whether it holds.
template <class Done>
bool eventually(Done done) {
  auto const cap = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (!done()) {
    if (std::chrono::steady_clock::now() >= cap) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

/// Runs `attempt(timeout)` with a short timeout first and longer ones after, until
/// `fired_in_time(outcome)` says the timeout fired where the test wants it (after the request was
/// written, say), and returns that outcome, or the last one. A slow machine costs time, never a
/// failure; a transport that is wrong fails every attempt.
template <class Attempt, class FiredInTime>
auto with_growing_timeouts(Attempt attempt, FiredInTime fired_in_time) {
  using std::chrono::milliseconds;
  auto outcome = attempt(milliseconds(250));
  for (milliseconds timeout : {milliseconds(1000), milliseconds(4000), milliseconds(16000)}) {
    if (fired_in_time(outcome)) break;
    outcome = attempt(timeout);
  }
  return outcome;
}

}  // namespace test_support

#endif
