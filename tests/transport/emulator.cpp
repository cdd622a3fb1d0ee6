// Every seed endpoint and every documented outcome over real sockets: the curl transports against
// the local emulator, with its fault switches for what goes wrong on a network.
#include <catch2/catch.hpp>

#include "../support/emulator.hpp"
#include "../support/server_process.hpp"
#include "../support/waiting.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/apis/ondemand/ondemand.hpp>
#include <apidecl/auth/openssl_sha256.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/transport/curl.hpp>
#include <apidecl/transport/curl_multi.hpp>
#include <apidecl/types/text_value.hpp>

#include <chrono>
#include <string>

namespace c24 = apidecl::cielo24;
namespace od = apidecl::ondemand;
using namespace std::chrono_literals;

namespace {

constexpr char const* token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr char const* authorizing_job = "64bea283eff6475ea6596027a6ba0929";
constexpr char const* in_process_job = "22222222222222222222222222222222";

auto cielo24_client(apidecl::curl_transport& http, std::string api_token = token) {
  return apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{std::move(api_token)});
}

auto ondemand_client(apidecl::curl_transport& http, std::string secret = "demo-secret-key") {
  return apidecl::make_client(http, apidecl::pugixml_serializer{},
                              od::signer({"demo-key-id", std::move(secret)}, apidecl::openssl_sha256{}));
}

od::quote quote_numbered(std::string id) {
  od::quote q;
  REQUIRE(apidecl::pugixml_serializer{}.decode(
      "<Quote><QuoteID>1</QuoteID><CreationDate>2014-06-25T16:39:07Z</CreationDate><ServiceID>112</ServiceID>"
      "<SourceLanguage><LanguageCode>en-gb</LanguageCode></SourceLanguage><TargetLanguages><TargetLanguage>"
      "<LanguageCode>fr-fr</LanguageCode></TargetLanguage></TargetLanguages><TotalTranslations>1</TotalTranslations>"
      "<TranslationCredit>0</TranslationCredit><TotalCost>20.00</TotalCost><PrepaidCredit>118.99</PrepaidCredit>"
      "<AmountDue>0.00</AmountDue><Currency>EUR</Currency></Quote>",
      q));
  q.quote_id = od::ids::quote(std::move(id));
  return q;
}

}  // namespace

TEST_CASE("cielo24 Authorize Job: 204 on an Authorizing job and again on the Pending job it became",
          "[transport][emulator][cielo24]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto api = cielo24_client(http);
  CHECK(api.call(c24::authorize_job, c24::job_id = authorizing_job).http_status() == 204);
  CHECK(emulator.job_status(authorizing_job) == "Pending");
  auto const again = api.call(c24::authorize_job, c24::job_id = authorizing_job);
  CHECK(again.http_status() == 204);
  CHECK(again.failure_if() == nullptr);
}

TEST_CASE("cielo24 Delete Job: 200 with a task, then 400 ITEM_NOT_FOUND; a started job is refused",
          "[transport][emulator][cielo24]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto api = cielo24_client(http);
  auto const deleted = api.call(c24::delete_job, c24::job_id = authorizing_job);
  REQUIRE(deleted.get_if<200>() != nullptr);
  CHECK(deleted.get_if<200>()->task_id.size() == 32);
  CHECK_FALSE(emulator.job_status(authorizing_job));
  auto const gone = api.call(c24::delete_job, c24::job_id = authorizing_job);
  REQUIRE(gone.get_if<400>() != nullptr);
  CHECK(gone.get_if<400>()->type == c24::error_type::item_not_found);
  auto const started = api.call(c24::delete_job, c24::job_id = in_process_job);
  REQUIRE(started.get_if<400>() != nullptr);
  CHECK(started.get_if<400>()->type == c24::error_type::invalid_query);
  CHECK(emulator.job_status(in_process_job) == "In Process");
}

TEST_CASE("cielo24: an unknown token is a typed BAD_API_TOKEN error", "[transport][emulator][cielo24]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto api = cielo24_client(http, "00000000000000000000000000000000");
  auto const r = api.call(c24::authorize_job, c24::job_id = authorizing_job);
  REQUIRE(r.get_if<400>() != nullptr);
  CHECK(r.get_if<400>()->type == c24::error_type::bad_api_token);
  CHECK(emulator.job_status(authorizing_job) == "Authorizing");
}

TEST_CASE("onDemand Authorize Quote: every documented outcome, signed", "[transport][emulator][ondemand]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto lod = ondemand_client(http);
  auto const authorize = [&](std::string id) {
    od::quote const q = quote_numbered(id);
    return lod.call(od::authorize_quote, od::quote_id = id, apidecl::body = q);
  };

  auto const authorized = authorize("795");
  REQUIRE(authorized.get_if<202>() != nullptr);
  CHECK(authorized.get_if<202>()->status == od::authorization_status::authorized);
  CHECK_FALSE(authorized.get_if<202>()->projects.empty());

  auto const pending = authorize("796");
  REQUIRE(pending.get_if<202>() != nullptr);
  CHECK(pending.get_if<202>()->status == od::authorization_status::pending);
  CHECK(pending.get_if<202>()->payment_url.has_value());

  auto const payment = authorize("797");
  REQUIRE(payment.get_if<402>() != nullptr);
  CHECK(payment.get_if<402>()->payment_url.has_value());

  auto const conflict = authorize("798");
  REQUIRE(conflict.get_if<409>() != nullptr);
  od::quote const corrected = *conflict.get_if<409>();
  CHECK(corrected.quote_id.value() == "799");
  CHECK(apidecl::to_text(corrected.total_cost) == "12.50");
  auto const second_try = lod.call(od::authorize_quote, od::quote_id = corrected.quote_id.value(), apidecl::body = corrected);
  REQUIRE(second_try.get_if<202>() != nullptr);

  auto const not_ready = authorize("800");
  REQUIRE(not_ready.get_if<405>() != nullptr);
  CHECK(not_ready.get_if<405>()->reason_code == od::reason_code::quote_not_ready);

  auto const unknown = authorize("4242");
  REQUIRE(unknown.get_if<404>() != nullptr);
  CHECK_FALSE(unknown.get_if<404>()->simple_message.empty());
}

TEST_CASE("onDemand: a wrong secret is a 401, a body for another quote a 400", "[transport][emulator][ondemand]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto forged = ondemand_client(http, "not-the-secret");
  od::quote const q = quote_numbered("795");
  auto const refused = forged.call(od::authorize_quote, od::quote_id = "795", apidecl::body = q);
  REQUIRE(refused.get_if<401>() != nullptr);

  auto lod = ondemand_client(http);
  auto const mismatch = lod.call(od::authorize_quote, od::quote_id = "796", apidecl::body = q);
  REQUIRE(mismatch.get_if<400>() != nullptr);
  CHECK(mismatch.get_if<400>()->reason_code == od::reason_code::wrong_quote_id);
}

TEST_CASE("onDemand: a 429 from the rate limit is its own outcome", "[transport][emulator][ondemand]") {
  auto& emulator = test_support::fresh_emulator();
  REQUIRE(emulator.fault("path=/api/quote/795/authorize&kind=status&status=429&retry_after=60"));
  apidecl::curl_transport http(emulator.transport_options());
  auto lod = ondemand_client(http);
  od::quote const q = quote_numbered("795");
  auto const limited = lod.call(od::authorize_quote, od::quote_id = "795", apidecl::body = q);
  CHECK(limited.get_if<429>() != nullptr);
  CHECK(lod.call(od::authorize_quote, od::quote_id = "795", apidecl::body = q).http_status() == 202);
}

TEST_CASE("keep-alive: many calls through one client use one connection", "[transport][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto api = cielo24_client(http);
  for (int i = 0; i < 10; ++i) CHECK(api.call(c24::authorize_job, c24::job_id = authorizing_job).http_status() == 204);
  auto const counted = emulator.count();
  CHECK(counted.requests == 10);
  CHECK(counted.connections == 1);
}

TEST_CASE("faults: an undocumented status keeps its headers and body", "[transport][emulator][faults]") {
  auto& emulator = test_support::fresh_emulator();
  REQUIRE(emulator.fault("path=/api/job/authorize&kind=status&status=503&retry_after=7"));
  apidecl::curl_transport http(emulator.transport_options());
  auto const r = cielo24_client(http).call(c24::authorize_job, c24::job_id = authorizing_job);
  REQUIRE(r.unexpected_if() != nullptr);
  CHECK(r.unexpected_if()->status == 503);
  CHECK(apidecl::header_list(r.unexpected_if()->headers).find("Retry-After") == "7");
}

TEST_CASE("faults: truncated and malformed bodies are decode failures that keep the body",
          "[transport][emulator][faults]") {
  auto& emulator = test_support::fresh_emulator();
  REQUIRE(emulator.fault("path=/api/job/delete&kind=truncate"));
  REQUIRE(emulator.fault("path=/api/quote/795/authorize&kind=malformed"));
  apidecl::curl_transport http(emulator.transport_options());
  auto const truncated = cielo24_client(http).call(c24::delete_job, c24::job_id = authorizing_job);
  REQUIRE(truncated.failure_if() != nullptr);
  REQUIRE(truncated.failure_if()->decode() != nullptr);
  CHECK(truncated.failure_if()->decode()->status == 200);
  CHECK(truncated.failure_if()->decode()->body.find("TaskId") != std::string::npos);

  auto lod = ondemand_client(http);
  od::quote const q = quote_numbered("795");
  auto const malformed = lod.call(od::authorize_quote, od::quote_id = "795", apidecl::body = q);
  REQUIRE(malformed.failure_if() != nullptr);
  REQUIRE(malformed.failure_if()->decode() != nullptr);
  CHECK(malformed.failure_if()->decode()->body == "<QuoteAuthorization><Status>");
}

TEST_CASE("faults: a body over the transport's cap is refused, not stored", "[transport][emulator][faults]") {
  auto& emulator = test_support::fresh_emulator();
  REQUIRE(emulator.fault("path=/api/job/delete&kind=huge&bytes=3000000"));
  apidecl::curl_options o = emulator.transport_options();
  o.max_response_body = 1024 * 1024;
  apidecl::curl_transport http(o);
  auto const r = cielo24_client(http).call(c24::delete_job, c24::job_id = authorizing_job);
  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->transport() != nullptr);
  CHECK(r.failure_if()->transport()->code == apidecl::transport_errc::response_too_large);
}

TEST_CASE("faults: a connection closed before or during the response is lost, maybe after reaching the server",
          "[transport][emulator][faults]") {
  auto& emulator = test_support::fresh_emulator();
  REQUIRE(emulator.fault("path=/api/job/authorize&kind=close_before"));
  REQUIRE(emulator.fault("path=/api/job/delete&kind=close_during"));
  apidecl::curl_transport http(emulator.transport_options());
  auto api = cielo24_client(http);
  auto const closed = api.call(c24::authorize_job, c24::job_id = authorizing_job);
  REQUIRE(closed.failure_if() != nullptr);
  REQUIRE(closed.failure_if()->transport() != nullptr);
  CHECK(closed.failure_if()->transport()->code == apidecl::transport_errc::connection_lost);
  CHECK(closed.failure_if()->may_have_reached_server());
  auto const cut = api.call(c24::delete_job, c24::job_id = authorizing_job);
  REQUIRE(cut.failure_if() != nullptr);
  REQUIRE(cut.failure_if()->transport() != nullptr);
  CHECK(cut.failure_if()->transport()->code == apidecl::transport_errc::connection_lost);
  CHECK(cut.failure_if()->may_have_reached_server());
  CHECK(std::string(cut.failure_if()->transport()->detail).find(token) == std::string::npos);
}

TEST_CASE("faults: an answer held past the total timeout is timed_out, and the job was authorized all the same",
          "[transport][emulator][faults]") {
  auto& emulator = test_support::fresh_emulator();
  // The emulator serves each request as it arrives and holds every answer for ten minutes.
  REQUIRE(emulator.fault("path=/api/job/authorize&kind=delay&ms=600000&count=0"));
  auto const r = test_support::with_growing_timeouts(
      [&](std::chrono::milliseconds timeout) {
        apidecl::curl_options o = emulator.transport_options();
        o.total_timeout = timeout;
        apidecl::curl_transport http(o);
        return cielo24_client(http).call(c24::authorize_job, c24::job_id = authorizing_job);
      },
      [](auto const& outcome) { return outcome.failure_if() && outcome.failure_if()->may_have_reached_server(); });
  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->transport() != nullptr);
  CHECK(r.failure_if()->transport()->code == apidecl::transport_errc::timed_out);
  CHECK(r.failure_if()->may_have_reached_server());
  CHECK(test_support::eventually([&] { return emulator.job_status(authorizing_job) == "Pending"; }));
}

TEST_CASE("a server that went away is cannot_connect, provably never reached", "[transport][emulator][faults]") {
  std::string gone_url;
  {
    test_support::server_process short_lived(APIDECL_EMULATOR, {"--port", "0"});
    auto const address = short_lived.wait_for_line("listening on ", 20s);
    REQUIRE(address);
    gone_url = "http://" + *address;
  }  // stopped here
  apidecl::curl_options o;
  o.base_url = gone_url;
  apidecl::curl_transport http(o);
  auto const r = cielo24_client(http).call(c24::authorize_job, c24::job_id = authorizing_job);
  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->transport() != nullptr);
  CHECK(r.failure_if()->transport()->code == apidecl::transport_errc::cannot_connect);
  CHECK_FALSE(r.failure_if()->may_have_reached_server());
}

TEST_CASE("non-blocking: 100 calls in flight at once through curl's multi interface", "[transport][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  REQUIRE(emulator.fault("path=*&kind=delay&ms=100&count=0"));
  apidecl::curl_multi_transport http(emulator.transport_options());
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{token});
  int authorized = 0;
  for (int i = 0; i < 100; ++i)
    api.start(c24::authorize_job, c24::job_id = authorizing_job).then([&](auto const& r) {
      authorized += r.template get_if<204>() != nullptr;
    });
  CHECK(test_support::eventually([&] {
    api.poll();
    return api.in_flight() == 0;
  }));
  CHECK(authorized == 100);
  auto const counted = emulator.count();
  CHECK(counted.requests == 100);
  // Side by side, not one after the other: an exchange waiting for its answer holds its
  // connection, so the ones started beside it needed others.
  CHECK(counted.connections > 1);
}

TEST_CASE("a per-call timeout overrides the transport's own, blocking and non-blocking", "[transport][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  REQUIRE(emulator.fault("path=/api/job/authorize&kind=delay&ms=600000&count=0"));  // no answer within the test
  // The transports' own timeout would end no exchange within the test either: a timeout that
  // fires is the call's. Had the call's been ignored, the blocking call would hang the test and
  // the polled one would still be pending when the wait below gives up.
  apidecl::curl_options own = emulator.transport_options();
  own.total_timeout = std::chrono::hours(1);
  apidecl::call_options hurried;
  hurried.total_timeout = 200ms;

  apidecl::curl_transport http(own);
  auto api = cielo24_client(http);
  auto const r = api.call(hurried, c24::authorize_job, c24::job_id = authorizing_job);
  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->transport() != nullptr);
  CHECK(r.failure_if()->transport()->code == apidecl::transport_errc::timed_out);

  apidecl::curl_multi_transport multi(own);
  auto async_api = apidecl::make_client(multi, apidecl::boost_json_serializer{}, c24::token_auth{token});
  auto pending = async_api.start(hurried, c24::authorize_job, c24::job_id = authorizing_job);
  REQUIRE(test_support::eventually([&] {
    async_api.poll();
    return pending.ready();
  }));
  REQUIRE(pending.get().failure_if() != nullptr);
  REQUIRE(pending.get().failure_if()->transport() != nullptr);
  CHECK(pending.get().failure_if()->transport()->code == apidecl::transport_errc::timed_out);
}
