// A request body type the serializer for its media type cannot encode does not compile.
// expect: serializer_cannot_encode
// expect: apidecl::query_string_serializer
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/query_string.hpp>
#include <apidecl/transport/mock.hpp>

#include <boost/hana/define_struct.hpp>

#include <string>
#include <vector>

struct address {
  BOOST_HANA_DEFINE_STRUCT(address, (std::string, city));
};
struct signup {
#ifdef APIDECL_TWIN
  BOOST_HANA_DEFINE_STRUCT(signup, (std::string, name), (std::string, city));
#else
  // a form has no spelling for a list of objects (OpenAPI defines none)
  BOOST_HANA_DEFINE_STRUCT(signup, (std::string, name), (std::vector<address>, homes));
#endif
};

struct create_account {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/accounts";
  using body = apidecl::request_body<signup, apidecl::form>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

int main() {
  apidecl::mock_transport http;
  auto api = apidecl::make_client(http, apidecl::query_string_serializer{});
  auto r = api.call(create_account{}, apidecl::body = signup{});
  return r.failure_if() ? 0 : 1;
}
