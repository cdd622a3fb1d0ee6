#ifndef APIDECL_TESTS_APIS_ONDEMAND_CATALOG_CLIENT_HPP
#define APIDECL_TESTS_APIS_ONDEMAND_CATALOG_CLIENT_HPP

// What the onDemand catalog's tests share: a client over the mock with the serializers the
// catalog's bodies use (XML, and raw bytes for file contents), signed for one API version.
#include <apidecl/apis/ondemand/signer.hpp>
#include <apidecl/auth/openssl_sha256.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/serializer/text.hpp>
#include <apidecl/transport/mock.hpp>
#include <apidecl/types/language_code.hpp>
#include <apidecl/types/text_value.hpp>
#include <apidecl/types/timestamp.hpp>

#include <string>
#include <string_view>

namespace ondemand_test {

inline constexpr std::string_view key_id = "demo-key-id";
inline constexpr std::string_view secret_key = "demo-secret-key";
inline std::string const xml_headers = "Content-Type: text/xml\r\n";
inline std::string const error_body =
    "<Error><ReasonCode>306</ReasonCode><SimpleMessage>Not ready</SimpleMessage>"
    "<DetailedMessage>The quote has no price yet.</DetailedMessage></Error>";

/// The time of the docs' 2014 examples, so that signatures do not vary from run to run.
struct fixed_utc_clock {
  apidecl::utc_timestamp now() const { return *apidecl::utc_timestamp::from_unix_time(1400000000); }
};

/// A client that sends `api_version` as x-lod-version.
inline auto client(apidecl::mock_transport& mock, std::string_view api_version) {
  return apidecl::make_client(
      mock, apidecl::pugixml_serializer{}, apidecl::octet_serializer{},
      apidecl::ondemand::signer<apidecl::openssl_sha256, fixed_utc_clock>(
          {std::string(key_id), std::string(secret_key), std::string(api_version)}));
}

/// A language code from example text (`fr-fr`).
inline apidecl::language_code lang(std::string_view code) { return *apidecl::from_text<apidecl::language_code>(code); }

/// The request line the first call sent.
inline std::string first_line(apidecl::mock_transport const& mock) {
  return mock.requests().empty() ? std::string("(nothing sent)") : mock.requests()[0].request_line();
}

}  // namespace ondemand_test

#endif
