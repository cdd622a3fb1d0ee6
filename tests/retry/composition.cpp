// A policy picked and composed in a few lines, as the README shows it, through a bad day: a busy
// server, a timeout, an outage that the budget keeps from turning into a retry storm, and a slow
// server that the deadline gives up on.
#include <catch2/catch.hpp>

#include "scripted_call.hpp"

#include <apidecl/retry/retry.hpp>

#include <cstddef>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

using namespace retry_test;
using apidecl::transport_errc;

// Counts the allocations of the whole program, to show that deciding makes none.
namespace {
std::size_t allocations = 0;
}  // namespace
void* operator new(std::size_t size) {
  ++allocations;
  if (void* p = std::malloc(size ? size : 1)) return p;
  std::abort();
}
void* operator new(std::size_t size, std::nothrow_t const&) noexcept {
  ++allocations;
  return std::malloc(size ? size : 1);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::nothrow_t const&) noexcept { std::free(p); }

namespace {

// The README's snippet, with the log written to `log`.
auto readme_policy(apidecl::retry_budget& budget, std::vector<std::string>& log) {
  using namespace std::chrono_literals;
  auto policy = apidecl::exponential_backoff{100ms, 10s, 5}  // full jitter, 5 attempts at most
                | apidecl::honour_retry_after(1min)          // wait as asked, up to a minute
                | apidecl::with_budget(budget)               // no retry storm in an outage
                | apidecl::with_deadline(30s)                // the call and its retries within 30 s
                | apidecl::on_retry([&log](apidecl::attempt const& a, apidecl::retry_decision const& d) {
                    log.push_back("attempt " + std::to_string(a.number) + ": " + std::string(d.reason()) +
                                  ", retrying in " + std::to_string(d.delay().count()) + " ms");
                  });
  return policy;
}

}  // namespace

TEST_CASE("the README's policy rides out a busy server and a timeout", "[retry][composition]") {
  apidecl::retry_budget budget{10, 0.1};
  std::vector<std::string> log;
  auto policy = readme_policy(budget, log);
  apidecl::test_clock clock;
  call_record const r = call_with_retries<get_widget>(
      policy, clock, {answer(503, "Retry-After: 2\r\n"), fails(transport_errc::timed_out), answer(200)}, 100ms);
  CHECK(r.attempts == 3);
  REQUIRE(clock.sleeps().size() == 2);
  CHECK(clock.sleeps()[0] == 2s);
  CHECK(clock.sleeps()[1] <= 200ms);
  REQUIRE(log.size() == 2);
  CHECK(log[0] == "attempt 1: 503 Service Unavailable, retrying in 2000 ms");
  CHECK(log[1].rfind("attempt 2: timed out, retrying in ", 0) == 0);
}

TEST_CASE("in an outage the shared budget stops the retries of every call", "[retry][composition]") {
  apidecl::retry_budget budget{10, 0.1};
  std::vector<std::string> log;
  auto policy = readme_policy(budget, log);
  apidecl::test_clock clock;
  int attempts = 0;
  for (int call = 0; call < 20; ++call)
    attempts += call_with_retries<get_widget>(policy, clock, {answer(503)}).attempts;
  CHECK(attempts == 20 + 4);  // a budget of 10 allows 4 retries before it falls to half
  CHECK(log.size() == 4);

  // Each success refunds 0.1 token. 60 bring the empty budget to 6, which one failure takes back
  // to half: no retry. 11 more, and a failure leaves it above half.
  for (int call = 0; call < 60; ++call) (void)call_with_retries<get_widget>(policy, clock, {answer(200)});
  CHECK(call_with_retries<get_widget>(policy, clock, {answer(503), answer(200)}).attempts == 1);
  for (int call = 0; call < 11; ++call) (void)call_with_retries<get_widget>(policy, clock, {answer(200)});
  CHECK(call_with_retries<get_widget>(policy, clock, {answer(503), answer(200)}).attempts == 2);
}

TEST_CASE("a server too slow for the deadline is given up on", "[retry][composition]") {
  apidecl::retry_budget budget{10, 0.1};
  std::vector<std::string> log;
  auto policy = readme_policy(budget, log);
  apidecl::test_clock clock;
  // Each exchange takes 12 s. The third ends past 30 s: the deadline rules the waits between
  // exchanges; ending an exchange in progress is the transport's timeout.
  call_record const r = call_with_retries<get_widget>(policy, clock, {fails(transport_errc::timed_out)}, 12s);
  CHECK(r.attempts == 3);
  CHECK(clock.now() <= 36s + 300ms);
  CHECK(r.last.reason() == "the deadline would pass before the retry");
}

TEST_CASE("a server asking for an hour is not waited for", "[retry][composition]") {
  apidecl::retry_budget budget{10, 0.1};
  std::vector<std::string> log;
  auto policy = readme_policy(budget, log);
  apidecl::test_clock clock;
  call_record const r = call_with_retries<get_widget>(policy, clock, {answer(503, "Retry-After: 3600\r\n")});
  CHECK(r.attempts == 1);
  CHECK(r.last.reason() == "Retry-After asks for a longer wait than the bound");
  CHECK(log.empty());
}

TEST_CASE("deciding allocates nothing, through every layer", "[retry][composition]") {
  apidecl::retry_budget budget{10, 0.1};
  int retries = 0;
  auto policy = apidecl::exponential_backoff{100ms, 10s, 5} | apidecl::retry_statuses<429, 503>() |
                apidecl::retry_non_idempotent() | apidecl::honour_retry_after(1min) | apidecl::with_budget(budget) |
                apidecl::with_deadline(30s) | apidecl::on_retry([&retries](auto const&, auto const&) { ++retries; });
  apidecl::transport_result const outcomes[] = {
      answer(503, "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nRetry-After: Sun, 06 Nov 1994 08:49:39 GMT\r\n"),
      answer(429, "Retry-After: 1\r\n"), fails(transport_errc::timed_out), refused(), answer(200)};
  std::size_t const before = allocations;
  int number = 0;
  for (apidecl::transport_result const& outcome : outcomes) {
    ++number;
    (void)policy.decide(apidecl::make_attempt<create_widget>(number, outcome, milliseconds(number * 100)));
  }
  std::size_t const after = allocations;
  CHECK(after == before);
  CHECK(retries == 4);
}
