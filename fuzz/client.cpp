// The whole client over mock_transport: the first bytes pick an endpoint (cielo24's Delete Job, not
// idempotent; its Authorize Job, idempotent; onDemand's Authorize Quote, a signed POST), a Retry
// policy (none; fixed delays honouring Retry-After; the same, allowed to repeat what is not
// idempotent), blocking or polled; the rest scripts the transport's answers: statuses, header
// fields (Retry-After, Date, Content-Type among them), bodies, transport errors. Retries, waits on
// the test clock, signing, decoding and the result are fuzzed together. Invariants: the result
// holds exactly one case; attempts() counts the requests the transport was given, and no more than
// the policy allows; a request that is not idempotent is sent again only after an attempt that
// provably never left, unless the policy allows it; the outcome is the last answer's; no wait is
// longer than the policy honours; no text the library produced (requests as observers and the
// formatters show them, failures, error details) holds a secret.
#include "check.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/apis/ondemand/ondemand.hpp>
#include <apidecl/auth/openssl_sha256.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/client/observer.hpp>
#include <apidecl/clock/test_clock.hpp>
#include <apidecl/fmt/formatters.hpp>
#include <apidecl/retry/retry.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/transport/mock.hpp>

#include <fmt/format.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace c24 = apidecl::cielo24;
namespace od = apidecl::ondemand;
using namespace std::chrono_literals;

constexpr std::string_view api_token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr std::string_view secret_key = "demo-secret-key-8c1f0e";
constexpr std::string_view job = "64bea283eff6475ea6596027a6ba0929";
constexpr int most_attempts = 4;
constexpr auto longest_wait = 60s;

// Bodies a scripted answer may carry besides raw bytes: the documented ones, so that the fuzzer
// reaches decoding past the first byte.
constexpr std::string_view canned_bodies[] = {
    R"({"TaskId": "cc8095fbfecf4647b2e10b622d81c19b"})",
    R"({"ErrorType": "ITEM_NOT_FOUND", "ErrorComment": "Job not found"})",
    R"({"ErrorType": "SOMETHING_NEW", "ErrorComment": ""})",
    "<QuoteAuthorization><Status>Authorized</Status><QuoteURL>https://q</QuoteURL><Projects><Project>"
    "<ProjectID>123</ProjectID><ProjectURL>https://p</ProjectURL><ProjectDueDate>2014-02-11T10:22:46Z"
    "</ProjectDueDate><Products><Product><AssetID>999</AssetID><SKUs><SKU><SKUNumber>123</SKUNumber></SKU>"
    "</SKUs></Product></Products></Project></Projects></QuoteAuthorization>",
    "<Error><ReasonCode>300</ReasonCode><SimpleMessage>Quote not found</SimpleMessage>"
    "<DetailedMessage>none</DetailedMessage></Error>",
};
constexpr std::string_view canned_fields[] = {
    "Content-Type: application/json\r\n", "Content-Type: text/xml\r\n", "Retry-After: 2\r\n",
    "Retry-After: 120\r\n", "Retry-After: Sun, 06 Nov 1994 08:49:39 GMT\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n",
    "Connection: close\r\n", "Retry-After: 99999999999999999999\r\n", "X-Empty:\r\n",
};

class input {
 public:
  input(std::uint8_t const* data, std::size_t size) : data_(data), size_(size) {}
  bool empty() const noexcept { return at_ == size_; }
  std::uint8_t byte() noexcept { return at_ < size_ ? data_[at_++] : 0; }
  std::string text(std::size_t most) {
    std::size_t const n = std::min<std::size_t>(most, size_ - at_);
    std::string t(reinterpret_cast<char const*>(data_ + at_), n);
    at_ += n;
    return t;
  }

 private:
  std::uint8_t const* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

// One answer of the script, as given to the mock.
struct answer {
  std::optional<apidecl::transport_error> error;
  int status = 0;
};

std::vector<answer> script(input& in, apidecl::mock_transport& http, std::string& all_text) {
  std::vector<answer> answers;
  while (!in.empty() && answers.size() < 8) {
    std::uint8_t const kind = in.byte();
    if (kind % 4 == 0) {
      apidecl::transport_error const e{static_cast<apidecl::transport_errc>(in.byte() % 8), (kind & 4) != 0,
                                       "scripted failure"};
      http.fail(e);
      answers.push_back({e, 0});
      continue;
    }
    int const status = 100 + (in.byte() << 8 | in.byte()) % 500;
    std::string fields;
    std::uint8_t const field_choice = in.byte();
    for (std::size_t i = 0; i < 8; ++i)
      if (field_choice & (1u << i)) fields += canned_fields[i];
    if (kind & 4) fields += in.text(in.byte() % 64);
    std::uint8_t const body_choice = in.byte();
    std::string const body = body_choice < 64 ? std::string(canned_bodies[body_choice % std::size(canned_bodies)])
                                              : in.text(body_choice - 64u);
    all_text += fields + body;
    http.respond(status, body, fields);
    answers.push_back({std::nullopt, status});
  }
  return answers;
}

// Keeps every text the client hands its observer.
struct text_log {
  std::vector<std::string>* texts;
  std::vector<std::chrono::milliseconds>* waits;
  void on(apidecl::attempt_sending const& e) {
    texts->push_back(e.request.head() + e.request.body());
    texts->push_back(fmt::format("{}", e.request));
  }
  void on(apidecl::attempt_ended const& e) {
    if (e.error) texts->emplace_back(e.error->detail.view());
  }
  void on(apidecl::retry_scheduled const& e) {
    texts->emplace_back(e.reason);
    waits->push_back(e.delay);
  }
};

enum class endpoint_choice { delete_job, authorize_job, authorize_quote };
enum class policy_choice { none, retries, retries_of_anything };

struct fixed_utc_clock {
  apidecl::utc_timestamp now() const { return *apidecl::utc_timestamp::from_unix_time(1400000000); }
};

// Calls blocking, or starts the call and polls it a frame (100 ms of the test clock) at a time.
template <class Client, class... Args>
auto call(Client& api, bool polled, Args const&... args) {
  if (!polled) return api.call(args...);
  auto pending = api.start(args...);
  for (int frame = 0; frame < 100000 && !pending.ready(); ++frame) {
    api.poll();
    if (!pending.ready()) api.clock().advance(100ms);
  }
  APIDECL_FUZZ_CHECK(pending.ready());
  return pending.get();
}

template <class Result>
void check(Result const& r, apidecl::mock_transport const& http, std::vector<answer> const& answers,
           bool idempotent, policy_choice policy, std::vector<std::string>& texts,
           std::vector<std::chrono::milliseconds> const& waits) {
  int const kind = r.visit(apidecl::overload{[](apidecl::unexpected_status const&) { return 1; },
                                             [](apidecl::failure const&) { return 2; },
                                             [](auto const&) { return 0; }});
  APIDECL_FUZZ_CHECK((kind == 1) == (r.unexpected_if() != nullptr));
  APIDECL_FUZZ_CHECK((kind == 2) == (r.failure_if() != nullptr));

  auto const attempts = static_cast<std::size_t>(r.attempts());
  APIDECL_FUZZ_CHECK(attempts >= 1 && attempts == http.requests().size());
  APIDECL_FUZZ_CHECK(attempts <= (policy == policy_choice::none ? 1u : static_cast<std::size_t>(most_attempts)));
  if (!idempotent && policy != policy_choice::retries_of_anything) {
    for (std::size_t i = 0; i + 1 < attempts && i < answers.size(); ++i)
      APIDECL_FUZZ_CHECK(answers[i].error && !answers[i].error->may_have_reached_server);
  }
  // The outcome is that of the last answer given (or of the script's end, a transport error).
  if (attempts <= answers.size()) {
    answer const& last = answers[attempts - 1];
    if (last.error) {
      APIDECL_FUZZ_CHECK(kind == 2 && r.failure_if()->transport() &&
                         r.failure_if()->transport()->code == last.error->code);
    } else {
      APIDECL_FUZZ_CHECK(r.http_status() == last.status);
    }
  } else {
    APIDECL_FUZZ_CHECK(kind == 2 && r.failure_if()->transport() &&
                       r.failure_if()->transport()->code == apidecl::transport_errc::other);
  }
  for (std::chrono::milliseconds const wait : waits) APIDECL_FUZZ_CHECK(wait >= 0ms && wait <= longest_wait);

  if (auto const* u = r.unexpected_if()) texts.push_back(fmt::format("{}", *u));
  if (auto const* f = r.failure_if()) texts.push_back(fmt::format("{}", *f));
  for (auto const& sent : http.requests())
    texts.push_back(fmt::format("{}", apidecl::request(sent.method, sent.target, sent.headers, sent.body)));
}

template <class Retry>
void run(endpoint_choice endpoint, Retry retry, policy_choice policy, bool polled, input& in) {
  apidecl::mock_transport http;
  std::string scripted_text;
  std::vector<answer> const answers = script(in, http, scripted_text);
  // A secret the script itself holds may come back in a failure's words: not the library's doing.
  bool const secrets_given = scripted_text.find(api_token) != std::string::npos ||
                             scripted_text.find(secret_key) != std::string::npos;
  std::vector<std::string> texts;
  std::vector<std::chrono::milliseconds> waits;
  text_log log{&texts, &waits};

  if (endpoint == endpoint_choice::authorize_quote) {
    auto lod = apidecl::make_client(
        http, apidecl::pugixml_serializer{}, apidecl::test_clock{}, retry, log,
        od::signer<apidecl::openssl_sha256, fixed_utc_clock>({"demo-key-id", std::string(secret_key)}, {}, {}));
    od::quote q;
    q.quote_id = od::ids::quote("795");
    check(call(lod, polled, od::authorize_quote, od::quote_id = "795", apidecl::body = q), http, answers, false, policy, texts,
          waits);
  } else {
    auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{}, retry, log,
                                    c24::token_auth{std::string(api_token)});
    if (endpoint == endpoint_choice::delete_job)
      check(call(api, polled, c24::delete_job, c24::job_id = job), http, answers, false, policy, texts, waits);
    else
      check(call(api, polled, c24::authorize_job, c24::job_id = job), http, answers, true, policy, texts, waits);
  }
  if (secrets_given) return;
  for (std::string const& text : texts) {
    APIDECL_FUZZ_CHECK(text.find(api_token) == std::string::npos);
    APIDECL_FUZZ_CHECK(text.find(secret_key) == std::string::npos);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  input in(data, size);
  auto const endpoint = static_cast<endpoint_choice>(in.byte() % 3);
  auto const policy = static_cast<policy_choice>(in.byte() % 3);
  bool const polled = (in.byte() & 1) != 0;
  auto const retries = apidecl::fixed_delay{100ms, most_attempts} | apidecl::honour_retry_after(longest_wait);
  switch (policy) {
    case policy_choice::none: run(endpoint, apidecl::no_retry{}, policy, polled, in); break;
    case policy_choice::retries: run(endpoint, retries, policy, polled, in); break;
    case policy_choice::retries_of_anything:
      run(endpoint, retries | apidecl::retry_non_idempotent(), policy, polled, in);
      break;
  }
  return 0;
}
