// What the retry tests share: endpoints of each kind, the outcomes a transport can script, and a
// blocking call through the real client around a Retry policy, timed by a test_clock.
#ifndef APIDECL_TESTS_RETRY_SCRIPTED_CALL_HPP
#define APIDECL_TESTS_RETRY_SCRIPTED_CALL_HPP

#include <apidecl/client/client.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/failure.hpp>
#include <apidecl/core/header_list.hpp>
#include <apidecl/core/method.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/retry/attempt.hpp>
#include <apidecl/retry/retry_decision.hpp>
#include <apidecl/retry/retry_policy.hpp>
#include <apidecl/clock/test_clock.hpp>
#include <apidecl/transport/call_options.hpp>

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

/// A Transport that answers with the next outcome of its script, the last one repeating, each
/// exchange taking `exchange` on `clock`.
struct scripted_transport {
  apidecl::test_clock& clock;
  std::vector<apidecl::transport_result> const& script;
  milliseconds exchange;
  std::size_t sent = 0;

  apidecl::transport_result send(apidecl::request const&) {
    clock.advance(exchange);
    return script[std::min(script.size(), ++sent) - 1];
  }
  apidecl::transport_result send(apidecl::request const& r, apidecl::call_options const&) { return send(r); }
};

/// The Retry policy a test owns, seen through a client that keeps it in place (so that a budget
/// carries over from one call to the next), with the last decision it made recorded.
template <class RetryPolicy>
struct policy_in_place {
  RetryPolicy& policy;
  call_record& record;
  apidecl::retry_decision decide(apidecl::attempt const& a) {
    record.attempts = a.number;
    record.last = policy.decide(a);
    return record.last;
  }
};

/// The test's clock, seen through a client that keeps it in place.
struct clock_in_place {
  apidecl::test_clock& clock;
  milliseconds now() const noexcept { return clock.now(); }
  void sleep_for(milliseconds d) { clock.sleep_for(d); }
};

/// A blocking call to `Endpoint` through the real client, over a transport that plays `script`
/// (the last outcome repeating, each exchange taking `exchange` on the clock), retried by `policy`
/// and timed by `clock`. `timeout`, if given, is the caller's deadline for the whole call.
template <class Endpoint, class RetryPolicy>
call_record call_with_retries(RetryPolicy& policy, apidecl::test_clock& clock,
                              std::vector<apidecl::transport_result> const& script, milliseconds exchange = 0ms,
                              std::optional<milliseconds> timeout = std::nullopt) {
  static_assert(apidecl::is_retry_policy_v<RetryPolicy>);
  call_record record;
  auto api = apidecl::make_client(scripted_transport{clock, script, exchange}, policy_in_place<RetryPolicy>{policy, record},
                                  clock_in_place{clock});
  apidecl::call_options options;
  if (timeout) options.deadline = *timeout;
  (void)api.call(options, Endpoint{});
  return record;
}

}  // namespace retry_test

#endif
