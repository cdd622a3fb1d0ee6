#ifndef APIDECL_RETRY_RULES_HPP
#define APIDECL_RETRY_RULES_HPP

#include <apidecl/core/failure.hpp>
#include <apidecl/retry/attempt.hpp>
#include <apidecl/retry/retry_decision.hpp>
#include <apidecl/retry/retryable_statuses.hpp>

#include <chrono>
#include <optional>
#include <string_view>

/// The safety rules, in one place: every ready policy decides through `apply_retry_rules`, and a
/// user's policy may too. An attempt is retried only if, in this order,
///
/// 1. its outcome is a transient failure (`transient_failure`): a status among the attempt's
///    retryable statuses, or a transport error that may pass;
/// 2. sending the request again is harmless (`safe_to_repeat`): the endpoint is idempotent, or the
///    request provably never reached the server. The `retry_non_idempotent` layer opts out;
/// 3. the policy's attempts are not used up;
/// 4. the retry would start before the caller's deadline (`within_time_left`).
namespace apidecl {

namespace detail {
constexpr std::string_view status_reason(int status) noexcept {
  switch (status) {
    case 408: return "408 Request Timeout";
    case 425: return "425 Too Early";
    case 429: return "429 Too Many Requests";
    case 500: return "500 Internal Server Error";
    case 502: return "502 Bad Gateway";
    case 503: return "503 Service Unavailable";
    case 504: return "504 Gateway Timeout";
    default: return "5xx server error";
  }
}
}  // namespace detail

/// Why `a` failed in a way that may pass, as static text ("503 Service Unavailable", "timed out"),
/// or nothing if its outcome is final: a success, a status that is not retryable, or a transport
/// error that would recur (tls_error, response_too_large, protocol_error, cancelled, other).
constexpr std::optional<std::string_view> transient_failure(attempt const& a) noexcept {
  if (a.error) {
    switch (a.error->code) {
      case transport_errc::cannot_connect: return "cannot connect";
      case transport_errc::timed_out: return "timed out";
      case transport_errc::connection_lost: return "connection lost";
      default: return std::nullopt;
    }
  }
  if (status_may_be_retried(a.status) && a.retryable_statuses.contains(a.status))
    return detail::status_reason(a.status);
  return std::nullopt;
}

/// Whether sending the request of `a` again is harmless: the endpoint is idempotent, or the
/// transport says the request never reached the server (connection refused, name not resolved).
/// A response proves that it did.
constexpr bool safe_to_repeat(attempt const& a) noexcept {
  return a.idempotent || (a.error && !a.error->may_have_reached_server);
}

/// `d`, unless it retries too late: a retry whose delay does not end before the caller's deadline
/// could not finish in time, so it stops.
constexpr retry_decision within_time_left(attempt const& a, retry_decision d) noexcept {
  if (d.should_retry() && a.time_left && d.delay() >= *a.time_left)
    return retry_decision::stop("the deadline would pass before the retry");
  return d;
}

/// What the safety rules decide for `a`, with at most `max_attempts` attempts in all and the
/// delay `delay()` (called only when a retry is allowed, so a random source is drawn from only
/// then).
template <class Delay>
retry_decision apply_retry_rules(attempt const& a, int max_attempts, Delay&& delay) {
  std::optional<std::string_view> const failure = transient_failure(a);
  if (!failure) return retry_decision::stop("not a transient failure");
  if (!safe_to_repeat(a)) return retry_decision::stop("not idempotent, and the request may have reached the server");
  if (a.number >= max_attempts) return retry_decision::stop("no attempts left");
  return within_time_left(a, retry_decision::retry_after(delay(), *failure));
}

}  // namespace apidecl

#endif
