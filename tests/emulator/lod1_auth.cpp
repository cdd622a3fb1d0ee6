#include "lod1_auth.hpp"

#include "ondemand_xml.hpp"
#include "query.hpp"

#include <openssl/evp.h>

#include <array>
#include <string>

namespace emulator::lod1 {

namespace {

using ondemand_xml::error;
using ondemand_xml::miscellaneous;

constexpr std::string_view secret_key = "demo-secret-key";
constexpr std::string_view authorization_scheme = "LOD1-BASE64-SHA256 ";
constexpr std::string_view signed_headers = "x-lod-timestamp;x-lod-version;accept";

response authentication_failed(std::string_view detail) {
  return error(http::status::unauthorized, miscellaneous, "Authentication failed", detail);
}

/// Base64(SHA-256(text)): the LOD1-BASE64-SHA256 signature of a string to sign.
std::string sha256_base64(std::string_view text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int digest_size = 0;
  EVP_Digest(text.data(), text.size(), digest.data(), &digest_size, EVP_sha256(), nullptr);
  std::array<unsigned char, 4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1> encoded{};
  auto encoded_size = EVP_EncodeBlock(encoded.data(), digest.data(), static_cast<int>(digest_size));
  return std::string(reinterpret_cast<const char*>(encoded.data()), static_cast<std::size_t>(encoded_size));
}

struct credentials {
  std::string_view key_id;
  std::string_view signature;
  std::string_view signed_headers;
};

/// Reads `LOD1-BASE64-SHA256 KeyID=..,Signature=..,SignedHeaders=..` as the documentation writes it:
/// one space after the scheme, commas and no spaces between the parts, each part once.
std::optional<credentials> parse_authorization(std::string_view header) {
  if (header.substr(0, authorization_scheme.size()) != authorization_scheme) return std::nullopt;
  header.remove_prefix(authorization_scheme.size());
  std::optional<std::string_view> key, signature, headers;
  while (!header.empty()) {
    auto part = header.substr(0, header.find(','));
    header.remove_prefix(std::min(header.size(), part.size() + 1));
    auto equals = part.find('=');
    if (equals == std::string_view::npos) return std::nullopt;
    auto name = part.substr(0, equals);
    auto* slot = name == "KeyID"           ? &key
                 : name == "Signature"     ? &signature
                 : name == "SignedHeaders" ? &headers
                                           : nullptr;
    if (!slot || *slot) return std::nullopt;
    *slot = part.substr(equals + 1);
  }
  if (!key || !signature || !headers) return std::nullopt;
  return credentials{*key, *signature, *headers};
}

}  // namespace

std::optional<response> authentication_failure(const request& message) {
  auto accept = message[http::field::accept];
  if (accept != xml_media_type) {
    return error(http::status::bad_request, miscellaneous, "Unsupported Accept header",
                 "Accept must be text/xml, not '" + std::string{accept} + "'");
  }
  auto timestamp = message["x-lod-timestamp"];
  auto version = message["x-lod-version"];
  if (timestamp.empty()) return authentication_failed("The x-lod-timestamp header is missing");
  if (version.empty()) return authentication_failed("The x-lod-version header is missing");
  auto given = parse_authorization(message[http::field::authorization]);
  if (!given) {
    return authentication_failed(
        "Authorization must read 'LOD1-BASE64-SHA256 KeyID=<key id>,Signature=<signature>,"
        "SignedHeaders=x-lod-timestamp;x-lod-version;accept'");
  }
  if (given->key_id != key_id) return authentication_failed("Unknown KeyID '" + std::string{given->key_id} + "'");
  if (given->signed_headers != signed_headers) {
    return authentication_failed("SignedHeaders must be " + std::string{signed_headers});
  }
  auto to_sign = [&](std::string_view secret) {
    return std::string{message.method_string()} + ':' + std::string{target_path(message.target())} + ':' +
           std::string{secret} + ':' + std::string{timestamp} + ':' + std::string{version} + ':' + std::string{accept};
  };
  if (given->signature != sha256_base64(to_sign(secret_key))) {
    return authentication_failed("The signature is not Base64(SHA-256('" + to_sign("<secret>") + "'))");
  }
  return std::nullopt;
}


bool carries_signature(const request& message) {
  return message[http::field::authorization].substr(0, authorization_scheme.size()) == authorization_scheme;
}

}  // namespace emulator::lod1
