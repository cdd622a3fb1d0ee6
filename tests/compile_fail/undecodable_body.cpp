// A response body type the client's serializer cannot decode does not compile; the error names both.
// expect: serializer_cannot_decode
// expect: apidecl::boost_json_serializer
// expect: gadget
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

#include <boost/hana/define_struct.hpp>

#include <string>

#ifdef APIDECL_TWIN
struct gadget {
  BOOST_HANA_DEFINE_STRUCT(gadget, (std::string, name));
};
#else
struct gadget {  // not a Hana Struct: the JSON serializer cannot see its fields
  std::string name;
};
#endif

struct get_gadget {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/gadget";
  using responses = apidecl::responses<apidecl::on<200, gadget, apidecl::json>>;
};

int main() {
  apidecl::mock_transport http;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  auto r = api.call(get_gadget{});
  return r.failure_if() ? 0 : 1;
}
