#ifndef APIDECL_OBSERVERS_METRICS_HPP
#define APIDECL_OBSERVERS_METRICS_HPP

#include <apidecl/client/observer.hpp>
#include <apidecl/core/method.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

/// A ready Observer that counts calls into a plain struct the caller owns and reads:
///
///     apidecl::call_metrics metrics;
///     auto api = apidecl::make_client(http, apidecl::metrics_observer(metrics));
///     ...
///     for (apidecl::endpoint_metrics const& m : metrics) use(m.endpoint->path_template, m.calls);
///
/// Per endpoint, named after its path template so that a series is one per endpoint and never one
/// per ID: calls, attempts, retries, waits for the rate limit, calls by outcome and status, and
/// histograms of the calls' and the attempts' durations. `write_prometheus` (prometheus.hpp) prints them in Prometheus's
/// text format. Fixed capacities, no heap; not synchronized: a client shared by threads needs a
/// metrics struct per thread, or a lock around the calls.
namespace apidecl {

/// Durations in fixed buckets, as a Prometheus histogram keeps them.
struct latency_histogram {
  /// The buckets' upper bounds, in milliseconds; one more bucket takes the longer durations.
  static constexpr std::int64_t bounds_ms[] = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000};
  static constexpr std::size_t buckets = std::size(bounds_ms) + 1;

  std::uint64_t counts[buckets] = {};  ///< per bucket, not cumulative
  std::uint64_t count = 0;
  std::int64_t sum_ms = 0;

  void record(std::chrono::milliseconds duration) noexcept {
    std::size_t bucket = 0;
    while (bucket < std::size(bounds_ms) && duration.count() > bounds_ms[bucket]) ++bucket;
    ++counts[bucket];
    ++count;
    sum_ms += duration.count();
  }
};

/// How many calls came to one outcome with one status (0: no response).
struct outcome_count {
  call_outcome outcome = call_outcome::documented;
  int status = 0;
  std::uint64_t calls = 0;
};

/// What the calls to one endpoint came to.
struct endpoint_metrics {
  static constexpr std::size_t outcome_capacity = 16;

  endpoint_info const* endpoint = nullptr;
  std::uint64_t calls = 0;     ///< completed
  std::uint64_t attempts = 0;  ///< ended, with a response or a transport error
  std::uint64_t retries = 0;   ///< scheduled
  std::uint64_t rate_limit_waits = 0;  ///< attempts that waited for the client's Limiter
  outcome_count outcomes[outcome_capacity] = {};  ///< the first `outcome_kinds` are in use
  std::size_t outcome_kinds = 0;
  std::uint64_t uncounted_outcomes = 0;  ///< calls whose (outcome, status) found no room
  latency_histogram call_duration;       ///< from start to completion, waits included
  latency_histogram attempt_duration;    ///< from sending to the response or the error

  /// The calls that came to `outcome` with `status`.
  std::uint64_t calls_with(call_outcome outcome, int status) const noexcept {
    for (std::size_t i = 0; i < outcome_kinds; ++i)
      if (outcomes[i].outcome == outcome && outcomes[i].status == status) return outcomes[i].calls;
    return 0;
  }

  void count_outcome(call_outcome outcome, int status) noexcept {
    for (std::size_t i = 0; i < outcome_kinds; ++i) {
      if (outcomes[i].outcome == outcome && outcomes[i].status == status) {
        ++outcomes[i].calls;
        return;
      }
    }
    if (outcome_kinds == outcome_capacity) {
      ++uncounted_outcomes;
      return;
    }
    outcomes[outcome_kinds++] = outcome_count{outcome, status, 1};
  }
};

/// The metrics of at most `MaxEndpoints` endpoints, in the order first seen; events of the
/// endpoints past them are counted in `uncounted_events` only.
template <std::size_t MaxEndpoints>
struct basic_call_metrics {
  endpoint_metrics endpoints[MaxEndpoints] = {};
  std::size_t size = 0;
  std::uint64_t uncounted_events = 0;

  endpoint_metrics const* begin() const noexcept { return endpoints; }
  endpoint_metrics const* end() const noexcept { return endpoints + size; }

  /// Those of the endpoint `method path_template`, or null if it has not been called.
  endpoint_metrics const* find(apidecl::method method, std::string_view path_template) const noexcept {
    for (endpoint_metrics const& m : *this)
      if (m.endpoint->method == method && m.endpoint->path_template == path_template) return &m;
    return nullptr;
  }

  /// Those of `endpoint`, made on its first event; null past `MaxEndpoints`.
  endpoint_metrics* of(endpoint_info const& endpoint) noexcept {
    for (std::size_t i = 0; i < size; ++i) {
      endpoint_info const& known = *endpoints[i].endpoint;
      // The same object for every call of an endpoint, so the address settles it at once.
      if (&known == &endpoint || (known.method == endpoint.method && known.path_template == endpoint.path_template))
        return &endpoints[i];
    }
    if (size == MaxEndpoints) {
      ++uncounted_events;
      return nullptr;
    }
    endpoints[size].endpoint = &endpoint;
    return &endpoints[size++];
  }
};

/// Room for the endpoints of most clients.
using call_metrics = basic_call_metrics<32>;

/// Counts every call of a client into a `basic_call_metrics` the caller owns.
template <std::size_t MaxEndpoints>
class metrics_observer {
 public:
  explicit metrics_observer(basic_call_metrics<MaxEndpoints>& metrics) noexcept : metrics_(&metrics) {}

  void on(attempt_ended const& e) noexcept {
    if (endpoint_metrics* m = metrics_->of(e.endpoint)) {
      ++m->attempts;
      m->attempt_duration.record(e.duration);
    }
  }
  void on(retry_scheduled const& e) noexcept {
    if (endpoint_metrics* m = metrics_->of(e.endpoint)) ++m->retries;
  }
  void on(rate_limited const& e) noexcept {
    if (endpoint_metrics* m = metrics_->of(e.endpoint)) ++m->rate_limit_waits;
  }
  void on(call_completed const& e) noexcept {
    if (endpoint_metrics* m = metrics_->of(e.endpoint)) {
      ++m->calls;
      m->count_outcome(e.outcome, e.status);
      m->call_duration.record(e.duration);
    }
  }

 private:
  basic_call_metrics<MaxEndpoints>* metrics_;
};

}  // namespace apidecl

#endif
