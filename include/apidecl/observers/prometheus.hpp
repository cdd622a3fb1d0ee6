#ifndef APIDECL_OBSERVERS_PROMETHEUS_HPP
#define APIDECL_OBSERVERS_PROMETHEUS_HPP

#include <apidecl/client/observer.hpp>
#include <apidecl/core/method.hpp>
#include <apidecl/core/writer.hpp>
#include <apidecl/observers/detail/line.hpp>
#include <apidecl/observers/line_sink.hpp>
#include <apidecl/observers/metrics.hpp>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <type_traits>

/// The metrics observer's counts (metrics.hpp) in Prometheus's text exposition format, one line
/// at a time to a LineSink, for a `/metrics` page or a file a node exporter reads:
///
///     # TYPE apidecl_calls_total counter
///     apidecl_calls_total{method="GET",url_template="/api/job/authorize",outcome="documented",status="204"} 3
///     # TYPE apidecl_call_duration_seconds histogram
///     apidecl_call_duration_seconds_bucket{method="GET",url_template="/api/job/authorize",le="0.005"} 3
///     ...
///
/// Names follow Prometheus's conventions (a `_total` counter, durations in seconds with base
/// unit names); labels are the endpoint's `method` and `url_template` (its path template, never
/// a URL, so there is one series per endpoint, not per ID), a call's `outcome`
/// (`outcome_name`) and `status` (empty, which Prometheus reads as no label, when there was no
/// response). No heap.
namespace apidecl {

namespace detail {

// The sink behind a plain function, so that the writing below is compiled once.
struct line_sink_ref {
  void* sink;
  void (*emit)(void* sink, std::string_view line);
  void operator()(std::string_view line) const { emit(sink, line); }
};

// A label value, its backslashes, quotes and line breaks escaped as the format wants.
inline void write_label_value(writer& out, std::string_view value) noexcept {
  for (char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') out.append("\\n");
    else out.push_back(c);
  }
}

// Milliseconds as seconds, in the fewest digits: 5 -> 0.005, 2500 -> 2.5, 1000 -> 1.
inline void write_seconds(writer& out, std::int64_t ms) noexcept {
  if (ms < 0) {
    out.push_back('-');
    ms = -ms;
  }
  write_integer(out, ms / 1000);
  std::int64_t fraction = ms % 1000;
  if (fraction == 0) return;
  char digits[4] = {'.', static_cast<char>('0' + fraction / 100), static_cast<char>('0' + fraction / 10 % 10),
                    static_cast<char>('0' + fraction % 10)};
  std::size_t size = 4;
  while (digits[size - 1] == '0') --size;
  out.append({digits, size});
}

using prometheus_line = fixed_line<512>;

// `name{method="GET",url_template="/x"` — the sample's name and the labels every sample has.
inline void begin_sample(writer& out, std::string_view name, endpoint_metrics const& m) noexcept {
  out.append(name);
  out.append("{method=\"");
  out.append(method_name(m.endpoint->method));
  out.append("\",url_template=\"");
  write_label_value(out, m.endpoint->path_template);
  out.push_back('"');
}

inline void write_family_header(line_sink_ref sink, std::string_view name, std::string_view type,
                                std::string_view help) {
  prometheus_line line;
  line.out().append("# HELP ");
  line.out().append(name);
  line.out().push_back(' ');
  line.out().append(help);
  sink(line.text());
  prometheus_line type_line;
  type_line.out().append("# TYPE ");
  type_line.out().append(name);
  type_line.out().push_back(' ');
  type_line.out().append(type);
  sink(type_line.text());
}

inline void write_counter(line_sink_ref sink, endpoint_metrics const* first, std::size_t count, std::string_view name,
                          std::string_view help, std::uint64_t endpoint_metrics::*counter) {
  write_family_header(sink, name, "counter", help);
  for (endpoint_metrics const* m = first; m != first + count; ++m) {
    prometheus_line line;
    begin_sample(line.out(), name, *m);
    line.out().append("} ");
    write_integer(line.out(), static_cast<long long>(m->*counter));
    sink(line.text());
  }
}

inline void write_histogram(line_sink_ref sink, endpoint_metrics const* first, std::size_t count, std::string_view name,
                            std::string_view help, latency_histogram endpoint_metrics::*histogram) {
  write_family_header(sink, name, "histogram", help);
  // name_bucket, name_sum and name_count: the family's samples, sharing its name as their prefix.
  char names[3][96];
  writer bucket(names[0], sizeof names[0]), sum(names[1], sizeof names[1]), total(names[2], sizeof names[2]);
  for (writer* w : {&bucket, &sum, &total}) w->append(name);
  bucket.append("_bucket");
  sum.append("_sum");
  total.append("_count");
  for (endpoint_metrics const* m = first; m != first + count; ++m) {
    latency_histogram const& h = m->*histogram;
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b < latency_histogram::buckets; ++b) {
      cumulative += h.counts[b];
      prometheus_line line;
      begin_sample(line.out(), bucket.slice(0, bucket.size()), *m);
      line.out().append(",le=\"");
      if (b < std::size(latency_histogram::bounds_ms)) write_seconds(line.out(), latency_histogram::bounds_ms[b]);
      else line.out().append("+Inf");
      line.out().append("\"} ");
      write_integer(line.out(), static_cast<long long>(cumulative));
      sink(line.text());
    }
    prometheus_line sum_line;
    begin_sample(sum_line.out(), sum.slice(0, sum.size()), *m);
    sum_line.out().append("} ");
    write_seconds(sum_line.out(), h.sum_ms);
    sink(sum_line.text());
    prometheus_line count_line;
    begin_sample(count_line.out(), total.slice(0, total.size()), *m);
    count_line.out().append("} ");
    write_integer(count_line.out(), static_cast<long long>(h.count));
    sink(count_line.text());
  }
}

inline void write_prometheus_text(line_sink_ref sink, endpoint_metrics const* first, std::size_t count) {
  std::string_view const calls = "apidecl_calls_total";
  write_family_header(sink, calls, "counter", "Calls completed, by endpoint, outcome and HTTP status.");
  for (endpoint_metrics const* m = first; m != first + count; ++m) {
    for (std::size_t i = 0; i < m->outcome_kinds; ++i) {
      outcome_count const& o = m->outcomes[i];
      prometheus_line line;
      begin_sample(line.out(), calls, *m);
      line.out().append(",outcome=\"");
      line.out().append(outcome_name(o.outcome));
      line.out().append("\",status=\"");
      if (o.status != 0) write_integer(line.out(), o.status);
      line.out().append("\"} ");
      write_integer(line.out(), static_cast<long long>(o.calls));
      sink(line.text());
    }
  }
  write_counter(sink, first, count, "apidecl_attempts_total", "Requests sent, retries included, by endpoint.",
                &endpoint_metrics::attempts);
  write_counter(sink, first, count, "apidecl_retries_total", "Retries scheduled, by endpoint.",
                &endpoint_metrics::retries);
  write_counter(sink, first, count, "apidecl_rate_limit_waits_total",
                "Attempts that waited for the client's rate limiter, by endpoint.", &endpoint_metrics::rate_limit_waits);
  write_histogram(sink, first, count, "apidecl_call_duration_seconds",
                  "Duration of calls, from start to completion, retries and waits included.",
                  &endpoint_metrics::call_duration);
  write_histogram(sink, first, count, "apidecl_attempt_duration_seconds",
                  "Duration of attempts, from sending to the response or the error.", &endpoint_metrics::attempt_duration);
}

}  // namespace detail

/// Writes `metrics` to `sink` in Prometheus's text exposition format, a line at a time.
template <std::size_t MaxEndpoints, class LineSink>
void write_prometheus(basic_call_metrics<MaxEndpoints> const& metrics, LineSink&& sink) {
  using sink_type = std::remove_reference_t<LineSink>;
  if constexpr (detail::check_line_sink<sink_type>()) {
    detail::line_sink_ref const erased{
        const_cast<void*>(static_cast<void const*>(&sink)),
        [](void* s, std::string_view line) { (*static_cast<sink_type*>(s))(line); }};
    detail::write_prometheus_text(erased, metrics.endpoints, metrics.size);
  }
}

}  // namespace apidecl

#endif
