// start() needs an AsyncTransport, which can cancel an exchange: one without cancel does not
// compile, and the one error says what to add.
// expect: async_transport_lacks_cancel<frame_transport>
// expect: apidecl: an AsyncTransport must provide 'bool cancel(apidecl::exchange_id)'
// expect-lines: 20 (over 15 on Clang: the transport is checked one call below start(), reached through a helper of this test)
#include "start_a_call.hpp"

#include <apidecl/transport/async_transport.hpp>

#include <cstddef>

struct frame_transport {
  apidecl::exchange_id start(apidecl::request const&, apidecl::exchange_handler) { return apidecl::exchange_id{1}; }
  std::size_t poll() { return 0; }
#ifdef APIDECL_TWIN
  bool cancel(apidecl::exchange_id) { return false; }
#endif
  std::size_t in_flight() const { return 0; }
};

int main() {
  frame_transport http;
  return start_a_call(http);
}
