// The tracing observer: a span per attempt after OpenTelemetry's HTTP client conventions, over
// the mock and over sockets, recorded with a Tracer of the test's own.
#include <catch2/catch.hpp>

#include "../support/emulator.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/observers/tracer.hpp>
#include <apidecl/observers/tracing.hpp>
#include <apidecl/retry/retry.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/curl.hpp>
#include <apidecl/transport/mock.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace c24 = apidecl::cielo24;
using namespace std::chrono_literals;

namespace {
constexpr char const* token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr char const* job = "64bea283eff6475ea6596027a6ba0929";

// The exemplar of tracer.hpp.
struct print_spans {
  struct span {
    void set_attribute(std::string_view key, std::string_view value) { std::printf("  %.*s=%.*s\n", int(key.size()), key.data(), int(value.size()), value.data()); }
    void set_attribute(std::string_view key, std::int64_t value) { std::printf("  %.*s=%lld\n", int(key.size()), key.data(), static_cast<long long>(value)); }
    void set_error(std::string_view) { std::puts("  failed"); }
    void end() { std::puts("  ended"); }
  };
  span start_span(std::string_view name, std::chrono::milliseconds) {
    std::printf("span %.*s\n", int(name.size()), name.data());
    return {};
  }
};
static_assert(apidecl::is_tracer_v<print_spans>);

// A span as the test tracer keeps it, every attribute as text.
struct recorded_span {
  std::string name;
  std::chrono::milliseconds began_ago{-1};
  std::map<std::string, std::string> attributes;
  std::string error;
  bool ended = false;
};

struct record_spans {
  std::vector<recorded_span>* spans;
  struct span {
    recorded_span* kept;
    void set_attribute(std::string_view key, std::string_view value) { kept->attributes[std::string(key)] = value; }
    void set_attribute(std::string_view key, std::int64_t value) {
      kept->attributes[std::string(key)] = std::to_string(value);
    }
    void set_error(std::string_view type) { kept->error = type; }
    void end() { kept->ended = true; }
  };
  span start_span(std::string_view name, std::chrono::milliseconds began_ago) {
    spans->push_back({std::string(name), began_ago, {}, {}, false});
    return {&spans->back()};
  }
};

struct no_end_span {
  void set_attribute(std::string_view, std::string_view) {}
  void set_attribute(std::string_view, std::int64_t) {}
  void set_error(std::string_view) {}
};
struct tracer_of_spans_without_end {
  no_end_span start_span(std::string_view, std::chrono::milliseconds) { return {}; }
};

using attributes_t = std::map<std::string, std::string>;
}  // namespace

TEST_CASE("a Tracer starts spans that take attributes, an error and an end", "[observers]") {
  STATIC_REQUIRE(apidecl::is_tracer_v<record_spans>);
  STATIC_REQUIRE_FALSE(apidecl::is_tracer_v<int>);
  STATIC_REQUIRE_FALSE(apidecl::is_tracer_v<tracer_of_spans_without_end>);
  STATIC_REQUIRE_FALSE(apidecl::is_tracer_v<no_end_span>);
  STATIC_REQUIRE(apidecl::is_observer_v<apidecl::tracing_observer<record_spans>>);
}

TEST_CASE("every attempt is a client span named after the method and the path template", "[observers]") {
  std::vector<recorded_span> spans;
  spans.reserve(4);  // the spans hand out pointers to their records
  apidecl::mock_transport http;
  http.respond(503).respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{token}, apidecl::test_clock{},
                                  apidecl::fixed_delay{250ms, 3},
                                  apidecl::tracing_observer(record_spans{&spans}, {"api.cielo24.com", 443}));
  (void)api.call(c24::authorize_job, c24::job_id = job);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].name == "GET /api/job/authorize");
  CHECK(spans[0].attributes == attributes_t{{"http.request.method", "GET"},
                                            {"url.template", "/api/job/authorize"},
                                            {"server.address", "api.cielo24.com"},
                                            {"server.port", "443"},
                                            {"http.response.status_code", "503"},
                                            {"error.type", "503"}});
  CHECK(spans[0].error == "503");
  CHECK(spans[0].ended);
  CHECK(spans[1].name == "GET /api/job/authorize");
  CHECK(spans[1].attributes == attributes_t{{"http.request.method", "GET"},
                                            {"url.template", "/api/job/authorize"},
                                            {"server.address", "api.cielo24.com"},
                                            {"server.port", "443"},
                                            {"http.request.resend_count", "1"},
                                            {"http.response.status_code", "204"}});
  CHECK(spans[1].error.empty());
  CHECK(spans[1].ended);
}

TEST_CASE("a span is named after the template, never the URL, and holds no argument", "[observers]") {
  std::vector<recorded_span> spans;
  spans.reserve(1);
  apidecl::mock_transport http;
  http.fail({apidecl::transport_errc::timed_out, true, "timed out"});
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{},
                                  apidecl::tracing_observer(record_spans{&spans}));
  (void)api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].name == "GET /api/job/delete");
  CHECK(spans[0].attributes == attributes_t{{"http.request.method", "GET"},
                                            {"url.template", "/api/job/delete"},
                                            {"error.type", "timed_out"}});
  CHECK(spans[0].error == "timed_out");
  CHECK(spans[0].began_ago == 0ms);
}

TEST_CASE("over sockets, a span per request the emulator received, back-dated by its duration", "[observers][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  REQUIRE(emulator.fault("path=/api/job/authorize&kind=status&status=503"));
  std::vector<recorded_span> spans;
  spans.reserve(2);
  apidecl::curl_transport http(emulator.transport_options());
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{token},
                                  apidecl::fixed_delay{10ms, 3}, apidecl::tracing_observer(record_spans{&spans}, {"127.0.0.1", 0}));
  CHECK(api.call(c24::authorize_job, c24::job_id = job).http_status() == 204);
  REQUIRE(spans.size() == 2);
  CHECK(emulator.count().requests == 2);
  CHECK(spans[0].attributes.at("http.response.status_code") == "503");
  CHECK(spans[1].attributes.at("http.response.status_code") == "204");
  CHECK(spans[1].attributes.at("http.request.resend_count") == "1");
  CHECK(spans[1].attributes.at("server.address") == "127.0.0.1");
  CHECK(spans[1].attributes.count("server.port") == 0);
  for (recorded_span const& s : spans) {
    CHECK(s.began_ago >= 0ms);
    CHECK(s.began_ago < 10s);
    CHECK(s.ended);
  }
}
