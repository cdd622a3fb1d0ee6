// A client takes one Observer: two do not compile, and the error says how to combine them.
// expect: more_than_one_observer
// expect: apidecl: a client takes at most one Observer: compose observers into one with '|'
#include <apidecl/client/client.hpp>
#include <apidecl/client/observer.hpp>
#include <apidecl/transport/mock.hpp>

struct count_calls {
  int* calls;
  void on(apidecl::call_completed const&) { ++*calls; }
};
struct count_attempts {
  int* attempts;
  void on(apidecl::attempt_ended const&) { ++*attempts; }
};

int main() {
  int calls = 0, attempts = 0;
  apidecl::mock_transport http;
#ifdef APIDECL_TWIN
  auto api = apidecl::make_client(http, apidecl::observe(count_calls{&calls}) | count_attempts{&attempts});
#else
  auto api = apidecl::make_client(http, count_calls{&calls}, count_attempts{&attempts});
#endif
  (void)api;
}
