#ifndef APIDECL_RETRY_ATTEMPT_HPP
#define APIDECL_RETRY_ATTEMPT_HPP

#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/failure.hpp>
#include <apidecl/core/header_list.hpp>
#include <apidecl/core/method.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/retry/retryable_statuses.hpp>

#include <chrono>
#include <optional>

namespace apidecl {

/// What a Retry policy is told after each attempt of a call, successful ones included (so that a
/// retry budget can refill): which attempt it was, what the endpoint allows, what happened, and
/// how the time stands. Exactly one of `status` (non-zero) and `error` (non-null) describes the
/// outcome. A view: `headers` and `error` point into the transport's answer, so an attempt lives
/// no longer than the decision about it.
struct attempt {
  int number = 1;  ///< 1 for the first attempt of the call, 2 for the first retry, ...
  apidecl::method method = apidecl::method::get;
  bool idempotent = true;  ///< whether sending the request twice is harmless (endpoint_is_idempotent_v)
  status_set retryable_statuses = default_retryable_statuses;  ///< endpoint_retryable_statuses_v

  int status = 0;        ///< the response's status, 0 if there was no response
  header_list headers;   ///< the response's headers, empty if there was no response
  transport_error const* error = nullptr;  ///< why there was no response, if there was none

  std::chrono::milliseconds elapsed{0};  ///< since the call began, when this attempt ended
  std::optional<std::chrono::milliseconds> time_left;  ///< before the caller's deadline; none without one
};

/// The attempt of a call to `Endpoint` that ended with `outcome`: the client's way to fill one in.
/// `elapsed` is the time since the call began; `time_left`, the time before the caller's
/// deadline, if it set one.
template <class Endpoint>
attempt make_attempt(int number, transport_result const& outcome, std::chrono::milliseconds elapsed,
                     std::optional<std::chrono::milliseconds> time_left = std::nullopt) noexcept {
  detail::diagnose_retryable_statuses<Endpoint>();
  attempt a;
  a.number = number;
  a.method = Endpoint::method;
  a.idempotent = endpoint_is_idempotent_v<Endpoint>;
  a.retryable_statuses = endpoint_retryable_statuses_v<Endpoint>;
  if (outcome) {
    a.status = outcome->status;
    a.headers = outcome->headers;
  } else {
    a.error = &outcome.error();
  }
  a.elapsed = elapsed;
  a.time_left = time_left;
  return a;
}

/// An attempt points into its outcome, so it cannot be made from a temporary one.
template <class Endpoint>
attempt make_attempt(int number, transport_result&& outcome, std::chrono::milliseconds elapsed,
                     std::optional<std::chrono::milliseconds> time_left = std::nullopt) = delete;

}  // namespace apidecl

#endif
