// retry_budget: transient failures spend tokens, other responses refill a fraction, retries stop
// at half, one budget serves several policies, and concurrent use loses no update.
#include <catch2/catch.hpp>

#include "scripted_call.hpp"

#include <apidecl/retry/fixed_delay.hpp>
#include <apidecl/retry/layer.hpp>
#include <apidecl/retry/retry_budget.hpp>

#include <atomic>
#include <cmath>
#include <limits>
#include <thread>
#include <vector>

using namespace retry_test;
using apidecl::transport_errc;

namespace {

void record(apidecl::retry_budget& budget, apidecl::transport_result outcome, int times = 1) {
  for (int i = 0; i < times; ++i) budget.record(scripted_attempt<get_widget>(outcome).a);
}

}  // namespace

TEST_CASE("a budget starts full and allows retries", "[retry][retry_budget]") {
  apidecl::retry_budget budget{10, 0.1};
  CHECK(budget.tokens() == 10);
  CHECK(budget.allows_retry());
}

TEST_CASE("each transient failure takes a token; at half the tokens retries stop", "[retry][retry_budget]") {
  apidecl::retry_budget budget{10, 0.1};
  record(budget, answer(503), 4);
  CHECK(budget.tokens() == 6);
  CHECK(budget.allows_retry());
  record(budget, fails(transport_errc::timed_out));
  CHECK(budget.tokens() == 5);
  CHECK_FALSE(budget.allows_retry());
  record(budget, refused(), 20);
  CHECK(budget.tokens() == 0);
}

TEST_CASE("each other response refills a fraction of a token, up to the maximum", "[retry][retry_budget]") {
  apidecl::retry_budget budget{10, 0.1};
  record(budget, answer(503), 5);
  REQUIRE_FALSE(budget.allows_retry());
  record(budget, answer(200));
  CHECK(budget.tokens() == Approx(5.1));
  CHECK(budget.allows_retry());
  record(budget, answer(404), 3);  // a 4xx shows a server that copes
  CHECK(budget.tokens() == Approx(5.4));
  record(budget, answer(200), 100);
  CHECK(budget.tokens() == 10);
}

TEST_CASE("a transport error that is not transient neither spends nor refills", "[retry][retry_budget]") {
  apidecl::retry_budget budget{10, 0.5};
  record(budget, answer(500), 2);
  record(budget, fails(transport_errc::tls_error), 3);
  record(budget, fails(transport_errc::cancelled));
  CHECK(budget.tokens() == 8);
}

TEST_CASE("out-of-range settings are brought within range", "[retry][retry_budget]") {
  apidecl::retry_budget none{-5, 0.1};
  CHECK(none.tokens() == 0);
  CHECK_FALSE(none.allows_retry());
  apidecl::retry_budget no_refill{10, std::numeric_limits<double>::quiet_NaN()};
  record(no_refill, answer(503), 6);
  record(no_refill, answer(200), 10);
  CHECK(no_refill.tokens() == 4);
  apidecl::retry_budget full_refill{4, 1e9};
  record(full_refill, answer(503), 4);
  record(full_refill, answer(200));
  CHECK(full_refill.tokens() == 4);
  apidecl::retry_budget fine{3, 0.0004};  // three decimal places, as gRPC keeps
  record(fine, answer(503));
  record(fine, answer(200), 10);
  CHECK(fine.tokens() == 2);
}

TEST_CASE("with_budget stops retries once the budget is spent, and counts successes too", "[retry][retry_budget]") {
  apidecl::retry_budget budget{4, 1};
  auto policy = apidecl::fixed_delay{1s, 10} | apidecl::with_budget(budget);
  apidecl::test_clock clock;
  // 4 tokens: the first 503 leaves 3 (retry), the second 2 (no longer above half).
  call_record const r = call_with_retries<get_widget>(policy, clock, {answer(503)});
  CHECK(r.attempts == 2);
  CHECK(r.last.reason() == "the retry budget is spent");
  CHECK(budget.tokens() == 2);
  CHECK(call_with_retries<get_widget>(policy, clock, {answer(200)}).attempts == 1);
  CHECK(budget.tokens() == 3);
  CHECK(call_with_retries<get_widget>(policy, clock, {answer(503), answer(200)}).attempts == 1);
}

TEST_CASE("a budget shared by two policies is spent by both", "[retry][retry_budget]") {
  apidecl::retry_budget budget{10, 0.1};
  auto reports = apidecl::fixed_delay{1s, 3} | apidecl::with_budget(budget);
  auto widgets = apidecl::fixed_delay{1s, 3} | apidecl::with_budget(budget);
  apidecl::test_clock clock;
  CHECK(call_with_retries<get_report>(reports, clock, {answer(503)}).attempts == 3);  // 7 left
  CHECK(call_with_retries<get_widget>(widgets, clock, {answer(502)}).attempts == 2);  // 5 left
  CHECK(budget.tokens() == 5);
  CHECK_FALSE(reports.decide(scripted_attempt<get_report>(answer(503)).a).should_retry());
}

TEST_CASE("a budget loses no update when threads share it", "[retry][retry_budget]") {
  apidecl::retry_budget budget{100000, 0.5};
  // Eight threads record `times` outcomes each, released together so that their updates collide.
  auto const record_concurrently = [&budget](apidecl::transport_result const& outcome, int times) {
    apidecl::attempt const a = apidecl::make_attempt<get_widget>(1, outcome, 0ms);
    std::atomic<int> waiting{8};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
      threads.emplace_back([&budget, &a, &waiting, times] {
        waiting.fetch_sub(1);
        while (waiting.load() > 0) std::this_thread::yield();
        for (int i = 0; i < times; ++i) budget.record(a);
      });
    for (std::thread& t : threads) t.join();
  };
  apidecl::transport_result const busy = answer(503), ok = answer(200);
  record_concurrently(busy, 5000);
  CHECK(budget.tokens() == 60000);
  record_concurrently(ok, 10000);
  CHECK(budget.tokens() == 100000);
}
