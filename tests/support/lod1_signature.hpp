// The LOD1-BASE64-SHA256 signature computed with OpenSSL alone, as onDemand's service checks it:
// what tests hold the library's signer against.
#ifndef APIDECL_TESTS_SUPPORT_LOD1_SIGNATURE_HPP
#define APIDECL_TESTS_SUPPORT_LOD1_SIGNATURE_HPP

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace test_support {

/// Base64(SHA-256(text)).
inline std::string sha256_base64(std::string_view text) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<unsigned char const*>(text.data()), text.size(), digest);
  unsigned char encoded[4 * ((SHA256_DIGEST_LENGTH + 2) / 3) + 1];
  int const size = EVP_EncodeBlock(encoded, digest, SHA256_DIGEST_LENGTH);
  return std::string(reinterpret_cast<char const*>(encoded), static_cast<std::size_t>(size));
}

/// The Authorization field onDemand expects for a request with `method` and `path`, stamped
/// `timestamp`, by key `key_id` with `secret`, for API version 2015-02-23.
inline std::string lod1_authorization(std::string_view method, std::string_view path, std::string_view key_id,
                                      std::string_view secret, std::string_view timestamp) {
  std::string const to_sign = std::string(method) + ':' + std::string(path) + ':' + std::string(secret) + ':' +
                              std::string(timestamp) + ":2015-02-23:text/xml";
  return "LOD1-BASE64-SHA256 KeyID=" + std::string(key_id) + ",Signature=" + sha256_base64(to_sign) +
         ",SignedHeaders=x-lod-timestamp;x-lod-version;accept";
}

}  // namespace test_support

#endif
