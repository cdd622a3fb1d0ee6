#ifndef APIDECL_RETRY_RETRY_STATUSES_HPP
#define APIDECL_RETRY_RETRY_STATUSES_HPP

#include <apidecl/retry/attempt.hpp>
#include <apidecl/retry/retry_decision.hpp>
#include <apidecl/retry/retryable_statuses.hpp>

#include <cstddef>

namespace apidecl {

/// Layer: retry after the statuses `First, Rest...` only, whatever the endpoint declares. It
/// applies to the layers before it, so put it right after the policy.
template <int First, int... Rest>
struct retry_statuses_layer {
  template <class RetryPolicy>
  retry_decision decide(RetryPolicy& inner, attempt const& a) {
    attempt chosen = a;
    chosen.retryable_statuses = codes;
    return inner.decide(chosen);
  }

  static constexpr int codes[] = {First, Rest...};
};

/// The layer that retries after the statuses `First, Rest...` only:
///
///     auto policy = apidecl::fixed_delay{1s, 3} | apidecl::retry_statuses<503>();
///
/// A status that can never be retryable (status_may_be_retried) makes the one error that names it.
template <int First, int... Rest>
retry_statuses_layer<First, Rest...> retry_statuses() noexcept {
  using layer = retry_statuses_layer<First, Rest...>;
  constexpr std::size_t bad = detail::first_never_retried(layer::codes);
  if constexpr (bad < 1 + sizeof...(Rest)) detail::diagnose_never_retried<layer, layer::codes[bad]>();
  return {};
}

}  // namespace apidecl

#endif
