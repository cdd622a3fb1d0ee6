#ifndef APIDECL_RETRY_HONOUR_RETRY_AFTER_HPP
#define APIDECL_RETRY_HONOUR_RETRY_AFTER_HPP

#include <apidecl/clock/utc_clock.hpp>
#include <apidecl/retry/attempt.hpp>
#include <apidecl/retry/retry_decision.hpp>
#include <apidecl/retry/rules.hpp>
#include <apidecl/types/retry_after.hpp>

#include <algorithm>
#include <chrono>
#include <optional>
#include <utility>

namespace apidecl {

/// Layer: when a retry is decided and the response carries a Retry-After field
/// (requested_retry_delay), waits at least as long as it asks, and stops instead if it asks for
/// more than `bound`: a server busy for an hour is not waited for. A field that reads as neither
/// delay-seconds nor an HTTP-date is ignored. It never makes a retry out of a stop: a 429 to a
/// request that is not idempotent stays final.
template <class UtcClock>
struct honour_retry_after_layer {
  std::chrono::milliseconds bound;
  UtcClock clock;

  template <class RetryPolicy>
  retry_decision decide(RetryPolicy& inner, attempt const& a) {
    retry_decision const d = inner.decide(a);
    if (!d.should_retry()) return d;
    std::optional<std::chrono::seconds> const asked = requested_retry_delay(a.headers, clock);
    if (!asked) return d;
    if (*asked > bound) return retry_decision::stop("Retry-After asks for a longer wait than the bound");
    return within_time_left(a, retry_decision::retry_after(std::max<std::chrono::milliseconds>(d.delay(), *asked),
                                                           d.reason()));
  }
};

/// The layer that honours Retry-After up to `bound`; an HTTP-date is measured from the response's
/// Date field, or else from `clock` (a UtcClock, utc_clock.hpp).
template <class UtcClock = system_utc_clock>
honour_retry_after_layer<UtcClock> honour_retry_after(std::chrono::milliseconds bound, UtcClock clock = {}) {
  detail::diagnose_utc_clock<UtcClock>();
  return {bound, std::move(clock)};
}

}  // namespace apidecl

#endif
