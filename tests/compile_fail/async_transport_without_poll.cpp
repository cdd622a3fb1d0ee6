// start() needs an AsyncTransport: one whose poll takes a timeout it cannot do without is not
// one, and the one error says which member function is missing.
// expect: async_transport_lacks_poll<frame_transport>
// expect: apidecl: an AsyncTransport must provide 'std::size_t poll()'
// expect-lines: 20 (over 15 on Clang: the transport is checked one call below start(), reached through a helper of this test)
#include "start_a_call.hpp"

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
  frame_transport http;
  return start_a_call(http);
}
