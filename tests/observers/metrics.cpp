// The metrics observer: calls, attempts, retries, outcomes by status and durations per endpoint
// template, over the mock and over sockets, read as a struct and in Prometheus's text format.
#include <catch2/catch.hpp>

#include "../support/emulator.hpp"
#include "collect_lines.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/observers/metrics.hpp>
#include <apidecl/observers/prometheus.hpp>
#include <apidecl/retry/retry.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/curl.hpp>
#include <apidecl/transport/mock.hpp>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

namespace c24 = apidecl::cielo24;
using namespace std::chrono_literals;
using lines_t = std::vector<std::string>;

namespace {
constexpr char const* token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr char const* job = "64bea283eff6475ea6596027a6ba0929";

bool has(lines_t const& lines, std::string const& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}
}  // namespace

TEST_CASE("a histogram counts each duration in the first bucket that holds it", "[observers]") {
  apidecl::latency_histogram h;
  for (int ms : {0, 5, 6, 10000, 10001}) h.record(std::chrono::milliseconds(ms));
  CHECK(h.counts[0] == 2);  // 0 and 5: up to 5 ms
  CHECK(h.counts[1] == 1);  // 6: up to 10 ms
  CHECK(h.counts[apidecl::latency_histogram::buckets - 2] == 1);  // up to 10 s
  CHECK(h.counts[apidecl::latency_histogram::buckets - 1] == 1);  // longer
  CHECK(h.count == 5);
  CHECK(h.sum_ms == 20012);
}

TEST_CASE("calls are counted per endpoint template, by outcome and status, with their retries", "[observers]") {
  apidecl::call_metrics metrics;
  apidecl::mock_transport http;
  http.respond(503).respond(204).respond(204);
  http.respond(400, R"({"ErrorType": "ITEM_NOT_FOUND", "ErrorComment": "no such job"})", "Content-Type: application/json\r\n");
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{token}, apidecl::test_clock{},
                                  apidecl::fixed_delay{250ms, 2}, apidecl::metrics_observer(metrics));
  (void)api.call(c24::authorize_job, c24::job_id = job);  // 503, then 204 after 250 ms
  (void)api.call(c24::authorize_job, c24::job_id = "11111111111111111111111111111111");
  (void)api.call(c24::delete_job, c24::job_id = job);  // 400, not retried
  (void)api.call(c24::delete_job, c24::job_id = "not hex");  // never sent
  REQUIRE(metrics.size == 2);
  apidecl::endpoint_metrics const* authorize = metrics.find(apidecl::method::get, "/api/job/authorize");
  REQUIRE(authorize != nullptr);
  CHECK(authorize->calls == 2);
  CHECK(authorize->attempts == 3);
  CHECK(authorize->retries == 1);
  CHECK(authorize->calls_with(apidecl::call_outcome::documented, 204) == 2);
  CHECK(authorize->outcome_kinds == 1);
  CHECK(authorize->call_duration.count == 2);
  CHECK(authorize->call_duration.sum_ms == 250);
  CHECK(authorize->attempt_duration.count == 3);
  apidecl::endpoint_metrics const* deletes = metrics.find(apidecl::method::get, "/api/job/delete");
  REQUIRE(deletes != nullptr);
  CHECK(deletes->calls == 2);
  CHECK(deletes->attempts == 1);
  CHECK(deletes->calls_with(apidecl::call_outcome::documented, 400) == 1);
  CHECK(deletes->calls_with(apidecl::call_outcome::validation_failure, 0) == 1);
  CHECK(metrics.find(apidecl::method::post, "/api/job/delete") == nullptr);
}

TEST_CASE("past its capacity, a metrics struct counts what it could not keep", "[observers]") {
  apidecl::basic_call_metrics<1> metrics;
  apidecl::mock_transport http;
  http.respond(204).respond(200, R"({"TaskId": "cc8095fbfecf4647b2e10b622d81c19b"})", "Content-Type: application/json\r\n");
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::metrics_observer(metrics));
  (void)api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  (void)api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);
  CHECK(metrics.size == 1);
  CHECK(metrics.uncounted_events == 2);  // the delete's attempt and its completion
}

TEST_CASE("metrics print in Prometheus's text format, a series per endpoint template", "[observers]") {
  apidecl::call_metrics metrics;
  apidecl::mock_transport http;
  http.respond(503).respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{token}, apidecl::test_clock{},
                                  apidecl::fixed_delay{2500ms, 2}, apidecl::metrics_observer(metrics));
  (void)api.call(c24::authorize_job, c24::job_id = job);
  lines_t lines;
  apidecl::write_prometheus(metrics, test_support::collect_lines{&lines});
  std::string const labels = R"(method="GET",url_template="/api/job/authorize")";
  CHECK(lines.at(0) == "# HELP apidecl_calls_total Calls completed, by endpoint, outcome and HTTP status.");
  CHECK(lines.at(1) == "# TYPE apidecl_calls_total counter");
  CHECK(lines.at(2) == "apidecl_calls_total{" + labels + R"(,outcome="documented",status="204"} 1)");
  CHECK(has(lines, "# TYPE apidecl_attempts_total counter"));
  CHECK(has(lines, "apidecl_attempts_total{" + labels + "} 2"));
  CHECK(has(lines, "apidecl_retries_total{" + labels + "} 1"));
  CHECK(has(lines, "apidecl_rate_limit_waits_total{" + labels + "} 0"));
  CHECK(has(lines, "# TYPE apidecl_call_duration_seconds histogram"));
  CHECK(has(lines, "apidecl_call_duration_seconds_bucket{" + labels + R"(,le="1"} 0)"));
  CHECK(has(lines, "apidecl_call_duration_seconds_bucket{" + labels + R"(,le="2.5"} 1)"));
  CHECK(has(lines, "apidecl_call_duration_seconds_bucket{" + labels + R"(,le="+Inf"} 1)"));
  CHECK(has(lines, "apidecl_call_duration_seconds_sum{" + labels + "} 2.5"));
  CHECK(has(lines, "apidecl_call_duration_seconds_count{" + labels + "} 1"));
  CHECK(has(lines, "apidecl_attempt_duration_seconds_bucket{" + labels + R"(,le="0.005"} 2)"));
  CHECK(has(lines, "apidecl_attempt_duration_seconds_sum{" + labels + "} 0"));
  // Every sample's family is declared before it, and no line holds a job ID.
  for (std::string const& line : lines) {
    INFO(line);
    CHECK(line.find(job) == std::string::npos);
    CHECK(line.find(token) == std::string::npos);
    CHECK(line.find('\n') == std::string::npos);
  }
  CHECK(std::count_if(lines.begin(), lines.end(), [](std::string const& l) { return l.rfind("# TYPE", 0) == 0; }) == 6);
}

TEST_CASE("a failure's status is empty, which Prometheus reads as no label", "[observers]") {
  apidecl::call_metrics metrics;
  apidecl::mock_transport http;
  http.fail({apidecl::transport_errc::timed_out, true, "timed out"});
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::metrics_observer(metrics));
  (void)api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);
  lines_t lines;
  apidecl::write_prometheus(metrics, test_support::collect_lines{&lines});
  CHECK(has(lines, R"(apidecl_calls_total{method="GET",url_template="/api/job/delete",outcome="transport_failure",status=""} 1)"));
}

TEST_CASE("over sockets, the metrics count what the emulator answered", "[observers][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  REQUIRE(emulator.fault("path=/api/job/authorize&kind=status&status=503"));
  apidecl::call_metrics metrics;
  apidecl::curl_transport http(emulator.transport_options());
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{token}, apidecl::test_clock{},
                                  apidecl::fixed_delay{10ms, 3}, apidecl::metrics_observer(metrics));
  CHECK(api.call(c24::authorize_job, c24::job_id = job).http_status() == 204);
  CHECK(api.call(c24::delete_job, c24::job_id = "22222222222222222222222222222222").http_status() == 400);
  apidecl::endpoint_metrics const* authorize = metrics.find(apidecl::method::get, "/api/job/authorize");
  apidecl::endpoint_metrics const* deletes = metrics.find(apidecl::method::get, "/api/job/delete");
  REQUIRE(authorize != nullptr);
  REQUIRE(deletes != nullptr);
  CHECK(authorize->attempts == 2);
  CHECK(authorize->retries == 1);
  CHECK(authorize->calls_with(apidecl::call_outcome::documented, 204) == 1);
  CHECK(deletes->calls_with(apidecl::call_outcome::documented, 400) == 1);
  CHECK(emulator.count().requests == 3);
}
