// The onDemand signer stamps requests with a UtcClock: a clock whose now() gives a time_t does
// not compile, and the one error says what now() must return, whatever the signer is used for.
// expect: utc_clock_lacks_now<epoch_clock>
// expect: apidecl: a UtcClock must provide 'apidecl::utc_timestamp now()'
#include <apidecl/apis/ondemand/ondemand.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/transport/mock.hpp>

#include <cstddef>
#include <ctime>
#include <string_view>

struct fake_sha256 {
  bool sha256(std::string_view const*, std::size_t, apidecl::sha256_digest& out) {
    out.fill(0);
    return true;
  }
};
struct epoch_clock {
#ifdef APIDECL_TWIN
  apidecl::utc_timestamp now() const { return apidecl::utc_timestamp{}; }
#else
  std::time_t now() const { return 1403714347; }
#endif
};

namespace od = apidecl::ondemand;

int main() {
  apidecl::mock_transport http;
  auto lod = apidecl::make_client(http, apidecl::pugixml_serializer{},
                                  od::signer<fake_sha256, epoch_clock>({"key", "secret"}));
  od::quote q;
  auto r = lod.call(od::authorize_quote, od::quote_id = "798", apidecl::body = q);
  return r.failure_if() ? 0 : 1;
}
