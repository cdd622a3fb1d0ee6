// A visitor that leaves a documented status unhandled does not compile; the error names the case.
// expect: visitor_does_not_handle_a_case
// expect: status<400
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

namespace c24 = apidecl::cielo24;

int main() {
  apidecl::mock_transport http;
  http.respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  auto r = api.call(c24::authorize_job, c24::api_token = "7ca5", c24::job_id = "64be");
  return r.visit(apidecl::overload{
      [](apidecl::no_content) { return 0; },
#ifdef APIDECL_TWIN
      [](c24::error const&) { return 1; },
#endif
      [](apidecl::unexpected_status const&) { return 2; },
      [](apidecl::failure const&) { return 3; }});
}
