// The safety rules every ready policy decides by: which outcomes are transient, which requests may
// be sent twice, the attempts and the deadline; their two explicit opt-outs; and what they mean
// for the endpoints apidecl ships.
#include <catch2/catch.hpp>

#include "scripted_call.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/apis/ondemand/quote_authorize.hpp>
#include <apidecl/retry/exponential_backoff.hpp>
#include <apidecl/retry/fixed_delay.hpp>
#include <apidecl/retry/layer.hpp>
#include <apidecl/retry/retry_non_idempotent.hpp>
#include <apidecl/retry/retry_statuses.hpp>
#include <apidecl/retry/rules.hpp>

#include <optional>
#include <string_view>

using namespace retry_test;
using apidecl::transport_errc;
namespace c24 = apidecl::cielo24::endpoints;
namespace lod = apidecl::ondemand::endpoints;

namespace {

constexpr int statuses_never_retried[] = {400, 401, 402, 403, 404, 405, 409, 410, 422};

template <class Endpoint>
std::optional<std::string_view> transient(apidecl::transport_result outcome) {
  return apidecl::transient_failure(scripted_attempt<Endpoint>(std::move(outcome)).a);
}

// Whether the default policy sends a request to `Endpoint` again after `outcome`.
template <class Endpoint>
bool retried_after(apidecl::transport_result outcome) {
  apidecl::exponential_backoff policy{100ms, 10s, 4, apidecl::splitmix64(7)};
  return policy.decide(scripted_attempt<Endpoint>(std::move(outcome)).a).should_retry();
}

}  // namespace

TEST_CASE("a retryable status is a transient failure, named with its reason phrase", "[retry][rules]") {
  CHECK(transient<get_widget>(answer(408)) == "408 Request Timeout");
  CHECK(transient<get_widget>(answer(429)) == "429 Too Many Requests");
  CHECK(transient<get_widget>(answer(500)) == "500 Internal Server Error");
  CHECK(transient<get_widget>(answer(502)) == "502 Bad Gateway");
  CHECK(transient<get_widget>(answer(503)) == "503 Service Unavailable");
  CHECK(transient<get_widget>(answer(504)) == "504 Gateway Timeout");
}

TEST_CASE("a success, a redirect, a 4xx and a 5xx outside the set are final", "[retry][rules]") {
  for (int status : {200, 201, 204, 301, 304, 501, 505}) CHECK_FALSE(transient<get_widget>(answer(status)));
  for (int status : statuses_never_retried) CHECK_FALSE(transient<get_widget>(answer(status)));
}

TEST_CASE("a 4xx is never retried, even from a set that lists it", "[retry][rules]") {
  static constexpr int careless[] = {404, 409, 503};
  apidecl::transport_result const not_found = answer(404);
  apidecl::attempt a = apidecl::make_attempt<get_widget>(1, not_found, 0ms);
  a.retryable_statuses = careless;
  CHECK_FALSE(apidecl::transient_failure(a));
  CHECK_FALSE(apidecl::fixed_delay{1s, 3}.decide(a).should_retry());
}

TEST_CASE("a timeout, a lost connection and a failure to connect are transient; other transport errors are not",
          "[retry][rules]") {
  CHECK(transient<get_widget>(fails(transport_errc::timed_out)) == "timed out");
  CHECK(transient<get_widget>(fails(transport_errc::connection_lost)) == "connection lost");
  CHECK(transient<get_widget>(refused()) == "cannot connect");
  for (transport_errc code : {transport_errc::tls_error, transport_errc::response_too_large,
                              transport_errc::protocol_error, transport_errc::cancelled, transport_errc::other})
    CHECK_FALSE(transient<get_widget>(fails(code)));
}

TEST_CASE("an idempotent request may always be repeated", "[retry][rules]") {
  CHECK(apidecl::safe_to_repeat(scripted_attempt<get_widget>(answer(503)).a));
  CHECK(apidecl::safe_to_repeat(scripted_attempt<get_widget>(fails(transport_errc::timed_out)).a));
  CHECK(apidecl::safe_to_repeat(scripted_attempt<get_widget>(refused()).a));
}

TEST_CASE("a request that is not idempotent may be repeated only if it never reached the server", "[retry][rules]") {
  CHECK_FALSE(apidecl::safe_to_repeat(scripted_attempt<create_widget>(answer(503)).a));
  CHECK_FALSE(apidecl::safe_to_repeat(scripted_attempt<create_widget>(fails(transport_errc::timed_out)).a));
  CHECK_FALSE(apidecl::safe_to_repeat(scripted_attempt<create_widget>(fails(transport_errc::connection_lost)).a));
  CHECK_FALSE(apidecl::safe_to_repeat(scripted_attempt<create_widget>(fails(transport_errc::cannot_connect, true)).a));
  CHECK(apidecl::safe_to_repeat(scripted_attempt<create_widget>(refused()).a));
}

TEST_CASE("a POST is not retried after a response or an error that may have reached the server, but is after a "
          "refused connection",
          "[retry][rules]") {
  CHECK_FALSE(retried_after<create_widget>(answer(503)));
  CHECK_FALSE(retried_after<create_widget>(answer(429)));
  CHECK_FALSE(retried_after<create_widget>(fails(transport_errc::timed_out)));
  CHECK_FALSE(retried_after<create_widget>(fails(transport_errc::connection_lost)));
  CHECK(retried_after<create_widget>(refused()));

  apidecl::fixed_delay policy{1s, 3};
  CHECK(policy.decide(scripted_attempt<create_widget>(answer(503)).a).reason() ==
        "not idempotent, and the request may have reached the server");
}

TEST_CASE("retry_non_idempotent retries a POST like any other request, after the caller asked for it",
          "[retry][rules]") {
  auto policy = apidecl::fixed_delay{1s, 3} | apidecl::retry_non_idempotent();
  CHECK(policy.decide(scripted_attempt<create_widget>(answer(503)).a).should_retry());
  CHECK(policy.decide(scripted_attempt<create_widget>(fails(transport_errc::timed_out)).a).should_retry());
  CHECK_FALSE(policy.decide(scripted_attempt<create_widget>(answer(409)).a).should_retry());
  CHECK_FALSE(policy.decide(scripted_attempt<create_widget>(answer(503), 3).a).should_retry());
}

TEST_CASE("the rules are checked in order, and a delay is drawn only for a retry", "[retry][rules]") {
  int draws = 0;
  auto const delay = [&draws] {
    ++draws;
    return 1s;
  };
  auto const decide = [&](apidecl::attempt const& a) { return apidecl::apply_retry_rules(a, 3, delay); };

  CHECK(decide(scripted_attempt<create_widget>(answer(200), 3).a).reason() == "not a transient failure");
  CHECK(decide(scripted_attempt<create_widget>(answer(503), 3).a).reason() ==
        "not idempotent, and the request may have reached the server");
  CHECK(decide(scripted_attempt<get_widget>(answer(503), 3).a).reason() == "no attempts left");
  CHECK(draws == 0);

  apidecl::retry_decision const d = decide(scripted_attempt<get_widget>(answer(503), 2).a);
  CHECK(d.should_retry());
  CHECK(d.delay() == 1s);
  CHECK(d.reason() == "503 Service Unavailable");
  CHECK(draws == 1);
}

TEST_CASE("a retry must start before the caller's deadline", "[retry][rules]") {
  apidecl::fixed_delay policy{1s, 5};
  CHECK(policy.decide(scripted_attempt<get_widget>(answer(503), 1, 0ms, std::nullopt).a).should_retry());
  CHECK(policy.decide(scripted_attempt<get_widget>(answer(503), 1, 0ms, 1001ms).a).should_retry());
  apidecl::retry_decision const late = policy.decide(scripted_attempt<get_widget>(answer(503), 1, 0ms, 1000ms).a);
  CHECK_FALSE(late.should_retry());
  CHECK(late.reason() == "the deadline would pass before the retry");
  CHECK_FALSE(policy.decide(scripted_attempt<get_widget>(answer(503), 1, 0ms, -5ms).a).should_retry());
}

TEST_CASE("an endpoint's own retryable statuses decide which statuses are retried", "[retry][rules]") {
  apidecl::fixed_delay policy{1s, 3};
  CHECK(policy.decide(scripted_attempt<get_report>(answer(503)).a).should_retry());
  CHECK_FALSE(policy.decide(scripted_attempt<get_report>(answer(502)).a).should_retry());
  CHECK_FALSE(policy.decide(scripted_attempt<get_report>(answer(429)).a).should_retry());
  CHECK(policy.decide(scripted_attempt<get_report>(fails(transport_errc::timed_out)).a).should_retry());
}

TEST_CASE("retry_statuses replaces the endpoint's statuses for the policy it wraps", "[retry][rules]") {
  auto policy = apidecl::fixed_delay{1s, 3} | apidecl::retry_statuses<429, 502>();
  CHECK(policy.decide(scripted_attempt<get_report>(answer(502)).a).should_retry());
  CHECK(policy.decide(scripted_attempt<get_widget>(answer(429)).a).should_retry());
  CHECK_FALSE(policy.decide(scripted_attempt<get_report>(answer(503)).a).should_retry());
  CHECK_FALSE(policy.decide(scripted_attempt<get_widget>(answer(500)).a).should_retry());
  CHECK(policy.decide(scripted_attempt<get_widget>(refused()).a).should_retry());
}

TEST_CASE("cielo24 Authorize Job, idempotent, is retried after a transient failure of any kind", "[retry][rules]") {
  CHECK(retried_after<c24::authorize_job>(answer(503)));
  CHECK(retried_after<c24::authorize_job>(answer(429)));
  CHECK(retried_after<c24::authorize_job>(fails(transport_errc::timed_out)));
  CHECK(retried_after<c24::authorize_job>(fails(transport_errc::connection_lost)));
  CHECK(retried_after<c24::authorize_job>(refused()));
  CHECK_FALSE(retried_after<c24::authorize_job>(answer(204)));
  CHECK_FALSE(retried_after<c24::authorize_job>(answer(400)));
}

TEST_CASE("cielo24 Delete Job, a GET declared not idempotent, is retried only if it never left", "[retry][rules]") {
  CHECK_FALSE(retried_after<c24::delete_job>(answer(503)));
  CHECK_FALSE(retried_after<c24::delete_job>(fails(transport_errc::timed_out)));
  CHECK_FALSE(retried_after<c24::delete_job>(fails(transport_errc::connection_lost)));
  CHECK(retried_after<c24::delete_job>(refused()));
  CHECK_FALSE(retried_after<c24::delete_job>(answer(200)));
  CHECK_FALSE(retried_after<c24::delete_job>(answer(400)));
}

TEST_CASE("onDemand Authorize Quote, a POST that could pay twice, is retried only if it never left",
          "[retry][rules]") {
  CHECK_FALSE(retried_after<lod::authorize_quote>(answer(503)));
  CHECK_FALSE(retried_after<lod::authorize_quote>(answer(429)));
  CHECK_FALSE(retried_after<lod::authorize_quote>(fails(transport_errc::timed_out)));
  CHECK(retried_after<lod::authorize_quote>(refused()));
  for (int status : {202, 400, 401, 402, 404, 405, 409})
    CHECK_FALSE(retried_after<lod::authorize_quote>(answer(status)));
}
