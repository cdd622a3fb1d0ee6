#ifndef APIDECL_CLOCK_SYSTEM_SLEEPER_HPP
#define APIDECL_CLOCK_SYSTEM_SLEEPER_HPP

#include <chrono>
#include <thread>

namespace apidecl {

/// The Sleeper of a blocking client on an ordinary system: the steady clock, and
/// `std::this_thread::sleep_for`, which blocks the calling thread.
struct system_sleeper {
  std::chrono::milliseconds now() const noexcept {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch());
  }
  void sleep_for(std::chrono::milliseconds d) const { std::this_thread::sleep_for(d); }
};

}  // namespace apidecl

#endif
