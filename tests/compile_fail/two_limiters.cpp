// A client takes one Limiter: two are refused, naming the way to combine rates.
// expect: more_than_one_limiter
// expect: apidecl: a client takes at most one Limiter
#include <apidecl/client/client.hpp>
#include <apidecl/limit/rate_limiter.hpp>
#include <apidecl/transport/mock.hpp>

#include <chrono>

int main() {
  apidecl::mock_transport http;
  apidecl::rate_limiter limits(apidecl::rate{30, std::chrono::minutes(1)});
#ifdef APIDECL_TWIN
  auto api = apidecl::make_client(http, limits);
#else
  auto api = apidecl::make_client(http, limits, apidecl::rate_limiter(apidecl::rate{2, std::chrono::minutes(1)}));
#endif
  (void)api;
}
