// A Sleeper reads the time as std::chrono::milliseconds: one whose now() gives seconds as a
// double does not compile, and the one error says what now() must return.
// expect: clock_lacks_now<frame_sleeper>
// expect: apidecl: a Clock or Sleeper must provide 'std::chrono::milliseconds now()' on a steady timeline
#include <apidecl/client/client.hpp>
#include <apidecl/transport/mock.hpp>

#include <chrono>

struct frame_sleeper {
#ifdef APIDECL_TWIN
  std::chrono::milliseconds now() const { return std::chrono::milliseconds(16); }
#else
  double now() const { return 0.016; }
#endif
  void sleep_for(std::chrono::milliseconds) {}
};

int main() {
  apidecl::mock_transport http;
  auto api = apidecl::make_client(http, frame_sleeper{});
  (void)api;
}
