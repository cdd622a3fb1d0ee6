// A positional argument on a client whose Auth policy supplies arguments is the same one error as
// without one: the policy's arguments are not looked at before the call's are known to be named.
// expect: apidecl: arguments are passed by name: write parameter = value, e.g. job_id = id
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

#include <string>

namespace c24 = apidecl::cielo24;

int main() {
  apidecl::mock_transport http;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{"7ca5"});
  std::string const job = "64be";
#ifdef APIDECL_TWIN
  auto r = api.call(c24::authorize_job, c24::job_id = job);
#else
  auto r = api.call(c24::authorize_job, job);
#endif
  return r.http_status() == 204 ? 0 : 1;
}
