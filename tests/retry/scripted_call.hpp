// What the retry tests share: endpoints of each kind, the outcomes a transport can script, and the
// loop a blocking client runs around a Retry policy, timed by a test_clock.
#ifndef APIDECL_TESTS_RETRY_SCRIPTED_CALL_HPP
#define APIDECL_TESTS_RETRY_SCRIPTED_CALL_HPP

#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/failure.hpp>
#include <apidecl/core/header_list.hpp>
#include <apidecl/core/method.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/retry/attempt.hpp>
#include <apidecl/retry/retry_decision.hpp>
#include <apidecl/retry/retry_policy.hpp>
#include <apidecl/retry/test_clock.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace retry_test {

using namespace std::chrono_literals;
using std::chrono::milliseconds;

/// GET /widgets/1: idempotent, as its method is.
struct get_widget {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/widgets/1";
  using responses = apidecl::responses<apidecl::on<200>>;
};

/// POST /widgets: not idempotent, as its method is not.
struct create_widget {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/widgets";
  using responses = apidecl::responses<apidecl::on<201>>;
};

/// GET /reports/1: idempotent, and worth retrying after 503 only (a service whose gateway answers
/// 502 for a report that cannot be built, say).
struct get_report {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/reports/1";
  using responses = apidecl::responses<apidecl::on<200>>;
  static constexpr int retryable_statuses[] = {503};
};

/// A response with `status` and `headers` ("Name: value" lines).
inline apidecl::transport_result answer(int status, std::string_view headers = {}) {
  return apidecl::response{status, apidecl::header_list(headers), {}};
}

/// A transport failure; `may_have_reached_server` is false only when the request never left.
inline apidecl::transport_result fails(apidecl::transport_errc code, bool may_have_reached_server = true) {
  return apidecl::transport_error{code, may_have_reached_server, "scripted"};
}

/// Connection refused: the request provably never left.
inline apidecl::transport_result refused() { return fails(apidecl::transport_errc::cannot_connect, false); }

/// The attempt of a call to `Endpoint` after `outcome`, kept alive beside it.
template <class Endpoint>
struct scripted_attempt {
  explicit scripted_attempt(apidecl::transport_result outcome, int number = 1, milliseconds elapsed = 0ms,
                            std::optional<milliseconds> time_left = std::nullopt)
      : outcome(std::move(outcome)), a(apidecl::make_attempt<Endpoint>(number, this->outcome, elapsed, time_left)) {}
  scripted_attempt(scripted_attempt const&) = delete;

  apidecl::transport_result outcome;
  apidecl::attempt a;
};

/// What a scripted call did.
struct call_record {
  int attempts = 0;
  apidecl::retry_decision last = apidecl::retry_decision::stop("not called");
};

/// The blocking client's loop: sends (here: takes the next outcome of `script`, the last one
/// repeating, each exchange taking `exchange` on the clock), asks the policy, and either stops or
/// sleeps for the delay and sends again. `timeout`, if given, is the caller's deadline, counted
/// from the start of the call.
template <class Endpoint, class RetryPolicy>
call_record call_with_retries(RetryPolicy& policy, apidecl::test_clock& clock,
                              std::vector<apidecl::transport_result> const& script, milliseconds exchange = 0ms,
                              std::optional<milliseconds> timeout = std::nullopt) {
  static_assert(apidecl::is_retry_policy_v<RetryPolicy>);
  milliseconds const started = clock.now();
  for (int number = 1;; ++number) {
    clock.advance(exchange);
    apidecl::transport_result const& received = script[std::min(script.size(), std::size_t(number)) - 1];
    milliseconds const elapsed = clock.now() - started;
    std::optional<milliseconds> const time_left =
        timeout ? std::optional<milliseconds>(*timeout - elapsed) : std::nullopt;
    apidecl::retry_decision const d =
        policy.decide(apidecl::make_attempt<Endpoint>(number, received, elapsed, time_left));
    if (!d.should_retry()) return {number, d};
    clock.sleep_for(d.delay());
  }
}

}  // namespace retry_test

#endif
