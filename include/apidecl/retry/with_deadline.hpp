#ifndef APIDECL_RETRY_WITH_DEADLINE_HPP
#define APIDECL_RETRY_WITH_DEADLINE_HPP

#include <apidecl/retry/attempt.hpp>
#include <apidecl/retry/retry_decision.hpp>
#include <apidecl/retry/rules.hpp>

#include <algorithm>
#include <chrono>

namespace apidecl {

/// Layer: no retry begins later than `total` after the call began: a retry whose delay would not
/// end before then is not made. It bounds the decisions, not the exchanges: an attempt under way
/// may run past `total` (bound the whole call with `call_options::deadline`, which also cuts each
/// exchange's timeout). The caller's own deadline, if nearer, still holds. The layers before it
/// see the time left in `a.time_left`.
struct with_deadline_layer {
  std::chrono::milliseconds total;

  template <class RetryPolicy>
  retry_decision decide(RetryPolicy& inner, attempt const& a) {
    attempt bounded = a;
    std::chrono::milliseconds const left = total - a.elapsed;
    bounded.time_left = a.time_left ? std::min(*a.time_left, left) : left;
    return within_time_left(bounded, inner.decide(bounded));
  }
};

/// The layer that ends a call's retries `total` after it began.
constexpr with_deadline_layer with_deadline(std::chrono::milliseconds total) noexcept { return {total}; }

}  // namespace apidecl

#endif
