// A soak under faults: CALLS calls (default 100 000) of cielo24's Authorize Job and Delete Job and
// onDemand's Authorize Quote, blocking over curl_transport and non-blocking over
// curl_multi_transport (sixteen in flight), with retries on, against the emulator while its fault
// switches go on at random (delays, 5xx and 429 with Retry-After, connections closed before or
// during the answer, truncated, malformed and huge bodies). It prints `name: value` lines and
// exits 1 unless every outcome was typed, no request that is not idempotent reached the emulator
// twice, the emulator read exactly the attempts the results count, peak memory stayed flat from
// 10 % of the run to its end, and no text the library produced holds a secret.
//
// Delete Job and Authorize Quote name a job or quote no other call names, so a repeat the emulator
// counts (its stats' `repeated`) is one the client or its transport made. The emulator's address
// comes from APIDECL_BASE_URL (scripts/with-emulator sets it; scripts/soak runs it all).
// usage: soak [calls] [seed]
#include "support/seeds.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/apis/ondemand/ondemand.hpp>
#include <apidecl/auth/openssl_sha256.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/client/observer.hpp>
#include <apidecl/fmt/formatters.hpp>
#include <apidecl/retry/retry.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/transport/curl.hpp>
#include <apidecl/transport/curl_multi.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <fmt/format.h>
#include <sys/resource.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace c24 = apidecl::cielo24;
namespace od = apidecl::ondemand;
using namespace std::chrono_literals;

using seeds::api_token;
constexpr std::string_view secret_key = "demo-secret-key";
constexpr std::string_view known_job = seeds::job_id;
constexpr int calls_per_round = 16;

// What the run counts; the observers and the results add to it.
struct tally {
  std::map<std::string, long> outcomes;         // by call_outcome name
  std::map<std::string, long> transport_kinds;  // transport failures by transport_errc
  long calls = 0;
  long blocking = 0;
  long non_blocking = 0;
  long attempts = 0;
  long untyped = 0;
  long texts = 0;
  long secrets = 0;

  void scan(std::string_view text) {
    ++texts;
    if (text.find(api_token) != std::string_view::npos || text.find(secret_key) != std::string_view::npos) ++secrets;
  }
};

// Sees every request as sent and every transport error, as a logging observer would.
struct scanning_observer {
  tally* t;
  void on(apidecl::attempt_sending const& e) { t->scan(e.request.head() + e.request.body()); }
  void on(apidecl::attempt_ended const& e) {
    if (e.error) t->scan(e.error->detail.view());
  }
  void on(apidecl::call_completed const& e) { ++t->outcomes[std::string(apidecl::outcome_name(e.outcome))]; }
};


// Counts one result: its attempts, its one case, and the texts its formatters make. A transport
// failure of kind `other` is one the transport could not tell apart: untyped.
template <class Result>
void count(Result const& r, tally& t) {
  ++t.calls;
  t.attempts += r.attempts();
  int cases = 0;
  r.visit(apidecl::overload{[&](apidecl::unexpected_status const& u) { ++cases, t.scan(fmt::format("{}", u)); },
                            [&](apidecl::failure const& f) {
                              ++cases;
                              t.scan(fmt::format("{}", f));
                              if (auto const* e = f.transport()) {
                                ++t.transport_kinds[std::string(apidecl::transport_errc_name(e->code))];
                                if (e->code == apidecl::transport_errc::other) ++t.untyped;
                              }
                            },
                            [&](auto const&) { ++cases; }});
  if (cases != 1 || (r.unexpected_if() != nullptr) + (r.failure_if() != nullptr) > 1) ++t.untyped;
}

// The emulator's control API, over a transport of its own.
class emulator_control {
 public:
  explicit emulator_control(std::string const& base_url) : http_({base_url}) {}

  bool post(std::string const& target) {
    apidecl::transport_result const r = http_.send(apidecl::request(apidecl::method::post, target, {}, {}));
    return r && (r->status == 204 || r->status == 200);
  }
  /// A counter of GET /_emulator/stats, or -1.
  long stat(std::string_view name) {
    apidecl::transport_result const r = http_.send(apidecl::request(apidecl::method::get, "/_emulator/stats", {}, {}));
    if (!r || r->status != 200) return -1;
    boost::json::error_code failed;
    boost::json::value const stats = boost::json::parse(r->body, failed);
    if (failed || !stats.is_object()) return -1;
    auto const* n = stats.as_object().if_contains(name);
    return n ? static_cast<long>(n->to_number<std::int64_t>()) : -1;
  }

 private:
  apidecl::curl_transport http_;
};

// A fault for the next requests, drawn at random; rare ones (long delays, Retry-After: 1) are rare
// because each costs a second of waiting.
std::string random_fault(std::mt19937_64& random) {
  static constexpr std::array<std::string_view, 3> paths = {"*", "/api/job/delete", "/api/job/authorize"};
  std::string const where = "path=" + std::string(paths[random() % paths.size()]) +
                            "&count=" + std::to_string(1 + random() % 3);
  static constexpr std::array<std::string_view, 4> statuses = {"500", "502", "503", "429"};
  int const pick = static_cast<int>(random() % 1000);
  if (pick < 200) return where + "&kind=delay&ms=" + std::to_string(1 + random() % 20);
  if (pick < 202) return where + "&kind=delay&ms=1500";  // past the transport's total timeout
  if (pick < 450)
    return where + "&kind=status&status=" + std::string(statuses[random() % statuses.size()]) +
           (random() % 2 ? "&retry_after=0" : "");
  if (pick < 455) return where + "&kind=status&status=503&retry_after=1";
  if (pick < 580) return where + "&kind=close_before";
  if (pick < 700) return where + "&kind=close_during";
  if (pick < 800) return where + "&kind=truncate";
  if (pick < 900) return where + "&kind=malformed";
  if (pick < 950) return where + "&kind=huge&bytes=2097152";  // past max_response_body
  return where + "&kind=huge&bytes=4096";
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// A job id and a quote id that no other call of this run names.
std::string unique_job(std::uint64_t run, long call) { return fmt::format("{:016x}{:016x}", run, call); }
std::string unique_quote(long call) { return std::to_string(100000000 + call); }

od::quote quote_numbered(std::string const& id) {
  od::quote q;
  q.quote_id = od::ids::quote(id);
  (void)parse_text("2014-06-25T16:39:07Z", q.creation_date);
  q.service_id = od::ids::service(112);
  (void)parse_text("en-gb", q.source_language);
  q.target_languages.resize(1);
  (void)parse_text("fr-fr", q.target_languages[0]);
  q.total_translations = 1;
  (void)parse_text("0.00", q.total_cost);
  return q;
}

}  // namespace

int main(int argc, char** argv) {
  char const* base = std::getenv("APIDECL_BASE_URL");
  if (!base) {
    std::fprintf(stderr, "soak: set APIDECL_BASE_URL to the emulator's address (scripts/soak does)\n");
    return 2;
  }
  long const calls = argc > 1 ? std::atol(argv[1]) : 100000;
  std::uint64_t const seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 15;
  std::mt19937_64 random(seed);
  std::uint64_t const run = random();

  emulator_control control(base);
  if (!control.post("/_emulator/reset")) {
    std::fprintf(stderr, "soak: the emulator at %s does not answer\n", base);
    return 2;
  }

  apidecl::curl_options options{base};
  options.total_timeout = 1s;
  options.max_response_body = 1024 * 1024;
  apidecl::curl_transport blocking_http(options);
  apidecl::curl_multi_transport polled_http(options);
  tally t;
  auto const retry = apidecl::fixed_delay{1ms, 3} | apidecl::honour_retry_after(2s);
  auto const keys = od::credentials{"demo-key-id", std::string(secret_key)};
  auto c24_blocking = apidecl::make_client(blocking_http, apidecl::boost_json_serializer{}, retry,
                                           c24::token_auth{std::string(api_token)}, scanning_observer{&t});
  auto od_blocking = apidecl::make_client(blocking_http, apidecl::pugixml_serializer{}, retry,
                                          od::signer<apidecl::openssl_sha256>(keys), scanning_observer{&t});
  auto c24_polled = apidecl::make_client(polled_http, apidecl::boost_json_serializer{}, retry,
                                         c24::token_auth{std::string(api_token)}, scanning_observer{&t});
  auto od_polled = apidecl::make_client(polled_http, apidecl::pugixml_serializer{}, retry,
                                        od::signer<apidecl::openssl_sha256>(keys), scanning_observer{&t});

  auto const started = std::chrono::steady_clock::now();
  long faults = 0;
  long rss_at_tenth = 0;
  for (long call = 0; call < calls;) {
    if (random() % 2 == 0 && control.post("/_emulator/fault?" + random_fault(random))) ++faults;
    long const round = std::min<long>(calls_per_round, calls - call);
    bool const polled = random() % 2 == 0;
    std::vector<apidecl::pending_call<c24::endpoints::authorize_job>> authorizing;
    std::vector<apidecl::pending_call<c24::endpoints::delete_job>> deleting;
    std::vector<apidecl::pending_call<od::endpoints::authorize_quote>> quoting;
    for (long i = 0; i < round; ++i, ++call) {
      int const endpoint = static_cast<int>(random() % 10);
      if (endpoint < 4) {
        if (!polled) count(c24_blocking.call(c24::authorize_job, c24::job_id = known_job), t);
        else authorizing.push_back(c24_polled.start(c24::authorize_job, c24::job_id = known_job));
      } else if (endpoint < 7) {
        std::string const job = unique_job(run, call);
        if (!polled) count(c24_blocking.call(c24::delete_job, c24::job_id = job), t);
        else deleting.push_back(c24_polled.start(c24::delete_job, c24::job_id = job));
      } else {
        std::string const quote = unique_quote(call);
        od::quote const body = quote_numbered(quote);
        if (!polled) count(od_blocking.call(od::authorize_quote, od::quote_id = quote, apidecl::body = body), t);
        else quoting.push_back(od_polled.start(od::authorize_quote, od::quote_id = quote, apidecl::body = body));
      }
    }
    (polled ? t.non_blocking : t.blocking) += round;
    // A minute for the round: a call still running then never ends.
    auto const cap = std::chrono::steady_clock::now() + 1min;
    while ((c24_polled.in_flight() > 0 || od_polled.in_flight() > 0) && std::chrono::steady_clock::now() < cap) {
      c24_polled.poll();
      od_polled.poll();
      polled_http.poll(std::chrono::milliseconds(5));
    }
    auto const settle = [&t](auto const& pending) {
      for (auto const& p : pending) {
        if (p.ready()) count(p.get(), t);
        else ++t.calls, ++t.untyped;
      }
    };
    settle(authorizing);
    settle(deleting);
    settle(quoting);
    if (rss_at_tenth == 0 && call >= calls / 10) rss_at_tenth = peak_rss_kib();
  }
  double const seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  long const rss_at_end = peak_rss_kib();

  long const emulator_requests = control.stat("requests");
  long const repeated = control.stat("repeated");
  // The emulator's repeat counter counts: the same Delete Job twice, by a client of its own outside
  // the tally, is one repeat.
  bool repeat_check = false;
  if (control.post("/_emulator/reset")) {
    auto checking = apidecl::make_client(blocking_http, apidecl::boost_json_serializer{},
                                         c24::token_auth{std::string(api_token)});
    std::string const job = unique_job(run, calls);
    (void)checking.call(c24::delete_job, c24::job_id = job);
    (void)checking.call(c24::delete_job, c24::job_id = job);
    repeat_check = control.stat("repeated") == 1;
  }

  std::printf("calls: %ld\n", t.calls);
  std::printf("blocking calls: %ld\n", t.blocking);
  std::printf("non-blocking calls: %ld\n", t.non_blocking);
  std::printf("faults installed: %ld\n", faults);
  for (auto const& [name, n] : t.outcomes) std::printf("outcome %s: %ld\n", name.c_str(), n);
  for (auto const& [name, n] : t.transport_kinds) std::printf("transport failure %s: %ld\n", name.c_str(), n);
  std::printf("untyped outcomes: %ld\n", t.untyped);
  std::printf("attempts counted by the results: %ld\n", t.attempts);
  std::printf("requests counted by the emulator: %ld\n", emulator_requests);
  std::printf("repeated non-idempotent requests seen by the emulator: %ld\n", repeated);
  std::printf("peak RSS at 10 %%: %ld KiB\n", rss_at_tenth);
  std::printf("peak RSS at 100 %%: %ld KiB\n", rss_at_end);
  std::printf("texts scanned for secrets: %ld\n", t.texts);
  std::printf("secrets found in texts: %ld\n", t.secrets);
  std::printf("emulator repeat counter checked: %s\n", repeat_check ? "yes" : "NO");
  std::printf("seconds: %.1f\n", seconds);

  // Growth beyond a tenth, and 4 MiB, is more than noise.
  bool const flat = rss_at_end <= rss_at_tenth + rss_at_tenth / 10 + 4096;
  bool const ok = t.untyped == 0 && repeated == 0 && emulator_requests == t.attempts && flat && t.secrets == 0 &&
                  repeat_check && t.calls == calls;
  std::printf("result: %s\n", ok ? "pass" : "FAIL");
  return ok ? 0 : 1;
}
