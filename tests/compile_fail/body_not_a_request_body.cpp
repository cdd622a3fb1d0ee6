// An Endpoint's body must say its media type through apidecl::request_body<Body, Media>; the bare
// body type does not compile.
// expect: endpoint_body_is_not_a_request_body<put_note>
// expect: apidecl: an Endpoint's 'body' must be apidecl::request_body<Body, Media>
#include <apidecl/core/build.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/serializer_set.hpp>

#include <boost/hana/define_struct.hpp>

#include <array>
#include <string>
#include <string_view>

struct note {
  BOOST_HANA_DEFINE_STRUCT(note, (std::string, text));
};
struct put_note {
  static constexpr apidecl::method method = apidecl::method::put;
  static constexpr std::string_view path = "/v2/note";
#ifdef APIDECL_TWIN
  using body = apidecl::request_body<note, apidecl::json>;
#else
  using body = note;
#endif
  using responses = apidecl::responses<apidecl::on<204>>;
};

int main() {
  std::array<char, 128> buffer;
  auto built = apidecl::build(put_note{}, buffer, apidecl::serializer_set{apidecl::boost_json_serializer{}},
                              apidecl::body = note{"hello"});
  return built ? 0 : 1;
}
