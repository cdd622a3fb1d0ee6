#ifndef APIDECL_RETRY_RETRY_DECISION_HPP
#define APIDECL_RETRY_RETRY_DECISION_HPP

#include <chrono>
#include <string_view>

namespace apidecl {

/// What a Retry policy answers after an attempt: stop, or send the request again after a delay.
/// Either way a short static text says why ("503 Service Unavailable", "no attempts left"), for
/// logs and for the `on_retry` hook.
class retry_decision {
 public:
  /// Do not send the request again: the last attempt's outcome is the call's.
  static constexpr retry_decision stop(std::string_view why) noexcept { return {false, {}, why}; }

  /// Send the request again once `delay` has passed; a negative delay counts as none.
  static constexpr retry_decision retry_after(std::chrono::milliseconds delay, std::string_view reason) noexcept {
    return {true, delay < std::chrono::milliseconds::zero() ? std::chrono::milliseconds::zero() : delay, reason};
  }

  constexpr bool should_retry() const noexcept { return retry_; }
  /// How long to wait before the next attempt; zero when stopping.
  constexpr std::chrono::milliseconds delay() const noexcept { return delay_; }
  /// Why: the failure being retried, or the rule that stopped.
  constexpr std::string_view reason() const noexcept { return reason_; }

 private:
  constexpr retry_decision(bool retry, std::chrono::milliseconds delay, std::string_view reason) noexcept
      : retry_(retry), delay_(delay), reason_(reason) {}

  bool retry_;
  std::chrono::milliseconds delay_;
  std::string_view reason_;
};

}  // namespace apidecl

#endif
