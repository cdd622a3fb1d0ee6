// start() needs an AsyncTransport, whose in_flight() can be asked on a const transport: a
// non-const one does not compile, and the one error says what the requirement is.
// expect: async_transport_lacks_in_flight<frame_transport>
// expect: apidecl: an AsyncTransport must provide 'std::size_t in_flight() const'
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/async_transport.hpp>

#include <cstddef>

struct frame_transport {
  apidecl::exchange_id start(apidecl::request const&, apidecl::exchange_handler) { return apidecl::exchange_id{1}; }
  std::size_t poll() { return 0; }
  bool cancel(apidecl::exchange_id) { return false; }
#ifdef APIDECL_TWIN
  std::size_t in_flight() const { return 0; }
#else
  std::size_t in_flight() { return 0; }
#endif
};

int main() {
  namespace c24 = apidecl::cielo24;
  frame_transport http;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  auto pending = api.start(c24::authorize_job, c24::api_token = "7ca5", c24::job_id = "64be");
  return pending.ready() ? 0 : 1;
}
