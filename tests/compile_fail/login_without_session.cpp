// login() is a Session's: on a client with another Auth policy it does not compile.
// expect: login_needs_a_session
// expect: apidecl: login() needs a Session as the client's Auth policy
#include <apidecl/apis/cielo24/session.hpp>
#include <apidecl/apis/cielo24/token_auth.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

int main() {
  apidecl::mock_transport http;
#ifdef APIDECL_TWIN
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::cielo24::password_session("me", "pw"));
#else
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::cielo24::token_auth("t"));
#endif
  (void)api.login();
}
