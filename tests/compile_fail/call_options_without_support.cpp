// Per-call options over a transport that cannot honour them do not compile: a timeout asked for
// is never silently ignored.
// expect: transport_takes_no_call_options
// expect: apidecl: per-call options need a Transport with 'send(apidecl::request const&, apidecl::call_options const&)'
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>

#include <chrono>

namespace c24 = apidecl::cielo24;

struct plain_transport {
  apidecl::transport_result send(apidecl::request const&) {
    return apidecl::transport_error{apidecl::transport_errc::cannot_connect, false, "offline"};
  }
#ifdef APIDECL_TWIN
  apidecl::transport_result send(apidecl::request const& r, apidecl::call_options const&) { return send(r); }
#endif
};

int main() {
  plain_transport http;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  apidecl::call_options quick;
  quick.total_timeout = std::chrono::seconds(1);
  auto r = api.call(quick, c24::authorize_job, c24::api_token = "7ca5", c24::job_id = "64be");
  return r.failure_if() ? 0 : 1;
}
