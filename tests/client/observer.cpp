// Observers: told of every step of a call by the engine, blocking and polled alike, with the
// request as sent and its secrets shown as ***.
#include <catch2/catch.hpp>

#include "../observers/collect_lines.hpp"
#include "../support/call_ways.hpp"
#include "../support/lod1_signature.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/apis/ondemand/ondemand.hpp>
#include <apidecl/auth/openssl_sha256.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/client/observer.hpp>
#include <apidecl/observers/logging.hpp>
#include <apidecl/observers/metrics.hpp>
#include <apidecl/observers/prometheus.hpp>
#include <apidecl/observers/tracing.hpp>
#include <apidecl/retry/retry.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/serializer/query_string.hpp>
#include <apidecl/serializer/text.hpp>
#include <apidecl/transport/mock.hpp>
#include <apidecl/types/language_code.hpp>
#include <apidecl/types/text_value.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace c24 = apidecl::cielo24;
namespace od = apidecl::ondemand;
using namespace std::chrono_literals;

namespace {
constexpr char const* token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr char const* job = "64bea283eff6475ea6596027a6ba0929";

// The exemplar of observer.hpp.
struct count_calls {
  int* calls;
  void on(apidecl::call_completed const&) { ++*calls; }
};
static_assert(apidecl::is_observer_v<count_calls>);

// Writes each event it is told of as one line of text, as a logging observer would.
struct event_log {
  std::vector<std::string>* lines;
  static std::string where(apidecl::endpoint_info const& e) {
    return std::string(apidecl::method_name(e.method)) + ' ' + std::string(e.path_template);
  }
  void on(apidecl::call_started const& e) { lines->push_back("started " + where(e.endpoint)); }
  void on(apidecl::attempt_sending const& e) {
    lines->push_back("sending " + std::to_string(e.number) + ": " + e.request.head() + e.request.body());
  }
  void on(apidecl::attempt_ended const& e) {
    lines->push_back("ended " + std::to_string(e.number) + ": " + std::to_string(e.status) + " after " +
                     std::to_string(e.duration.count()) + " ms" + (e.error ? " (" + std::string(std::string_view(e.error->detail)) + ")" : ""));
  }
  void on(apidecl::retry_scheduled const& e) {
    lines->push_back("retry " + std::to_string(e.next_number) + " in " + std::to_string(e.delay.count()) + " ms: " +
                     std::string(e.reason));
  }
  void on(apidecl::call_completed const& e) {
    lines->push_back("completed " + std::to_string(static_cast<int>(e.outcome)) + " " + std::to_string(e.status) +
                     " after " + std::to_string(e.attempts) + " attempts");
  }
};

using test_support::run;
using test_support::way;

// A Tracer that writes each span as lines of text: its name, then each attribute and error.
struct spans_as_lines {
  std::vector<std::string>* lines;
  struct span {
    std::vector<std::string>* lines;
    void set_attribute(std::string_view key, std::string_view value) { lines->push_back(std::string(key) + "=" + std::string(value)); }
    void set_attribute(std::string_view key, std::int64_t value) { lines->push_back(std::string(key) + "=" + std::to_string(value)); }
    void set_error(std::string_view type) { lines->push_back("error " + std::string(type)); }
    void end() {}
  };
  span start_span(std::string_view name, std::chrono::milliseconds) {
    lines->push_back("span " + std::string(name));
    return {lines};
  }
};

// Every text the library makes for observers: the events themselves, and what the ready
// observers make of them, at their most talkative (the metrics as Prometheus text, after the calls).
auto every_observer(std::vector<std::string>& lines, apidecl::call_metrics& metrics) {
  return apidecl::observe(event_log{&lines}) |
         apidecl::logging_observer(test_support::collect_lines{&lines}, {apidecl::log_level::debug, 4096}) |
         apidecl::tracing_observer(spans_as_lines{&lines}, {"api.example.com", 443}) | apidecl::metrics_observer(metrics);
}

struct fixed_utc_clock {
  apidecl::utc_timestamp now() const { return *apidecl::utc_timestamp::from_unix_time(1400000000); }
};
}  // namespace

TEST_CASE("only types that take an event are observers, and they compose with |", "[client][observer]") {
  STATIC_REQUIRE(apidecl::is_observer_v<event_log>);
  STATIC_REQUIRE_FALSE(apidecl::is_observer_v<apidecl::no_observer>);
  STATIC_REQUIRE_FALSE(apidecl::is_observer_v<int>);
  int calls = 0;
  std::vector<std::string> lines;
  apidecl::mock_transport http;
  http.respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{},
                                  apidecl::observe(event_log{&lines}) | count_calls{&calls});
  (void)api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  CHECK(calls == 1);
  CHECK(lines.size() == 4);
}

TEST_CASE("an observer is told every step of a retried call, blocking or polled", "[client][observer]") {
  auto const w = GENERATE(way::blocking, way::polled);
  std::vector<std::string> lines;
  apidecl::mock_transport http;
  http.respond(503).respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{},
                                  apidecl::fixed_delay{250ms, 3}, event_log{&lines});
  (void)run(w, api, [&](auto&& call) { return call(c24::authorize_job, c24::api_token = token, c24::job_id = job); }, 10ms);
  std::string const sent = std::string("GET /api/job/authorize?v=1&api_token=***&job_id=") + job + " HTTP/1.1\r\n";
  // Polled, the first exchange ends in the first poll; the retry is sent from the poll at the
  // first frame after its wait and ends in the next one, a frame (10 ms) later.
  std::string const took = w == way::blocking ? "0" : "10";
  CHECK(lines == std::vector<std::string>{
                     "started GET /api/job/authorize",
                     "sending 1: " + sent,
                     "ended 1: 503 after 0 ms",
                     "retry 2 in 250 ms: 503 Service Unavailable",
                     "sending 2: " + sent,
                     "ended 2: 204 after " + took + " ms",
                     "completed 0 204 after 2 attempts",
                 });
}

TEST_CASE("a call that cannot be built is started and completed, never sent", "[client][observer]") {
  std::vector<std::string> lines;
  apidecl::mock_transport http;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, event_log{&lines});
  (void)api.call(c24::authorize_job, c24::api_token = token, c24::job_id = "not hex");
  CHECK(lines == std::vector<std::string>{"started GET /api/job/authorize", "completed 2 0 after 0 attempts"});
}

TEST_CASE("a transport failure is an attempt that ended without a status", "[client][observer]") {
  std::vector<std::string> lines;
  apidecl::mock_transport http;
  http.fail({apidecl::transport_errc::connection_lost, true, "connection reset"});
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{}, event_log{&lines});
  (void)api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);
  REQUIRE(lines.size() == 4);
  CHECK(lines[2] == "ended 1: 0 after 0 ms (connection reset)");
  CHECK(lines[3] == "completed 3 0 after 1 attempts");
}

TEST_CASE("no secret of a shipped endpoint reaches any event, nor any text a ready observer makes", "[client][observer]") {
  std::vector<std::string> lines;
  apidecl::call_metrics metrics;
  apidecl::mock_transport http;
  http.respond(204).respond(200, R"({"TaskId": "cc8095fbfecf4647b2e10b622d81c19b"})", "Content-Type: application/json\r\n");
  http.respond(503).respond(202, "<QuoteAuthorization><Status>Authorized</Status></QuoteAuthorization>",
                            "Content-Type: text/xml\r\n");
  {
    auto cielo24 = apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{token},
                                        every_observer(lines, metrics));
    (void)cielo24.call(c24::authorize_job, c24::job_id = job);
    (void)cielo24.call(c24::delete_job, c24::job_id = job);
  }
  {
    auto lod = apidecl::make_client(
        http, apidecl::pugixml_serializer{}, apidecl::test_clock{},
        od::signer<apidecl::openssl_sha256, fixed_utc_clock>({"demo-key-id", "demo-secret-key"}),
        apidecl::fixed_delay{1s, 2} | apidecl::retry_non_idempotent(), every_observer(lines, metrics));
    od::quote q;
    q.quote_id = od::ids::quote("795");
    (void)lod.call(od::authorize_quote, od::quote_id = "795", apidecl::body = q);
  }
  apidecl::write_prometheus(metrics, test_support::collect_lines{&lines});
  REQUIRE(http.requests().size() == 4);
  std::string const signature = test_support::lod1_authorization("POST", "/api/quote/795/authorize", "demo-key-id",
                                                                  "demo-secret-key", "2014-05-13T16:53:20");
  REQUIRE(http.requests()[3].header("Authorization") == signature);  // what went out was signed
  int sent = 0;
  for (std::string const& line : lines) {
    INFO(line);
    CHECK(line.find(token) == std::string::npos);
    CHECK(line.find("demo-secret-key") == std::string::npos);
    CHECK(line.find(signature.substr(signature.find("Signature="))) == std::string::npos);
    if (line.rfind("sending", 0) == 0) ++sent;
  }
  CHECK(sent == 4);
  // The ready observers spoke too: a span per attempt, the signed request's header line, metrics.
  CHECK(std::count_if(lines.begin(), lines.end(), [](std::string const& l) { return l.rfind("span ", 0) == 0; }) == 4);
  CHECK(std::count_if(lines.begin(), lines.end(), [](std::string const& l) {
          return l.find("attempt 1 headers: ") != std::string::npos && l.find("Authorization: ***") != std::string::npos;
        }) == 1);
  CHECK(std::count(lines.begin(), lines.end(), "# TYPE apidecl_calls_total counter") == 1);
  CHECK(std::count(lines.begin(), lines.end(),
                   "apidecl_attempts_total{method=\"POST\",url_template=\"/api/quote/{quote_id}/authorize\"} 2") == 1);
  CHECK(std::count(lines.begin(), lines.end(),
                   "sending 1: POST /api/quote/795/authorize HTTP/1.1\r\nContent-Type: text/xml\r\nAccept: text/xml\r\n"
                   "x-lod-timestamp: 2014-05-13T16:53:20\r\nx-lod-version: 2015-02-23\r\nAuthorization: ***\r\n" +
                       http.requests()[2].body) == 1);
}

TEST_CASE("no secret of any cielo24 catalog endpoint reaches any event, nor any text a ready observer makes",
          "[client][observer]") {
  // Secrets given as query parameters: the token (through token_auth), login's password and secure
  // key, remove_api_key's key, create_account's password.
  constexpr char const* password = "pa55-word";
  constexpr char const* securekey = "5ecc0de5ecc0de0f";
  constexpr char const* api_securekey = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
  constexpr char const* new_password = "n3w-pa55";
  std::vector<std::string> lines;
  apidecl::call_metrics metrics;
  apidecl::mock_transport http;
  constexpr int calls = 34;
  for (int i = 0; i < calls; ++i)
    http.respond(400, R"({"ErrorType": "BAD_API_TOKEN", "ErrorComment": "expired"})", "Content-Type: application/json\r\n");
  {
    auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::text_serializer{},
                                    apidecl::octet_serializer{}, apidecl::query_string_serializer{},
                                    c24::token_auth{token}, every_observer(lines, metrics));
    (void)api.call(c24::login, c24::username = "u", c24::password = password);
    (void)api.call(c24::login, c24::username = "u", c24::securekey = securekey);
    (void)api.call(c24::logout);
    (void)api.call(c24::update_password, apidecl::body = c24::new_password_form{new_password, std::nullopt});
    (void)api.call(c24::update_setting, c24::setting = "s", c24::value = "v");
    (void)api.call(c24::generate_api_key, c24::force_new = true);
    (void)api.call(c24::remove_api_key, c24::api_securekey = api_securekey);
    (void)api.call(c24::create_account, c24::new_username = "u2", c24::new_password = new_password);
    (void)api.call(c24::create_job, c24::job_name = "j");
    (void)api.call(c24::authorize_job, c24::job_id = job);
    (void)api.call(c24::modify_job, c24::job_id = job);
    (void)api.call(c24::delete_job, c24::job_id = job);
    (void)api.call(c24::get_job_info, c24::job_id = job);
    (void)api.call(c24::list_jobs);
    (void)api.call(c24::list_related_jobs, c24::job_id = job);
    (void)api.call(c24::add_media, c24::job_id = job, c24::media_url = "https://example.com/m.mp4");
    (void)api.call(c24::add_media_file, c24::job_id = job, apidecl::body = std::string("media"));
    (void)api.call(c24::add_media_url, c24::job_id = job, c24::media_url = "https://example.com/v");
    (void)api.call(c24::add_transcript, c24::job_id = job, c24::transcript_format = c24::transcript_file_format::text,
                   c24::transcript_url = "https://example.com/t.txt");
    (void)api.call(c24::add_custom_guidelines, c24::job_id = job, c24::guidelines_url = "https://example.com/g");
    (void)api.call(c24::request_upload_url, c24::job_id = job);
    (void)api.call(c24::perform_transcription, c24::job_id = job, c24::transcription_fidelity = c24::job_fidelity::premium,
                   c24::priority = c24::job_priority::standard);
    (void)api.call(c24::translate, c24::job_id = job, c24::target_languages = apidecl::comma_list{"fr"});
    (void)api.call(c24::uplevel, c24::job_id = job);
    (void)api.call(c24::burn_in_caption, c24::job_id = job);
    (void)api.call(c24::get_transcript, c24::job_id = job);
    (void)api.call(c24::get_caption, c24::job_id = job, c24::caption_format = c24::caption_file_format::srt);
    (void)api.call(c24::get_caption_url, c24::job_id = job, c24::caption_format = c24::caption_file_format::srt);
    (void)api.call(c24::get_element_list, c24::job_id = job);
    (void)api.call(c24::list_element_lists, c24::job_id = job);
    (void)api.call(c24::get_media, c24::job_id = job);
    (void)api.call(c24::get_transcoded_media, c24::job_id = job, c24::transcoded_version = "mp4");
    (void)api.call(c24::download_media, c24::job_id = job, c24::media_type = c24::media_file_format::mp4);
    (void)api.call(c24::aggregate_statistics);
  }
  apidecl::write_prometheus(metrics, test_support::collect_lines{&lines});
  REQUIRE(http.requests().size() == calls);
  REQUIRE(http.requests()[0].request_line().find(password) != std::string::npos);  // what went out held them
  int sent = 0;
  for (std::string const& line : lines) {
    INFO(line);
    for (std::string_view secret : {std::string_view(token), std::string_view(password), std::string_view(securekey),
                                    std::string_view(api_securekey), std::string_view(new_password)})
      CHECK(line.find(secret) == std::string::npos);
    if (line.rfind("sending", 0) == 0) ++sent;
  }
  CHECK(sent == calls);
}

TEST_CASE("no secret of any onDemand catalog endpoint reaches any event, nor any text a ready observer makes",
          "[client][observer]") {
  // The secret key is only hashed, never sent; each request's signature is a secret too, as it
  // can be replayed. Every endpoint of 2015-02-23 and 2016-03-15 is called once.
  constexpr char const* secret_key = "demo-secret-key";
  std::vector<std::string> lines;
  apidecl::call_metrics metrics;
  apidecl::mock_transport http;
  constexpr int calls = 28;
  for (int i = 0; i < calls; ++i)
    http.respond(401, "<Error><ReasonCode>300</ReasonCode><SimpleMessage/><DetailedMessage/></Error>",
                 "Content-Type: text/xml\r\n");
  namespace v = od::v2016;
  auto const lang = [](std::string_view code) { return *apidecl::from_text<apidecl::language_code>(code); };
  auto client = [&](std::string_view version) {
    return apidecl::make_client(
        http, apidecl::pugixml_serializer{}, apidecl::octet_serializer{},
        od::signer<apidecl::openssl_sha256, fixed_utc_clock>({"demo-key-id", secret_key, std::string(version)}),
        every_observer(lines, metrics));
  };
  {
    auto api = client(od::v2015::api_version);
    v::translation_options options;
    options.service_id = od::ids::service(112);
    options.source_language = lang("en-us");
    options.target_languages = {lang("fr-fr")};
    v::quote q;
    q.quote_id = od::ids::quote("795");
    (void)api.call(v::create_account, apidecl::body = v::new_account{"m@example.com", {}, {}, {}});
    (void)api.call(v::get_account_info);
    (void)api.call(v::add_credit_balance, apidecl::body = v::credit{apidecl::decimal(100, 0), apidecl::currency::usd});
    (void)api.call(v::generate_quote, apidecl::body = v::quote_request{options, {}, {}, {}});
    (void)api.call(v::get_quote, od::quote_id = "795");
    (void)api.call(v::list_quotes);
    (void)api.call(v::reject_quote, od::quote_id = "795");
    (void)api.call(v::authorize_quote, od::quote_id = "795", apidecl::body = q);
    (void)api.call(v::add_project, apidecl::body = v::new_project{{}, od::ids::service(112), lang("en-us"),
                                                                  {lang("fr-fr")}, {}, {}});
    (void)api.call(v::list_projects);
    (void)api.call(v::get_project, od::project_id = 5);
    (void)api.call(v::add_file, od::language = "en-us", od::file_name = "a.txt", apidecl::body = std::string("text"));
    (void)api.call(v::add_file_by_reference, od::language = "en-us", od::file_name = "a.txt",
                   apidecl::body = v::file_reference{"https://example.com/a.txt"});
    (void)api.call(v::list_files);
    (void)api.call(v::get_file, od::asset_id = 999);
    (void)api.call(v::get_file_details, od::asset_id = 999);
    (void)api.call(v::get_file_translation, od::asset_id = 999, od::language = "fr-fr");
    (void)api.call(v::list_products);
    (void)api.call(v::get_product, od::asset_id = 7);
    (void)api.call(v::get_product_translation, od::asset_id = 7, od::language = "fr-fr");
    (void)api.call(v::list_services);
    (void)api.call(v::get_service, od::service_id = 112);
    (void)api.call(v::get_estimate, od::estimate::service_id = 112, od::estimate::unit_count = 10,
                   od::estimate::source_lang = "en-us", od::estimate::target_langs = apidecl::comma_list{"fr-fr"});
    (void)api.call(v::list_locales);
    (void)api.call(v::get_terms);
  }
  {
    auto api = client(od::v2016::api_version);
    (void)api.call(v::request_quote_cancellation, od::quote_id = "795");
    (void)api.call(v::accept_file_translation, od::asset_id = 999, od::language = "fr-fr");
    (void)api.call(v::reject_file_translation, od::asset_id = 999, od::language = "fr-fr");
  }
  apidecl::write_prometheus(metrics, test_support::collect_lines{&lines});
  REQUIRE(http.requests().size() == calls);
  std::vector<std::string> signatures;
  for (auto const& sent : http.requests()) {
    REQUIRE(sent.header("Authorization"));
    std::string_view const field = *sent.header("Authorization");
    std::size_t const start = field.find("Signature=") + 10;
    signatures.emplace_back(field.substr(start, field.find(',', start) - start));
    CHECK(signatures.back().size() == 44);  // Base64 of a SHA-256 digest: what went out was signed
  }
  int sent = 0;
  for (std::string const& line : lines) {
    INFO(line);
    CHECK(line.find(secret_key) == std::string::npos);
    for (std::string const& signature : signatures) CHECK(line.find(signature) == std::string::npos);
    if (line.rfind("sending", 0) == 0) ++sent;
  }
  CHECK(sent == calls);
}
