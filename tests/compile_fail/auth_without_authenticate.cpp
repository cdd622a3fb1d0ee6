// An Auth policy whose authenticate has the wrong shape does not compile, and the error says
// what the requirement is.
// expect: auth_lacks_authenticate
// expect: apidecl: an Auth policy must provide 'apidecl::auth_result authenticate(apidecl::request const&, apidecl::header_writer&)'
#include <apidecl/client/client.hpp>
#include <apidecl/transport/mock.hpp>

#include <string>

struct bearer {
  std::string token;
#ifdef APIDECL_TWIN
  apidecl::auth_result authenticate(apidecl::request const&, apidecl::header_writer& h) const {
    h.add("Authorization", "Bearer ", token);
    return {};
  }
#else
  std::string authenticate(apidecl::request const&) const { return "Bearer " + token; }
#endif
};

int main() {
  apidecl::mock_transport http;
  auto api = apidecl::make_client(http, bearer{"t"});
  (void)api;
}
