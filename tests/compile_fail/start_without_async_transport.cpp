// start() needs an AsyncTransport: over a blocking one it does not compile, and says what is missing.
// expect: async_transport_lacks_start
// expect: apidecl: an AsyncTransport must provide 'apidecl::exchange_id start(apidecl::request const&, apidecl::exchange_handler)'
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

namespace c24 = apidecl::cielo24;

struct blocking_only {
  apidecl::transport_result send(apidecl::request const&) {
    return apidecl::transport_error{apidecl::transport_errc::cannot_connect, false, "offline"};
  }
};

int main() {
#ifdef APIDECL_TWIN
  apidecl::mock_transport http;
#else
  blocking_only http;
#endif
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  auto pending = api.start(c24::authorize_job, c24::api_token = "7ca5", c24::job_id = "64be");
  return pending.ready() ? 0 : 1;
}
