#ifndef APIDECL_RETRY_LAYER_HPP
#define APIDECL_RETRY_LAYER_HPP

#include <apidecl/detail/type_list.hpp>
#include <apidecl/retry/attempt.hpp>
#include <apidecl/retry/retry_decision.hpp>
#include <apidecl/retry/retry_policy.hpp>

#include <type_traits>
#include <utility>

/// **Layer requirement.** A rule added on top of a Retry policy with `|`:
///
///     auto policy = apidecl::exponential_backoff{100ms, 10s, 5}
///                 | apidecl::honour_retry_after(60s)
///                 | apidecl::with_budget(budget)
///                 | apidecl::with_deadline(30s);
///
/// Each layer wraps everything to its left, so the rules read in the order they apply, and the
/// result is again a Retry policy. A type `L` is a Layer if, for an `L& l`, any Retry policy
/// `P& inner` and an `apidecl::attempt const& a`,
///
///     apidecl::retry_decision d = l.decide(inner, a);
///
/// is valid. A layer may pass `inner` a changed attempt (retry_statuses, retry_non_idempotent,
/// with_deadline), and may overrule or lengthen the decision (honour_retry_after, with_budget) but
/// should never turn a stop into a retry: the stop may come from a safety rule. A layer that
/// declares `static constexpr bool must_be_last = true;` takes no layer after it (on_retry).
///
/// Exemplar:
///
///     struct my_layer {
///       template <class RetryPolicy>
///       apidecl::retry_decision decide(RetryPolicy& inner, apidecl::attempt const& a);
///     };
///     static_assert(apidecl::is_retry_layer_v<my_layer>);
namespace apidecl {

namespace detail {
struct probe_policy {
  retry_decision decide(attempt const&);
};
template <class L, class = void>
struct is_retry_layer : std::false_type {};
template <class L>
struct is_retry_layer<L, std::enable_if_t<std::is_convertible_v<decltype(std::declval<L&>().decide(
                                                                    std::declval<probe_policy&>(),
                                                                    std::declval<attempt const&>())),
                                                                retry_decision>>> : std::true_type {};
}  // namespace detail

/// Whether `L` models Layer.
template <class L>
inline constexpr bool is_retry_layer_v = detail::is_retry_layer<std::remove_cv_t<std::remove_reference_t<L>>>::value;

/// The Retry policy `policy | layer`: `Layer` deciding over `RetryPolicy`, which is checked here,
/// where every composition passes.
template <class RetryPolicy, class Layer>
class layered {
 public:
  layered(RetryPolicy policy, Layer layer) noexcept(std::is_nothrow_move_constructible_v<RetryPolicy> &&
                                                    std::is_nothrow_move_constructible_v<Layer>)
      : policy_(std::move(policy)), layer_(std::move(layer)) {
    detail::diagnose_retry_policy<RetryPolicy>();
  }

  retry_decision decide(attempt const& a) {
    if constexpr (is_retry_policy_v<RetryPolicy>) return layer_.decide(policy_, a);
    else return detail::after_error{};  // the constructor has reported the error
  }

 private:
  RetryPolicy policy_;
  Layer layer_;
};

namespace diagnostic {
template <class RetryPolicy, class Layer> inline constexpr bool layer_after_the_last_layer = false;
}  // namespace diagnostic

namespace detail {
template <class L, class = void>
struct must_be_last : std::false_type {};
template <class L>
struct must_be_last<L, std::enable_if_t<L::must_be_last>> : std::true_type {};

template <class RetryPolicy>
inline constexpr bool ends_in_last_layer = false;
template <class RetryPolicy, class Layer>
inline constexpr bool ends_in_last_layer<layered<RetryPolicy, Layer>> = must_be_last<Layer>::value;
}  // namespace detail

/// `policy` with `layer` on top. A left side that is not a Retry policy, or that already ends in
/// a layer that must be last, makes the one error that says so.
template <class RetryPolicy, class Layer, std::enable_if_t<is_retry_layer_v<Layer>, int> = 0>
layered<std::decay_t<RetryPolicy>, std::decay_t<Layer>> operator|(RetryPolicy&& policy, Layer&& layer) {
  using policy_type = std::decay_t<RetryPolicy>;
  if constexpr (detail::ends_in_last_layer<policy_type>)
    static_assert(diagnostic::layer_after_the_last_layer<policy_type, std::decay_t<Layer>>,
                  "apidecl: no layer may follow on_retry: it could stop a retry the hook has already reported");
  return {std::forward<RetryPolicy>(policy), std::forward<Layer>(layer)};
}

}  // namespace apidecl

#endif
