// What a Limiter costs: Authorize Job through the client on the mock transport with no limiter
// and with a rate_limiter that never holds a call back (so only its bookkeeping is measured), in
// alternating rounds, the median time per call of each; and rate_limiter::acquire alone, on one
// thread and on four threads sharing it (the mutex contended).
#include <apidecl/apis/cielo24/job_authorize.hpp>
#include <apidecl/apis/cielo24/token_auth.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/limit/rate_limiter.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

namespace {
namespace c24 = apidecl::cielo24;
using namespace std::chrono_literals;

constexpr int calls_per_round = 10000;
constexpr int rounds = 11;
constexpr char const* token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr char const* job = "64bea283eff6475ea6596027a6ba0929";

// A rate no benchmark reaches: every acquire takes a token at once.
apidecl::rate_limiter unlimited() { return apidecl::rate_limiter(apidecl::rate{1000000000, 1ms, 1000000000}); }

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Seconds for `calls_per_round` calls through a client with `limiter` (or none); negative if a
// call did not end as scripted.
template <class... Limiter>
double round_of_calls(Limiter... limiter) {
  apidecl::mock_transport http;
  for (int i = 0; i < calls_per_round; ++i) http.respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{token}, limiter...);
  auto const start = std::chrono::steady_clock::now();
  bool ok = true;
  for (int i = 0; i < calls_per_round; ++i) ok = api.call(c24::authorize_job, c24::job_id = job).http_status() == 204 && ok;
  double const s = seconds_since(start);
  return ok ? s : -1;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Nanoseconds per acquire with `threads` threads sharing one limiter, each making `count`.
double acquire_ns(int threads, int count) {
  apidecl::rate_limiter const limits = unlimited();
  std::vector<std::thread> running;
  auto const start = std::chrono::steady_clock::now();
  for (int t = 0; t < threads; ++t)
    running.emplace_back([limiter = limits, count]() mutable {
      auto const& info = apidecl::endpoint_info_of<c24::endpoints::authorize_job>;
      for (int i = 0; i < count; ++i) (void)limiter.acquire(info, std::chrono::milliseconds(i));
    });
  for (std::thread& t : running) t.join();
  return seconds_since(start) * 1e9 / (static_cast<double>(threads) * count);
}
}  // namespace

int main() {
  std::vector<double> none, limited;
  for (int r = 0; r < rounds; ++r) {
    none.push_back(round_of_calls());
    limited.push_back(round_of_calls(unlimited()));
    if (none.back() < 0 || limited.back() < 0) {
      std::fprintf(stderr, "rate_limiter: a call did not end as scripted\n");
      return 1;
    }
  }
  double const per_call_none = median(none) * 1e9 / calls_per_round;
  double const per_call_limited = median(limited) * 1e9 / calls_per_round;
  std::printf("limiter_ns_per_call.none: %.0f\n", per_call_none);
  std::printf("limiter_ns_per_call.rate_limiter: %.0f\n", per_call_limited);
  std::printf("limiter_cost_ns.rate_limiter: %.0f\n", per_call_limited - per_call_none);
  std::printf("limiter_acquire_ns.one_thread: %.1f\n", acquire_ns(1, 1000000));
  std::printf("limiter_acquire_ns.four_threads: %.1f\n", acquire_ns(4, 250000));
}
