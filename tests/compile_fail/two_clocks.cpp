// A client takes one Clock: a Sleeper and a Clock given together do not compile.
// expect: more_than_one_clock
// expect: apidecl: a client takes at most one Clock or Sleeper
#include <apidecl/client/client.hpp>
#include <apidecl/clock/test_clock.hpp>
#include <apidecl/transport/mock.hpp>

int main() {
  apidecl::mock_transport http;
#ifdef APIDECL_TWIN
  auto api = apidecl::make_client(http, apidecl::test_clock{});
#else
  auto api = apidecl::make_client(http, apidecl::test_clock{}, apidecl::system_sleeper{});
#endif
  (void)api;
}
