// What the ready observers cost per call: Authorize Job through the client on the mock transport,
// with no observer and with each of the logging and metrics observers, in alternating rounds of
// the same calls; the median time per call of each, and each observer's cost over none. The
// logging observer writes to a sink that only counts bytes, so what is measured is the
// observer's own work (making its lines), not a file's. With `--calls NAME COUNT` it makes COUNT
// calls with one observer inside `counted_calls`, whose instructions `run` has callgrind count.
#include "support/seeds.hpp"

#include <apidecl/apis/cielo24/job_authorize.hpp>
#include <apidecl/apis/cielo24/token_auth.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/observers/logging.hpp>
#include <apidecl/observers/metrics.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string_view>
#include <utility>
#include <vector>

namespace observers_benchmark {

namespace c24 = apidecl::cielo24;

constexpr int calls_per_round = 10000;
constexpr int rounds = 15;

// Where the logging observer's lines go: counted, so that the compiler cannot drop them.
std::size_t logged_bytes = 0;
struct count_bytes {
  void operator()(std::string_view line) const { logged_bytes += line.size(); }
};

apidecl::call_metrics metrics;

// A mock scripted with `count` 204s, before anything is measured.
apidecl::mock_transport scripted(int count) {
  apidecl::mock_transport http;
  for (int i = 0; i < count; ++i) http.respond(204);
  return http;
}

// Makes `count` calls through a client with `observer` (or none) on `http`; false if a call did
// not end as scripted.
template <class... Observer>
bool make_calls(apidecl::mock_transport& http, int count, double* seconds, Observer... observer) {
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{std::string(seeds::api_token)},
                                  std::move(observer)...);
  auto const start = std::chrono::steady_clock::now();
  bool ok = true;
  for (int i = 0; i < count; ++i) ok = api.call(c24::authorize_job, c24::job_id = seeds::job_id).http_status() == 204 && ok;
  if (seconds) *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return ok;
}

struct side {
  char const* name;
  bool (*calls)(apidecl::mock_transport& http, int count, double* seconds);
};

// The observers compared, each against the first, which has none.
side const sides[] = {
    {"none", [](apidecl::mock_transport& h, int n, double* s) { return make_calls(h, n, s); }},
    {"logging", [](apidecl::mock_transport& h, int n, double* s) { return make_calls(h, n, s, apidecl::logging_observer(count_bytes{})); }},
    {"logging_attempts",
     [](apidecl::mock_transport& h, int n, double* s) {
       return make_calls(h, n, s, apidecl::logging_observer(count_bytes{}, {apidecl::log_level::attempts}));
     }},
    {"metrics", [](apidecl::mock_transport& h, int n, double* s) { return make_calls(h, n, s, apidecl::metrics_observer(metrics)); }},
    {"logging_and_metrics",
     [](apidecl::mock_transport& h, int n, double* s) {
       return make_calls(h, n, s, apidecl::logging_observer(count_bytes{}) | apidecl::metrics_observer(metrics));
     }},
};

// The only function whose instructions `run` has callgrind count.
[[gnu::noinline]] bool counted_calls(side const& s, apidecl::mock_transport& http, int count) {
  return s.calls(http, count, nullptr);
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace observers_benchmark

int main(int argc, char** argv) {
  using namespace observers_benchmark;
  if (argc == 4 && std::string_view(argv[1]) == "--calls") {
    for (side const& s : sides)
      if (std::string_view(argv[2]) == s.name) {
        int const calls = std::atoi(argv[3]);
        apidecl::mock_transport http = scripted(calls);
        return counted_calls(s, http, calls) ? 0 : 1;
      }
    std::fprintf(stderr, "observers: no observer named %s\n", argv[2]);
    return 2;
  }
  if (argc != 1) {
    std::fprintf(stderr, "usage: observers [--calls NAME COUNT]\n");
    return 2;
  }
  constexpr std::size_t count = std::size(sides);
  std::vector<double> ns[count];
  for (side const& s : sides) {  // warms up every side
    apidecl::mock_transport http = scripted(calls_per_round);
    s.calls(http, calls_per_round, nullptr);
  }
  for (int round = 0; round < rounds; ++round) {
    for (std::size_t i = 0; i < count; ++i) {
      side const& s = sides[(i + static_cast<std::size_t>(round)) % count];  // each side first in turn
      apidecl::mock_transport http = scripted(calls_per_round);
      double seconds = 0;
      if (!s.calls(http, calls_per_round, &seconds)) {
        std::fprintf(stderr, "observers: a call with %s did not end as scripted\n", s.name);
        return 1;
      }
      ns[&s - sides].push_back(seconds * 1e9 / calls_per_round);
    }
  }
  double const none = median(ns[0]);
  std::printf("observers_ns_per_call.none: %.0f\n", none);
  for (std::size_t i = 1; i < count; ++i) {
    double const observed = median(ns[i]);
    std::printf("observers_ns_per_call.%s: %.0f\n", sides[i].name, observed);
    std::printf("observers_cost_ns.%s: %.0f\n", sides[i].name, observed - none);
    std::printf("observers_cost_ratio.%s: %.2f\n", sides[i].name, observed / none);
  }
  return logged_bytes > 0 && metrics.size == 1 ? 0 : 1;
}
