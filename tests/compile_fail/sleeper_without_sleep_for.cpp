// Generic code that waits checks its Sleeper with the library's diagnosis: a clock whose
// sleep_for takes seconds as a double does not compile there, and the one error says what the
// requirement is. (A client given that clock takes it as a Clock, and its blocking call says it
// needs a Sleeper: blocking_call_with_a_clock.cpp.)
// expect: sleeper_lacks_sleep_for<frame_sleeper>
// expect: apidecl: a Sleeper must provide 'void sleep_for(std::chrono::milliseconds)'
#include <apidecl/clock/sleeper.hpp>

#include <chrono>

struct frame_sleeper {
  std::chrono::milliseconds now() const { return std::chrono::milliseconds(16); }
#ifdef APIDECL_TWIN
  void sleep_for(std::chrono::milliseconds) {}
#else
  void sleep_for(double seconds, bool spin);
#endif
};

/// Waits out `pause` on `sleeper`, as a user's own retry loop does between attempts.
template <class Sleeper>
std::chrono::milliseconds wait_then_read(Sleeper& sleeper, std::chrono::milliseconds pause) {
  if constexpr (!apidecl::is_sleeper_v<Sleeper>) {
    apidecl::detail::diagnose_sleeper<Sleeper>();
    return {};
  } else {
    sleeper.sleep_for(pause);
    return sleeper.now();
  }
}

int main() {
  frame_sleeper sleeper;
  return wait_then_read(sleeper, std::chrono::milliseconds(5)).count() > 0 ? 0 : 1;
}
