// The onDemand signer needs a Sha256 provider: something else does not compile, and the one
// error says what the requirement is, whatever the signer is used for.
// expect: sha256_provider_lacks_sha256<md5>
// expect: apidecl: a Sha256 provider must provide 'bool sha256(std::string_view const* pieces, std::size_t count, apidecl::sha256_digest& out)'
#include <apidecl/apis/ondemand/ondemand.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/transport/mock.hpp>

#include <cstddef>
#include <string>
#include <string_view>

struct md5 {
#ifdef APIDECL_TWIN
  bool sha256(std::string_view const*, std::size_t, apidecl::sha256_digest&) { return false; }
#else
  std::string digest(std::string_view text) { return std::string(text); }
#endif
};

namespace od = apidecl::ondemand;

int main() {
  apidecl::mock_transport http;
  auto lod = apidecl::make_client(http, apidecl::pugixml_serializer{}, od::signer<md5>({"key", "secret"}));
  od::quote q;
  auto r = lod.call(od::authorize_quote, od::quote_id = "798", apidecl::body = q);
  return r.failure_if() ? 0 : 1;
}
