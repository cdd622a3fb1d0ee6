// async_call completes Asio tokens over a transport with Asio's asynchronous face: over another it
// is one error saying what to include and which transport to use.
// expect: async_call_needs_an_asio_transport
// expect: apidecl: async_call needs <apidecl/client/async_call.hpp> and a Transport with
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/async_call.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/asio.hpp>
#include <apidecl/transport/mock.hpp>

namespace c24 = apidecl::cielo24;

int main() {
#ifdef APIDECL_TWIN
  apidecl::asio_transport http;
#else
  apidecl::mock_transport http;
#endif
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  int status = 0;
  api.async_call(c24::authorize_job, c24::api_token = "7ca5", c24::job_id = "64be",
                 [&](apidecl::result<c24::endpoints::authorize_job> const& r) { status = r.http_status(); });
  return status;
}
