// on_retry: the hook hears of each retry, with the attempt that failed and the final decision,
// and of nothing else.
#include <catch2/catch.hpp>

#include "scripted_call.hpp"

#include <apidecl/retry/fixed_delay.hpp>
#include <apidecl/retry/honour_retry_after.hpp>
#include <apidecl/retry/layer.hpp>
#include <apidecl/retry/on_retry.hpp>

#include <string>
#include <vector>

using namespace retry_test;
using apidecl::transport_errc;

namespace {

struct heard {
  int number;
  std::string reason;
  milliseconds delay;
  int status;
  friend bool operator==(heard const& a, heard const& b) {
    return a.number == b.number && a.reason == b.reason && a.delay == b.delay && a.status == b.status;
  }
};

}  // namespace

TEST_CASE("the hook is called before each retry with the attempt number, reason and delay", "[retry][on_retry]") {
  std::vector<heard> log;
  auto const note = [&log](apidecl::attempt const& a, apidecl::retry_decision const& d) {
    log.push_back({a.number, std::string(d.reason()), d.delay(), a.status});
  };
  auto policy = apidecl::fixed_delay{1s, 5} | apidecl::on_retry(note);
  apidecl::test_clock clock;
  call_record const r = call_with_retries<get_widget>(
      policy, clock, {answer(503), fails(transport_errc::timed_out), answer(429), answer(200)});
  CHECK(r.attempts == 4);
  CHECK(log == std::vector<heard>{{1, "503 Service Unavailable", 1s, 503},
                                  {2, "timed out", 1s, 0},
                                  {3, "429 Too Many Requests", 1s, 429}});
}

TEST_CASE("the hook is not called when the policy stops", "[retry][on_retry]") {
  int calls = 0;
  auto policy = apidecl::fixed_delay{1s, 2} | apidecl::on_retry([&calls](auto const&, auto const&) { ++calls; });
  apidecl::test_clock clock;
  CHECK(call_with_retries<get_widget>(policy, clock, {answer(200)}).attempts == 1);
  CHECK(call_with_retries<create_widget>(policy, clock, {answer(503)}).attempts == 1);
  CHECK(calls == 0);
  CHECK(call_with_retries<get_widget>(policy, clock, {answer(503)}).attempts == 2);
  CHECK(calls == 1);
}

TEST_CASE("the hook hears the decision the layers before it made", "[retry][on_retry]") {
  std::vector<milliseconds> delays;
  auto const note = [&delays](auto const&, apidecl::retry_decision const& d) { delays.push_back(d.delay()); };
  auto policy = apidecl::fixed_delay{1s, 5} | apidecl::honour_retry_after(60s) | apidecl::on_retry(note);
  apidecl::test_clock clock;
  (void)call_with_retries<get_widget>(policy, clock, {answer(503, "Retry-After: 9\r\n"), answer(200)});
  CHECK(delays == std::vector<milliseconds>{9s});
  CHECK(clock.sleeps() == delays);
}
