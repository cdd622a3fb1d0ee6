#ifndef APIDECL_RETRY_RETRY_NON_IDEMPOTENT_HPP
#define APIDECL_RETRY_RETRY_NON_IDEMPOTENT_HPP

#include <apidecl/retry/attempt.hpp>
#include <apidecl/retry/retry_decision.hpp>

namespace apidecl {

/// Layer, and the one way to switch a safety rule off: retries a request that is not idempotent
/// even when it may have reached the server, as if it were idempotent. A repeat may then act
/// twice (pay twice, for onDemand's Authorize Quote), so use it only where the service makes a
/// repeat harmless, e.g. by deduplicating on a request id. It applies to the layers before it.
struct retry_non_idempotent_layer {
  template <class RetryPolicy>
  retry_decision decide(RetryPolicy& inner, attempt const& a) {
    attempt repeatable = a;
    repeatable.idempotent = true;
    return inner.decide(repeatable);
  }
};

/// The layer that retries non-idempotent requests too.
constexpr retry_non_idempotent_layer retry_non_idempotent() noexcept { return {}; }

}  // namespace apidecl

#endif
