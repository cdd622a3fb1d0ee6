#ifndef APIDECL_RETRY_RETRY_BUDGET_HPP
#define APIDECL_RETRY_RETRY_BUDGET_HPP

#include <apidecl/retry/attempt.hpp>
#include <apidecl/retry/retry_decision.hpp>
#include <apidecl/retry/rules.hpp>

#include <algorithm>
#include <atomic>

namespace apidecl {

/// A retry budget, so that retries cannot multiply the load on a server that is already failing:
/// gRPC's retry throttling. The budget holds `max_tokens` tokens at first. Every attempt whose
/// outcome is a transient failure takes one token; every other response returns `token_ratio` of
/// one (kept to three decimal places, as gRPC does); a transport error that is not transient
/// changes nothing. Retries are allowed only while more than half the tokens are left, so in an
/// outage retries stop after about `max_tokens / 2` failures, and resume once successes refill
/// the budget.
///
/// One budget is meant to be shared, by reference, by every policy and client calling the same
/// service, across threads: it is one atomic counter, and outlives the policies that use it.
///
///     apidecl::retry_budget budget{10, 0.1};
///     auto policy = apidecl::exponential_backoff{100ms, 10s, 5} | apidecl::with_budget(budget);
class retry_budget {
 public:
  /// `max_tokens` is kept within 0 to 1,000,000; `token_ratio` within 0 to `max_tokens`.
  retry_budget(int max_tokens, double token_ratio) noexcept
      : max_(std::clamp(max_tokens, 0, 1000000) * milli),
        refund_(token_ratio > 0 ? static_cast<int>(std::min(token_ratio * milli, double(max_)) + 0.5) : 0),
        tokens_(max_) {}

  retry_budget(retry_budget const&) = delete;
  retry_budget& operator=(retry_budget const&) = delete;

  /// Counts the outcome of one attempt, successful or not.
  void record(attempt const& a) noexcept {
    if (transient_failure(a)) add(-milli);
    else if (!a.error) add(refund_);
  }

  /// Whether a retry may be made now: more than half the tokens are left.
  bool allows_retry() const noexcept { return tokens_.load(std::memory_order_relaxed) > max_ / 2; }

  /// The tokens left, for display and tests.
  double tokens() const noexcept { return tokens_.load(std::memory_order_relaxed) / double(milli); }

 private:
  static constexpr int milli = 1000;  // tokens are counted in thousandths

  void add(int change) noexcept {
    int now = tokens_.load(std::memory_order_relaxed);
    while (!tokens_.compare_exchange_weak(now, std::clamp(now + change, 0, max_), std::memory_order_relaxed)) {
    }
  }

  int const max_;
  int const refund_;
  std::atomic<int> tokens_;
};

/// Layer: records every attempt in `budget`, and turns a retry into a stop while the budget
/// allows none.
struct with_budget_layer {
  retry_budget* budget;

  template <class RetryPolicy>
  retry_decision decide(RetryPolicy& inner, attempt const& a) {
    budget->record(a);
    retry_decision const d = inner.decide(a);
    if (d.should_retry() && !budget->allows_retry()) return retry_decision::stop("the retry budget is spent");
    return d;
  }
};

/// The layer that spends from `budget`, which must outlive the policy.
inline with_budget_layer with_budget(retry_budget& budget) noexcept { return {&budget}; }

}  // namespace apidecl

#endif
