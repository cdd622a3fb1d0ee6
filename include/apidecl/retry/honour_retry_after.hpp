#ifndef APIDECL_RETRY_HONOUR_RETRY_AFTER_HPP
#define APIDECL_RETRY_HONOUR_RETRY_AFTER_HPP

#include <apidecl/retry/attempt.hpp>
#include <apidecl/types/retry_after.hpp>
#include <apidecl/retry/retry_decision.hpp>
#include <apidecl/retry/rules.hpp>

#include <algorithm>
#include <chrono>
#include <optional>
#include <utility>

namespace apidecl {

/// The system's wall clock, in seconds since the Unix epoch (std::chrono::system_clock's epoch:
/// in practice everywhere, and by rule since C++20).
struct system_wall_clock {
  std::chrono::seconds operator()() const noexcept {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
  }
};

/// Layer: when a retry is decided and the response carries a Retry-After field
/// (requested_retry_delay), waits at least as long as it asks, and stops instead if it asks for
/// more than `bound`: a server busy for an hour is not waited for. A field that reads as neither
/// delay-seconds nor an HTTP-date is ignored. It never makes a retry out of a stop: a 429 to a
/// request that is not idempotent stays final.
template <class WallClock>
struct retry_after_layer {
  std::chrono::milliseconds bound;
  WallClock wall_clock;

  template <class RetryPolicy>
  retry_decision decide(RetryPolicy& inner, attempt const& a) {
    retry_decision const d = inner.decide(a);
    if (!d.should_retry()) return d;
    std::optional<std::chrono::seconds> const asked = requested_retry_delay(a.headers, wall_clock);
    if (!asked) return d;
    if (*asked > bound) return retry_decision::stop("Retry-After asks for a longer wait than the bound");
    return within_time_left(a, retry_decision::retry_after(std::max<std::chrono::milliseconds>(d.delay(), *asked),
                                                           d.reason()));
  }
};

/// The layer that honours Retry-After up to `bound`; an HTTP-date is measured from the response's
/// Date field, or else from `wall_clock()` (seconds since the Unix epoch).
template <class WallClock = system_wall_clock>
retry_after_layer<WallClock> honour_retry_after(std::chrono::milliseconds bound, WallClock wall_clock = {}) {
  return {bound, std::move(wall_clock)};
}

}  // namespace apidecl

#endif
