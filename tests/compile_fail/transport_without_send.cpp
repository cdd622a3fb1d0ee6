// A Transport without send(request) does not compile, and the error says what to add.
// expect: transport_lacks_send
// expect: apidecl: a Transport must provide 'apidecl::transport_result send(apidecl::request const&)'
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>

namespace c24 = apidecl::cielo24;

struct my_transport {
#ifdef APIDECL_TWIN
  apidecl::transport_result send(apidecl::request const&) {
    return apidecl::transport_error{apidecl::transport_errc::cannot_connect, false, "offline"};
  }
#else
  apidecl::transport_result post(apidecl::request const&) {
    return apidecl::transport_error{apidecl::transport_errc::cannot_connect, false, "offline"};
  }
#endif
};

int main() {
  my_transport http;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  auto r = api.call(c24::authorize_job, c24::api_token = "7ca5", c24::job_id = "64be");
  return r.failure_if() ? 0 : 1;
}
