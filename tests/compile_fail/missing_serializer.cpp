// Calling a JSON endpoint through a client with no JSON serializer does not compile.
// expect: no_serializer_for_media_type
// expect: apidecl::json
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

namespace c24 = apidecl::cielo24;

int main() {
  apidecl::mock_transport http;
#ifdef APIDECL_TWIN
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
#else
  auto api = apidecl::make_client(http);
#endif
  auto r = api.call(c24::delete_job, c24::api_token = "7ca5", c24::job_id = "64be");
  return r.failure_if() ? 0 : 1;
}
