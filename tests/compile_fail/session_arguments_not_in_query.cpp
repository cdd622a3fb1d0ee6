// A Session's arguments() are renewed in the request built once, which it can do in the query
// only: a header argument is refused, naming where such a credential goes instead.
// expect: session_arguments_not_in_query
// expect: apidecl: a Session's arguments() may only supply query parameters of text
#include <apidecl/apis/cielo24/account.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/transport/mock.hpp>

#include <string>
#include <tuple>

#ifdef APIDECL_TWIN
struct token_param : apidecl::query<std::string_view, apidecl::secret> {
#else
struct token_param : apidecl::header<std::string_view, apidecl::secret> {
#endif
  static constexpr std::string_view name = "token";
};

struct header_session {
  std::string token;
  using login_endpoint = apidecl::cielo24::endpoints::login;
  auto arguments() const { return std::tuple(apidecl::keyword<token_param>{} = std::string_view(token)); }
  auto login_arguments() const { return std::tuple(apidecl::cielo24::username = "me"); }
  bool refused(apidecl::response const& r) const { return r.status == 401; }
  apidecl::auth_result accept(apidecl::result<login_endpoint> const&) { return {}; }
  apidecl::auth_result authenticate(apidecl::request const&, apidecl::header_writer&) const { return {}; }
};

int main() {
  apidecl::mock_transport http;
  auto api = apidecl::make_client(http, header_session{"t"});
  (void)api;
}
