#ifndef APIDECL_RETRY_ON_RETRY_HPP
#define APIDECL_RETRY_ON_RETRY_HPP

#include <apidecl/detail/type_list.hpp>
#include <apidecl/retry/attempt.hpp>
#include <apidecl/retry/retry_decision.hpp>

#include <type_traits>
#include <utility>

namespace apidecl {

namespace diagnostic {
template <class Hook> inline constexpr bool retry_hook_has_wrong_parameters = false;
}  // namespace diagnostic

/// Layer: calls `hook(a, d)` just before each retry, with the attempt that failed and the decision
/// to retry (its reason and delay), for logs and metrics; the decision stands. It must be the last
/// layer, since one after it could still stop the retry it reported; `|` checks that.
///
///     auto policy = apidecl::fixed_delay{1s, 3} | apidecl::on_retry([](auto const& a, auto const& d) {
///       log("attempt {} failed ({}), retrying in {} ms", a.number, d.reason(), d.delay().count());
///     });
template <class Hook>
struct on_retry_layer {
  static constexpr bool must_be_last = true;

  Hook hook;

  template <class RetryPolicy>
  retry_decision decide(RetryPolicy& inner, attempt const& a) {
    retry_decision const d = inner.decide(a);
    if constexpr (std::is_invocable_v<Hook&, attempt const&, retry_decision const&>) {
      if (d.should_retry()) hook(a, d);
    }
    return d;
  }
};

/// The layer that reports each retry to `hook`.
template <class Hook>
on_retry_layer<std::decay_t<Hook>> on_retry(Hook&& hook) {
  if constexpr (!std::is_invocable_v<std::decay_t<Hook>&, attempt const&, retry_decision const&>)
    static_assert(diagnostic::retry_hook_has_wrong_parameters<std::decay_t<Hook>>,
                  "apidecl: an on_retry hook must be callable as hook(apidecl::attempt const&, "
                  "apidecl::retry_decision const&)");
  return {std::forward<Hook>(hook)};
}

}  // namespace apidecl

#endif
