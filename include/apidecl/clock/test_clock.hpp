#ifndef APIDECL_CLOCK_TEST_CLOCK_HPP
#define APIDECL_CLOCK_TEST_CLOCK_HPP

#include <chrono>
#include <vector>

namespace apidecl {

/// A Sleeper for tests: its time moves only when told. `sleep_for` returns at once, having moved
/// the time on by the delay and recorded it, so a test of retries takes no time and can check
/// every wait.
class test_clock {
 public:
  std::chrono::milliseconds now() const noexcept { return now_; }
  void sleep_for(std::chrono::milliseconds d) {
    sleeps_.push_back(d);
    now_ += d;
  }

  /// Moves the time on, as an exchange taking `d` would.
  void advance(std::chrono::milliseconds d) noexcept { now_ += d; }
  /// Every `sleep_for` so far, in order.
  std::vector<std::chrono::milliseconds> const& sleeps() const noexcept { return sleeps_; }

 private:
  std::chrono::milliseconds now_{0};
  std::vector<std::chrono::milliseconds> sleeps_;
};

}  // namespace apidecl

#endif
