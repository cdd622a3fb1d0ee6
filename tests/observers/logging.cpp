// The logging observer: one line per event its level takes, over the mock and over sockets,
// every declared secret as *** and every line one line.
#include <catch2/catch.hpp>

#include "../support/emulator.hpp"
#include "../support/lod1_signature.hpp"
#include "collect_lines.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/apis/ondemand/ondemand.hpp>
#include <apidecl/auth/openssl_sha256.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/fmt/logging.hpp>
#include <apidecl/observers/line_sink.hpp>
#include <apidecl/observers/logging.hpp>
#include <apidecl/retry/retry.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/transport/curl.hpp>
#include <apidecl/transport/mock.hpp>

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace c24 = apidecl::cielo24;
namespace od = apidecl::ondemand;
using namespace std::chrono_literals;
using lines_t = std::vector<std::string>;

namespace {
constexpr char const* token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr char const* job = "64bea283eff6475ea6596027a6ba0929";

// The exemplar of line_sink.hpp.
struct count_lines {
  int* lines;
  void operator()(std::string_view) { ++*lines; }
};
static_assert(apidecl::is_line_sink_v<count_lines>);

struct fixed_utc_clock {
  apidecl::utc_timestamp now() const { return *apidecl::utc_timestamp::from_unix_time(1400000000); }
};

// An endpoint whose request line can be longer than a log line.
namespace notes {
struct key : apidecl::query<std::string_view, apidecl::secret> {
  static constexpr std::string_view name = "key";
};
struct text : apidecl::query<std::string_view> {
  static constexpr std::string_view name = "text";
};
struct post_note {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/notes";
  using params = apidecl::params<key, text>;
  using responses = apidecl::responses<apidecl::on<204>>;
};
inline constexpr apidecl::keyword<key> key_arg{};
inline constexpr apidecl::keyword<text> text_arg{};
}  // namespace notes

// The lines of one Authorize Job call that fails with a 503 once, logged at `level`.
lines_t retried_call_logged_at(apidecl::log_level level) {
  lines_t lines;
  apidecl::mock_transport http;
  http.respond(503).respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{token}, apidecl::test_clock{},
                                  apidecl::fixed_delay{250ms, 3},
                                  apidecl::logging_observer(test_support::collect_lines{&lines}, {level}));
  (void)api.call(c24::authorize_job, c24::job_id = job);
  return lines;
}
}  // namespace

TEST_CASE("only callables taking a line of text are line sinks", "[observers]") {
  STATIC_REQUIRE(apidecl::is_line_sink_v<test_support::collect_lines>);
  STATIC_REQUIRE(apidecl::is_line_sink_v<apidecl::file_line_sink>);
  STATIC_REQUIRE(apidecl::is_line_sink_v<void (*)(std::string_view)>);
  STATIC_REQUIRE_FALSE(apidecl::is_line_sink_v<int>);
  STATIC_REQUIRE_FALSE(apidecl::is_line_sink_v<void (*)(int)>);
  STATIC_REQUIRE(apidecl::is_observer_v<apidecl::logging_observer<count_lines>>);
  int lines = 0;
  apidecl::mock_transport http;
  http.respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::logging_observer(count_lines{&lines}));
  (void)api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  CHECK(lines == 1);
}

TEST_CASE("each level logs what the level before it logs, and more", "[observers]") {
  std::string const sent = std::string("GET /api/job/authorize: attempt {}: GET /api/job/authorize?v=1&api_token=***&job_id=") + job;
  lines_t const calls{"GET /api/job/authorize: documented 204 after 2 attempts in 250 ms"};
  lines_t const retries{"GET /api/job/authorize: retry 2 in 250 ms: 503 Service Unavailable", calls[0]};
  lines_t const attempts{
      "GET /api/job/authorize: attempt 1: GET /api/job/authorize?v=1&api_token=***&job_id=" + std::string(job),
      "GET /api/job/authorize: attempt 1 ended: 503 in 0 ms",
      retries[0],
      "GET /api/job/authorize: attempt 2: GET /api/job/authorize?v=1&api_token=***&job_id=" + std::string(job),
      "GET /api/job/authorize: attempt 2 ended: 204 in 0 ms",
      calls[0]};
  CHECK(retried_call_logged_at(apidecl::log_level::calls) == calls);
  CHECK(retried_call_logged_at(apidecl::log_level::retries) == retries);
  CHECK(retried_call_logged_at(apidecl::log_level::attempts) == attempts);
  lines_t const debug = retried_call_logged_at(apidecl::log_level::debug);
  REQUIRE(debug.size() == attempts.size() + 1);
  CHECK(debug.front() == "GET /api/job/authorize: started");
  CHECK(debug.back() == calls[0]);
}

TEST_CASE("debug shows the header fields an Auth policy adds, its secret ones as ***", "[observers]") {
  lines_t lines;
  apidecl::mock_transport http;
  http.respond(202, "<QuoteAuthorization><Status>Authorized</Status></QuoteAuthorization>", "Content-Type: text/xml\r\n");
  auto lod = apidecl::make_client(http, apidecl::pugixml_serializer{},
                                  od::signer<apidecl::openssl_sha256, fixed_utc_clock>({"demo-key-id", "demo-secret-key"}),
                                  apidecl::logging_observer(test_support::collect_lines{&lines}, {apidecl::log_level::debug}));
  od::quote q;
  q.quote_id = od::ids::quote("795");
  (void)lod.call(od::authorize_quote, od::quote_id = "795", apidecl::body = q);
  REQUIRE(http.requests().size() == 1);
  CHECK(lines.at(2) ==
        "POST /api/quote/{quote_id}/authorize: attempt 1 headers: Content-Type: text/xml; Accept: text/xml; "
        "x-lod-timestamp: 2014-05-13T16:53:20; x-lod-version: 2015-02-23; Authorization: ***");
  for (std::string const& line : lines) {
    INFO(line);
    CHECK(line.find("demo-secret-key") == std::string::npos);
    CHECK(line.find("Signature=") == std::string::npos);
  }
}

TEST_CASE("bodies are shown only when asked, redacted, cut to the length asked and on one line", "[observers]") {
  lines_t lines;
  apidecl::mock_transport http;
  http.respond(202, "<QuoteAuthorization><Status>Authorized</Status></QuoteAuthorization>", "Content-Type: text/xml\r\n");
  http.respond(202, "<QuoteAuthorization><Status>Authorized</Status></QuoteAuthorization>", "Content-Type: text/xml\r\n");
  od::quote q;
  q.quote_id = od::ids::quote("795");
  auto const call_logging = [&](apidecl::log_options options) {
    lines.clear();
    auto lod = apidecl::make_client(http, apidecl::pugixml_serializer{},
                                    od::signer<apidecl::openssl_sha256, fixed_utc_clock>({"demo-key-id", "demo-secret-key"}),
                                    apidecl::logging_observer(test_support::collect_lines{&lines}, options));
    (void)lod.call(od::authorize_quote, od::quote_id = "795", apidecl::body = q);
  };
  call_logging({apidecl::log_level::attempts, 0});
  CHECK(lines.size() == 3);
  call_logging({apidecl::log_level::attempts, 24});
  REQUIRE(lines.size() == 4);
  std::string const& body = http.requests().back().body;
  REQUIRE(body.size() > 24);
  std::string shown = body.substr(0, 24);
  for (char& c : shown)
    if (c == '\n' || c == '\r') c = ' ';
  CHECK(lines[1] == "POST /api/quote/{quote_id}/authorize: attempt 1 body: " + shown + "...");
}

TEST_CASE("a line too long for its buffer is cut and ends in ..., its secrets hidden before the cut", "[observers]") {
  lines_t lines;
  apidecl::mock_transport http;
  http.respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{},
                                  apidecl::logging_observer(test_support::collect_lines{&lines}, {apidecl::log_level::attempts}));
  std::string const long_text(2000, 'x');
  (void)api.call(notes::post_note{}, notes::key_arg = "s3cr3t", notes::text_arg = long_text);
  REQUIRE(lines.size() == 3);
  std::size_t const capacity = apidecl::logging_observer<test_support::collect_lines>::line_capacity;
  std::string const start = "POST /notes: attempt 1: POST /notes?key=***&text=";
  CHECK(lines[0].size() == capacity);
  CHECK(lines[0] == start + std::string(capacity - start.size() - 3, 'x') + "...");
}

TEST_CASE("a transport failure is logged by its name and its words, on one line", "[observers]") {
  lines_t lines;
  apidecl::mock_transport http;
  http.fail({apidecl::transport_errc::connection_lost, true, "connection reset\r\nby peer"});
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{},
                                  apidecl::logging_observer(test_support::collect_lines{&lines}, {apidecl::log_level::attempts}));
  (void)api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);
  CHECK(lines == lines_t{"GET /api/job/delete: attempt 1: GET /api/job/delete?v=1&api_token=***&job_id=" + std::string(job),
                         "GET /api/job/delete: attempt 1 ended: connection_lost (connection reset  by peer) in 0 ms",
                         "GET /api/job/delete: transport_failure after 1 attempt in 0 ms"});
}

TEST_CASE("a call that cannot be built is logged as such", "[observers]") {
  lines_t lines;
  apidecl::mock_transport http;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{},
                                  apidecl::logging_observer(test_support::collect_lines{&lines}, {apidecl::log_level::debug}));
  (void)api.call(c24::authorize_job, c24::api_token = token, c24::job_id = "not hex");
  CHECK(lines == lines_t{"GET /api/job/authorize: started", "GET /api/job/authorize: validation_failure after 0 attempts in 0 ms"});
}

TEST_CASE("the {fmt} logging observer prints each line to its file", "[observers]") {
  std::FILE* file = std::tmpfile();
  REQUIRE(file != nullptr);
  apidecl::mock_transport http;
  http.respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{},
                                  apidecl::fmt_logging_observer(file, {apidecl::log_level::attempts}));
  (void)api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  std::rewind(file);
  char text[1024] = {};
  std::size_t const size = std::fread(text, 1, sizeof text - 1, file);
  std::fclose(file);
  CHECK(std::string(text, size) ==
        "GET /api/job/authorize: attempt 1: GET /api/job/authorize?v=1&api_token=***&job_id=" + std::string(job) +
            "\nGET /api/job/authorize: attempt 1 ended: 204 in 0 ms\nGET /api/job/authorize: documented 204 after 1 attempt in 0 ms\n");
}

TEST_CASE("over sockets, every exchange is logged and no token is", "[observers][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  REQUIRE(emulator.fault("path=/api/job/authorize&kind=status&status=503"));
  lines_t lines;
  apidecl::curl_transport http(emulator.transport_options());
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{token}, apidecl::test_clock{},
                                  apidecl::fixed_delay{10ms, 3},
                                  apidecl::logging_observer(test_support::collect_lines{&lines}, {apidecl::log_level::debug, 64}));
  CHECK(api.call(c24::authorize_job, c24::job_id = job).http_status() == 204);
  REQUIRE(lines.size() == 7);  // a GET without header fields of its own: no header line, no body
  CHECK(lines[0] == "GET /api/job/authorize: started");
  CHECK(lines[2].rfind("GET /api/job/authorize: attempt 1 ended: 503 in ", 0) == 0);
  CHECK(lines[3] == "GET /api/job/authorize: retry 2 in 10 ms: 503 Service Unavailable");
  CHECK(lines[5].rfind("GET /api/job/authorize: attempt 2 ended: 204 in ", 0) == 0);
  CHECK(lines[6].rfind("GET /api/job/authorize: documented 204 after 2 attempts in ", 0) == 0);
  for (std::string const& line : lines) {
    INFO(line);
    CHECK(line.find(token) == std::string::npos);
  }
}
