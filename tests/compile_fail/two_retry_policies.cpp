// A client takes one Retry policy: two do not compile, and the error says how to combine them.
// expect: more_than_one_retry_policy
// expect: apidecl: a client takes at most one Retry policy: compose policies into one with '|'
#include <apidecl/client/client.hpp>
#include <apidecl/retry/retry.hpp>
#include <apidecl/transport/mock.hpp>

#include <chrono>

int main() {
  using namespace std::chrono_literals;
  apidecl::mock_transport http;
#ifdef APIDECL_TWIN
  auto api = apidecl::make_client(http, apidecl::fixed_delay{1s, 3} | apidecl::honour_retry_after(60s));
#else
  auto api = apidecl::make_client(http, apidecl::fixed_delay{1s, 3}, apidecl::no_retry{});
#endif
  (void)api;
}
