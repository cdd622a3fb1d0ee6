// The onDemand signer (LOD1-BASE64-SHA256): headers, the signed string, and signatures computed
// independently with OpenSSL's command-line tool.
#include <catch2/catch.hpp>

#include "../../support/ondemand_seed.hpp"

#include <apidecl/apis/ondemand/ondemand.hpp>
#include <apidecl/auth/openssl_sha256.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/transport/mock.hpp>
#include <apidecl/types/text_value.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace {

namespace od = apidecl::ondemand;

struct frozen_clock {
  std::string_view at;  // ISO 8601 with its Z
  apidecl::utc_timestamp now() const { return apidecl::from_text<apidecl::utc_timestamp>(at).value(); }
};

// A user's Sha256 provider that keeps what it was given and answers a fixed digest.
struct recording_sha256 {
  std::string* signed_text;
  bool sha256(std::string_view const* pieces, std::size_t count, apidecl::sha256_digest& out) {
    for (std::size_t i = 0; i < count; ++i) signed_text->append(pieces[i]);
    out.fill(0xfb);
    return true;
  }
};

struct broken_sha256 {
  bool sha256(std::string_view const*, std::size_t, apidecl::sha256_digest&) { return false; }
};

od::credentials const keys{"demo-key-id", "zX1c2V3b4N5m6Q7w8E9r0T", "2015-02-23"};

std::string headers_for(apidecl::request const& r, od::credentials const& k, std::string_view at) {
  od::signer<apidecl::openssl_sha256, frozen_clock> sign(k, {}, frozen_clock{at});
  char text[512];
  apidecl::writer out(text, sizeof text);
  apidecl::header_writer h(out);
  REQUIRE(sign.authenticate(r, h));
  REQUIRE(h.problem().empty());
  return std::string(text, out.size());
}

od::quote seed_quote() {
  od::quote q;
  REQUIRE(apidecl::pugixml_serializer{}.decode(ondemand_seed::request_example, q));
  return q;
}

}  // namespace

static_assert(apidecl::is_auth_v<od::signer<apidecl::openssl_sha256>>);
static_assert(apidecl::is_utc_clock_v<frozen_clock>);
static_assert(apidecl::is_utc_clock_v<apidecl::system_utc_clock>);
static_assert(!apidecl::is_utc_clock_v<int>);

// The documentation's worked example string, with a secret of ours. Expected value from:
//   printf '%s' 'GET:/api/services:zX1c2V3b4N5m6Q7w8E9r0T:2014-02-21T07:49:24.655024:2014-02-28:text/xml' |
//     openssl dgst -sha256 -binary | base64
TEST_CASE("the signature of the documentation's example matches OpenSSL's command line", "[ondemand][auth]") {
  od::credentials const k{"demo-key-id", "zX1c2V3b4N5m6Q7w8E9r0T", "2014-02-28"};
  apidecl::request const r(apidecl::method::get, "/api/services?page=2", {}, {});  // the query is not signed
  CHECK(headers_for(r, k, "2014-02-21T07:49:24.655024Z") ==
        "Accept: text/xml\r\n"
        "x-lod-timestamp: 2014-02-21T07:49:24.655024\r\n"
        "x-lod-version: 2014-02-28\r\n"
        "Authorization: LOD1-BASE64-SHA256 KeyID=demo-key-id,"
        "Signature=pq1y0U2CWu3RKOaVvYOwgJ6J9LBLuo5zRROQnZkO7bo=,"
        "SignedHeaders=x-lod-timestamp;x-lod-version;accept\r\n");
}

// Expected value from:
//   printf '%s' 'POST:/api/quote/795/authorize:zX1c2V3b4N5m6Q7w8E9r0T:2014-06-25T16:39:07.123456:2015-02-23:text/xml' |
//     openssl dgst -sha256 -binary | base64
TEST_CASE("Authorize Quote through a client is signed over its method and path", "[ondemand][auth]") {
  apidecl::mock_transport mock;
  mock.respond(202, std::string(ondemand_seed::no_payment_required), "Content-Type: text/xml\r\n");
  od::signer<apidecl::openssl_sha256, frozen_clock> sign(keys, {}, frozen_clock{"2014-06-25T16:39:07.123456Z"});
  auto lod = apidecl::make_client(mock, apidecl::pugixml_serializer{}, sign);
  auto const r = lod.call(od::authorize_quote, od::quote_id = "795", apidecl::body = seed_quote());
  REQUIRE(r.get_if<202>() != nullptr);  // the signed request's answer, decoded
  CHECK(r.get_if<202>()->status == od::authorization_status::authorized);
  REQUIRE(mock.requests().size() == 1);
  auto const& sent = mock.requests()[0];
  CHECK(sent.request_line() == "POST /api/quote/795/authorize HTTP/1.1");
  CHECK(sent.header("Content-Type") == "text/xml");
  CHECK(sent.header("Accept") == "text/xml");
  CHECK(sent.header("x-lod-timestamp") == "2014-06-25T16:39:07.123456");
  CHECK(sent.header("x-lod-version") == "2015-02-23");
  CHECK(sent.header("Authorization") ==
        "LOD1-BASE64-SHA256 KeyID=demo-key-id,Signature=2es0dfbuG7xu3W2Hyt2e7OPjgeml/vdHfomBLPuCyiE=,"
        "SignedHeaders=x-lod-timestamp;x-lod-version;accept");
  CHECK(sent.body.find("<QuoteID>795</QuoteID>") != std::string::npos);
}

TEST_CASE("the signed string is method:path:secret:timestamp:version:accept", "[ondemand][auth]") {
  std::string signed_text;
  od::signer<recording_sha256, frozen_clock> sign(keys, recording_sha256{&signed_text},
                                                  frozen_clock{"2014-06-25T16:39:07Z"});
  char text[512];
  apidecl::writer out(text, sizeof text);
  apidecl::header_writer h(out);
  // A quote ID that needed escaping is signed as sent, percent-encoded.
  REQUIRE(sign.authenticate(apidecl::request(apidecl::method::post, "/api/quote/a%2Fb/authorize?x=1", {}, {}), h));
  CHECK(signed_text == "POST:/api/quote/a%2Fb/authorize:zX1c2V3b4N5m6Q7w8E9r0T:2014-06-25T16:39:07:2015-02-23:text/xml");
  // 32 bytes of 0xfb are "+/v7" repeated, then the padding.
  CHECK(std::string(text, out.size()).find("Signature=+/v7+/v7+/v7+/v7+/v7+/v7+/v7+/v7+/v7+/v7+/s=,") !=
        std::string::npos);
}

TEST_CASE("the API version is the caller's choice", "[ondemand][auth]") {
  od::credentials k = keys;
  k.api_version = "2016-03-15";
  std::string const headers =
      headers_for(apidecl::request(apidecl::method::get, "/api/services", {}, {}), k, "2016-04-01T00:00:00Z");
  CHECK(headers.find("x-lod-version: 2016-03-15\r\n") != std::string::npos);
}

TEST_CASE("a failing SHA-256 provider fails the call before anything is sent", "[ondemand][auth]") {
  apidecl::mock_transport mock;
  mock.respond(202);
  auto lod = apidecl::make_client(mock, apidecl::pugixml_serializer{},
                                  od::signer<broken_sha256, frozen_clock>(keys, {}, frozen_clock{"2014-06-25T16:39:07Z"}));
  auto const r = lod.call(od::authorize_quote, od::quote_id = "795", apidecl::body = seed_quote());
  REQUIRE(r.failure_if() != nullptr);
  CHECK(r.failure_if()->message() == "cannot authenticate the request: the SHA-256 provider failed");
  CHECK(mock.requests().empty());
}

// "/api/quote/../authorize" would reach "/api/authorize", signed over a path that was never sent.
TEST_CASE("a quote_id of '.' or '..' is refused before anything is signed or sent", "[ondemand][auth]") {
  for (std::string_view dots : {".", ".."}) {
    std::string signed_text;
    apidecl::mock_transport mock;
    mock.respond(202);
    od::signer<recording_sha256, frozen_clock> sign(keys, recording_sha256{&signed_text},
                                                    frozen_clock{"2014-06-25T16:39:07Z"});
    auto lod = apidecl::make_client(mock, apidecl::pugixml_serializer{}, sign);
    auto const r = lod.call(od::authorize_quote, od::quote_id = dots, apidecl::body = seed_quote());
    REQUIRE(r.failure_if() != nullptr);
    CHECK(r.failure_if()->message() ==
          "invalid request: parameter 'quote_id' is empty, '.' or '..', which would change the path");
    CHECK(signed_text.empty());
    CHECK(mock.requests().empty());
  }
}

TEST_CASE("the system clock stamps the current time to the microsecond", "[ondemand][auth]") {
  apidecl::utc_timestamp const now = apidecl::system_utc_clock{}.now();
  CHECK(now.fraction_digits() == 6);
  CHECK(now.seconds_since_epoch() > 1700000000);  // after November 2023
}
