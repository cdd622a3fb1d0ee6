// Building and authenticating a request into a caller's buffer, with no client: the same bytes a
// client sends, the Auth policy's arguments supplied, a signature onDemand accepts.
#include <catch2/catch.hpp>

#include "../support/lod1_signature.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/apis/ondemand/ondemand.hpp>
#include <apidecl/auth/build_authenticated.hpp>
#include <apidecl/auth/openssl_sha256.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/transport/mock.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace c24 = apidecl::cielo24;
namespace od = apidecl::ondemand;

namespace {
constexpr char const* token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr char const* job = "64bea283eff6475ea6596027a6ba0929";

struct fixed_utc_clock {
  apidecl::utc_timestamp now() const { return *apidecl::utc_timestamp::from_unix_time(1400000000); }
};
}  // namespace

TEST_CASE("cielo24: the token policy supplies api_token, as a client's call does", "[auth]") {
  std::array<char, 512> buffer{};
  c24::token_auth auth{token};
  apidecl::build_result const r = apidecl::build_authenticated(c24::authorize_job, buffer, auth, c24::job_id = job);
  REQUIRE(r.has_value());

  apidecl::mock_transport http;
  http.respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{token});
  (void)api.call(c24::authorize_job, c24::job_id = job);
  REQUIRE(http.requests().size() == 1);
  CHECK(r->target() == http.requests()[0].target);
  CHECK(r->headers().text() == http.requests()[0].headers);
  CHECK(r->target() == std::string("/api/job/authorize?v=1&api_token=") + token + "&job_id=" + job);
}

TEST_CASE("onDemand: a body and a signature onDemand's check accepts, in a fixed buffer", "[auth]") {
  std::array<char, 2048> buffer{};
  od::signer<apidecl::openssl_sha256, fixed_utc_clock> sign({"key", "secret"});
  apidecl::serializer_set<apidecl::pugixml_serializer> const serializers{apidecl::pugixml_serializer{}};
  od::quote q;
  q.quote_id = od::ids::quote("795");
  apidecl::build_result const r = apidecl::build_authenticated(od::authorize_quote, buffer, serializers, sign,
                                                               od::quote_id = "795", apidecl::body = q);
  REQUIRE(r.has_value());
  CHECK(r->target() == "/api/quote/795/authorize");
  apidecl::header_list const fields = r->headers();
  CHECK(fields.find("Content-Type") == "text/xml");
  CHECK(fields.find("x-lod-timestamp") == "2014-05-13T16:53:20");
  CHECK(fields.find("Authorization") ==
        test_support::lod1_authorization("POST", "/api/quote/795/authorize", "key", "secret", "2014-05-13T16:53:20"));
  CHECK(r->body().find("<QuoteID>795</QuoteID>") != std::string_view::npos);
}

TEST_CASE("a buffer too small for the signature says how large it must be", "[auth]") {
  od::signer<apidecl::openssl_sha256, fixed_utc_clock> sign({"key", "secret"});
  apidecl::serializer_set<apidecl::pugixml_serializer> const serializers{apidecl::pugixml_serializer{}};
  od::quote q;
  q.quote_id = od::ids::quote("795");
  std::vector<char> buffer(4096);
  apidecl::build_result const unsigned_request =
      apidecl::build(od::authorize_quote, buffer, serializers, od::quote_id = "795", apidecl::body = q);
  REQUIRE(unsigned_request.has_value());
  // Room for the request, not for its Auth fields.
  buffer.resize(unsigned_request->body().size() + unsigned_request->target().size() +
                unsigned_request->headers().text().size());
  apidecl::build_result const small = apidecl::build_authenticated(od::authorize_quote, buffer, serializers, sign,
                                                                   od::quote_id = "795", apidecl::body = q);
  REQUIRE_FALSE(small.has_value());
  CHECK(small.error().code == apidecl::validation_error::code::request_too_large);
  buffer.resize(small.error().needed);
  apidecl::build_result const fits = apidecl::build_authenticated(od::authorize_quote, buffer, serializers, sign,
                                                                  od::quote_id = "795", apidecl::body = q);
  REQUIRE(fits.has_value());
  CHECK(fits->body().size() + fits->target().size() + fits->headers().text().size() == small.error().needed);
}

TEST_CASE("a path value that would change the path is refused before the policy signs", "[auth]") {
  struct counting_auth {
    int* calls;
    apidecl::auth_result authenticate(apidecl::request const&, apidecl::header_writer&) const {
      ++*calls;
      return {};
    }
  };
  int calls = 0;
  std::array<char, 2048> buffer{};
  counting_auth auth{&calls};
  apidecl::serializer_set<apidecl::pugixml_serializer> const serializers{apidecl::pugixml_serializer{}};
  od::quote q;
  apidecl::build_result const r =
      apidecl::build_authenticated(od::authorize_quote, buffer, serializers, auth, od::quote_id = "..", apidecl::body = q);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().parameter == "quote_id");
  CHECK(calls == 0);
}
