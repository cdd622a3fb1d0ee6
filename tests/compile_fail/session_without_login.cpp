// An Auth policy that says when its credentials are refused but cannot log in again is not
// taken as a plain Auth policy: the error names what a Session needs.
// expect: session_lacks_login
// expect: apidecl: a Session must provide 'bool refused(apidecl::response const&)', 'using login_endpoint
#include <apidecl/apis/cielo24/account.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/transport/mock.hpp>

#include <string>
#include <tuple>

struct expiring_token {
  std::string token;
  bool refused(apidecl::response const& r) const { return r.status == 401; }
  apidecl::auth_result authenticate(apidecl::request const&, apidecl::header_writer& h) const {
    h.add_secret("Authorization", "Bearer ", token);
    return {};
  }
#ifdef APIDECL_TWIN
  using login_endpoint = apidecl::cielo24::endpoints::login;
  auto login_arguments() const { return std::tuple(apidecl::cielo24::username = "me"); }
  apidecl::auth_result accept(apidecl::result<login_endpoint> const&) { return {}; }
#endif
};

int main() {
  apidecl::mock_transport http;
  auto api = apidecl::make_client(http, expiring_token{"t"});
  (void)api;
}
