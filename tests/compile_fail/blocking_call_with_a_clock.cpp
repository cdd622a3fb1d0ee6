// A client given a Clock that cannot sleep calls with start() and poll(): a blocking call does
// not compile, and says why.
// expect: blocking_call_needs_a_sleeper
// expect: apidecl: a blocking call waits between attempts, so its client needs a Sleeper ('void sleep_for(std::chrono::milliseconds)')
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

#include <chrono>

namespace c24 = apidecl::cielo24;

struct frame_clock {
  std::chrono::milliseconds now() const { return std::chrono::milliseconds(16); }
};

int main() {
  apidecl::mock_transport http;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, frame_clock{});
#ifdef APIDECL_TWIN
  auto pending = api.start(c24::authorize_job, c24::api_token = "7ca5", c24::job_id = "64be");
  return pending.ready() ? 0 : 1;
#else
  auto r = api.call(c24::authorize_job, c24::api_token = "7ca5", c24::job_id = "64be");
  return r.http_status() == 204 ? 0 : 1;
#endif
}
