// A Limiter that cannot be paused by a 429's Retry-After does not compile, and the error says
// what the requirement is.
// expect: limiter_lacks_pause_until
// expect: apidecl: a Limiter must provide 'void pause_until(std::chrono::milliseconds t, std::chrono::milliseconds now)'
#include <apidecl/client/client.hpp>
#include <apidecl/transport/mock.hpp>

#include <chrono>

struct one_at_a_time {
  std::chrono::milliseconds acquire(apidecl::endpoint_info const&, std::chrono::milliseconds) { return {}; }
#ifdef APIDECL_TWIN
  void pause_until(std::chrono::milliseconds, std::chrono::milliseconds) {}
#endif
};

int main() {
  apidecl::mock_transport http;
  auto api = apidecl::make_client(http, one_at_a_time{});
  (void)api;
}
