// start() needs an AsyncTransport: one whose poll takes a timeout it cannot do without is not
// one, and the one error says which member function is missing.
// expect: async_transport_lacks_poll<frame_transport>
// expect: apidecl: an AsyncTransport must provide 'std::size_t poll()'
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/async_transport.hpp>

#include <chrono>
#include <cstddef>

struct frame_transport {
  apidecl::exchange_id start(apidecl::request const&, apidecl::exchange_handler) { return apidecl::exchange_id{1}; }
#ifdef APIDECL_TWIN
  std::size_t poll() { return 0; }
#else
  std::size_t poll(std::chrono::milliseconds budget) { return budget.count() > 0 ? 0 : 1; }
#endif
  bool cancel(apidecl::exchange_id) { return false; }
  std::size_t in_flight() const { return 0; }
};

int main() {
  namespace c24 = apidecl::cielo24;
  frame_transport http;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  auto pending = api.start(c24::authorize_job, c24::api_token = "7ca5", c24::job_id = "64be");
  return pending.ready() ? 0 : 1;
}
