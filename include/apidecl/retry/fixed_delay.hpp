#ifndef APIDECL_RETRY_FIXED_DELAY_HPP
#define APIDECL_RETRY_FIXED_DELAY_HPP

#include <apidecl/retry/attempt.hpp>
#include <apidecl/retry/retry_decision.hpp>
#include <apidecl/retry/rules.hpp>

#include <chrono>

namespace apidecl {

/// Retries what the safety rules allow after the same delay each time, up to `max_attempts`
/// attempts in all, the first included: `apidecl::fixed_delay{std::chrono::seconds(1), 3}`.
/// For a few clients at most; many clients that failed together retry together, which
/// exponential_backoff's jitter prevents.
struct fixed_delay {
  std::chrono::milliseconds delay;
  int max_attempts;

  retry_decision decide(attempt const& a) const noexcept {
    return apply_retry_rules(a, max_attempts, [this]() noexcept { return delay; });
  }
};

}  // namespace apidecl

#endif
