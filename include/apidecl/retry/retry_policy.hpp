#ifndef APIDECL_RETRY_RETRY_POLICY_HPP
#define APIDECL_RETRY_RETRY_POLICY_HPP

#include <apidecl/detail/type_list.hpp>
#include <apidecl/retry/attempt.hpp>
#include <apidecl/retry/retry_decision.hpp>

#include <type_traits>
#include <utility>

/// **Retry requirement.** Decides whether a call sends its request again. A type `P` is a Retry
/// policy if, for a `P& p` and an `apidecl::attempt const& a`,
///
///     apidecl::retry_decision d = p.decide(a);
///
/// is valid. The client calls `decide` after every exchange of every call, successful ones too,
/// with the attempt `make_attempt` describes, and acts on the answer: it stops and returns the
/// last outcome, or waits `d.delay()` (with its Sleeper, or from its poll loop) and sends the
/// same request again. A request that was never sent (a validation failure) is not decided on.
/// A policy only decides: it never sleeps, sends or throws, and allocates nothing. `decide` may
/// change the policy (a random source), but the client keeps one policy for all its calls, so
/// whatever concerns one call must come from the attempt (`a.number`, `a.elapsed`), not from the
/// policy's memory.
///
/// The ready policies that retry (fixed_delay, exponential_backoff) decide by the safety rules of
/// rules.hpp; no_retry, the default, never retries. Layers add rules to any policy with `|`
/// (layer.hpp): retry_statuses, retry_non_idempotent, honour_retry_after, with_budget,
/// with_deadline, on_retry.
///
/// Exemplar:
///
///     struct my_policy {
///       apidecl::retry_decision decide(apidecl::attempt const& a);
///     };
///     static_assert(apidecl::is_retry_policy_v<my_policy>);
namespace apidecl {

namespace detail {
template <class P, class = void>
struct is_retry_policy : std::false_type {};
template <class P>
struct is_retry_policy<P, std::enable_if_t<std::is_convertible_v<
                              decltype(std::declval<P&>().decide(std::declval<attempt const&>())), retry_decision>>>
    : std::true_type {};
}  // namespace detail

/// Whether `P` models Retry.
template <class P>
inline constexpr bool is_retry_policy_v = detail::is_retry_policy<std::remove_reference_t<P>>::value;

namespace diagnostic {
template <class RetryPolicy> inline constexpr bool retry_policy_lacks_decide = false;
}  // namespace diagnostic

namespace detail {
/// Makes the one compiler error that says what `P` lacks to be a Retry policy, if anything.
template <class P>
void diagnose_retry_policy() noexcept {
  if constexpr (!is_retry_policy_v<P>)
    static_assert(diagnostic::retry_policy_lacks_decide<std::remove_reference_t<P>>,
                  "apidecl: a Retry policy must provide 'apidecl::retry_decision decide(apidecl::attempt const&)'");
}
}  // namespace detail

}  // namespace apidecl

#endif
