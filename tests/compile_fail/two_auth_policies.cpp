// A client takes one Auth policy: two do not compile.
// expect: more_than_one_auth_policy
// expect: apidecl: a client takes at most one Auth policy
#include <apidecl/apis/cielo24/token_auth.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/transport/mock.hpp>

struct bearer {
  apidecl::auth_result authenticate(apidecl::request const&, apidecl::header_writer& h) const {
    h.add("Authorization", "Bearer t");
    return {};
  }
};

int main() {
  apidecl::mock_transport http;
#ifdef APIDECL_TWIN
  auto api = apidecl::make_client(http, bearer{});
#else
  auto api = apidecl::make_client(http, bearer{}, apidecl::cielo24::token_auth{"abcd"});
#endif
  (void)api;
}
