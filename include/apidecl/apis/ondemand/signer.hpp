#ifndef APIDECL_APIS_ONDEMAND_SIGNER_HPP
#define APIDECL_APIS_ONDEMAND_SIGNER_HPP

#include <apidecl/auth/auth.hpp>
#include <apidecl/auth/base64.hpp>
#include <apidecl/auth/sha256.hpp>
#include <apidecl/clock/utc_clock.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/core/writer.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

/// The Auth policy of the onDemand API: LOD1-BASE64-SHA256 request signing.
///
///     apidecl::ondemand::signer sign({key_id, secret_key}, apidecl::openssl_sha256{});
///     auto lod = apidecl::make_client(http, apidecl::pugixml_serializer{}, sign);
///
/// Each request gets `Accept: text/xml`, `x-lod-timestamp` (the clock's time in ISO 8601
/// without a zone, as the service's own examples and C# client write it), `x-lod-version` and
///
///     Authorization: LOD1-BASE64-SHA256 KeyID=<key id>,Signature=<signature>,SignedHeaders=x-lod-timestamp;x-lod-version;accept
///
/// where the signature is Base64(SHA-256(method ":" path ":" secret ":" timestamp ":" version
/// ":" accept)): a plain digest with the secret inside, not an HMAC, over the percent-encoded
/// path without its query.
namespace apidecl::ondemand {

/// What onDemand issues to a merchant account, and the API version requests ask for.
struct credentials {
  std::string key_id;
  std::string secret_key;
  /// The `x-lod-version` date: the version of the API whose behaviour the caller expects.
  std::string api_version = "2015-02-23";
};

/// Signs requests with `credentials`, hashing through `Sha256` (sha256.hpp) and stamping them with
/// the time of `Clock` (utc_clock.hpp).
template <class Sha256, class Clock = system_utc_clock>
class signer {
 public:
  explicit signer(credentials keys, Sha256 hash = {}, Clock clock = {})
      : keys_(std::move(keys)), hash_(std::move(hash)), clock_(std::move(clock)) {
    // One error at most: the Clock is looked at only once the Sha256 provider is right.
    if constexpr (!is_sha256_v<Sha256>) detail::diagnose_sha256<Sha256>();
    else detail::diagnose_utc_clock<Clock>();
  }

  auth_result authenticate(request const& r, header_writer& headers) {
    if constexpr (!is_sha256_v<Sha256> || !is_utc_clock_v<Clock>) {
      return auth_result("the signer's Sha256 provider or Clock does not compile");  // the constructor said why
    } else {
      return sign(r, headers);
    }
  }

  Clock& clock() noexcept { return clock_; }

 private:
  auth_result sign(request const& r, header_writer& headers) {
    static constexpr std::string_view accept = "text/xml";
    char stamp_text[32];
    writer stamp(stamp_text, sizeof stamp_text);
    clock_.now().format_without_zone(stamp);
    std::string_view const timestamp(stamp_text, stamp.size());

    std::string_view const signed_text[] = {r.method_name(), ":", r.path(), ":", keys_.secret_key, ":",
                                            timestamp, ":", keys_.api_version, ":", accept};
    sha256_digest digest;
    if (!hash_.sha256(signed_text, std::size(signed_text), digest)) return auth_result("the SHA-256 provider failed");
    char signature_text[base64_size(sizeof digest)];
    writer signature(signature_text, sizeof signature_text);
    base64_encode(digest.data(), digest.size(), signature);

    headers.add("Accept", accept);
    headers.add("x-lod-timestamp", timestamp);
    headers.add("x-lod-version", keys_.api_version);
    headers.add_secret("Authorization", "LOD1-BASE64-SHA256 KeyID=", keys_.key_id,
                ",Signature=", std::string_view(signature_text, sizeof signature_text),
                ",SignedHeaders=x-lod-timestamp;x-lod-version;accept");
    return {};
  }

  credentials keys_;
  Sha256 hash_;
  Clock clock_;
};

template <class Sha256>
signer(credentials, Sha256) -> signer<Sha256>;

}  // namespace apidecl::ondemand

#endif
