// A blocking call waits with its client's Sleeper: a clock whose sleep_for takes seconds as a
// double does not compile there, and the one error says what the requirement is. (A clock with
// no sleep_for at all is a Clock, and the call says it needs a Sleeper:
// blocking_call_with_a_clock.cpp.)
// expect: sleeper_lacks_sleep_for<frame_sleeper>
// expect: apidecl: a Sleeper must provide 'void sleep_for(std::chrono::milliseconds)'
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

#include <chrono>

namespace c24 = apidecl::cielo24;

struct frame_sleeper {
  std::chrono::milliseconds now() const { return std::chrono::milliseconds(16); }
#ifdef APIDECL_TWIN
  void sleep_for(std::chrono::milliseconds) {}
#else
  void sleep_for(double seconds, bool spin);
#endif
};

int main() {
  apidecl::mock_transport http;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, frame_sleeper{});
  auto r = api.call(c24::authorize_job, c24::api_token = "7ca5", c24::job_id = "64be");
  return r.http_status() == 204 ? 0 : 1;
}
