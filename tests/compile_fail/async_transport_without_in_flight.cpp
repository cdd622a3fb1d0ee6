// start() needs an AsyncTransport, whose in_flight() can be asked on a const transport: a
// non-const one does not compile, and the one error says what the requirement is.
// expect: async_transport_lacks_in_flight<frame_transport>
// expect: apidecl: an AsyncTransport must provide 'std::size_t in_flight() const'
// expect-lines: 20 (over 15 on Clang: the transport is checked one call below start(), reached through a helper of this test)
#include "start_a_call.hpp"

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
  frame_transport http;
  return start_a_call(http);
}
