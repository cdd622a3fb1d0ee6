// An Endpoint's body must say its media type through apidecl::request_body<Body, Media>; the bare
// body type does not compile.
// expect: endpoint_body_is_not_a_request_body<put_note>
// expect: apidecl: an Endpoint's 'body' must be apidecl::request_body<Body, Media>
#include <apidecl/core/build.hpp>
#include <apidecl/serializer/serializer_set.hpp>

#include <array>
#include <string_view>

struct text_media {
  static constexpr std::string_view name = "text/plain";
};
struct text_serializer {
  using media_type = text_media;
  apidecl::encode_result encode(std::string_view text, apidecl::writer& out) const {
    out.append(text);
    return {};
  }
};
struct put_note {
  static constexpr apidecl::method method = apidecl::method::put;
  static constexpr std::string_view path = "/v2/note";
#ifdef APIDECL_TWIN
  using body = apidecl::request_body<std::string_view, text_media>;
#else
  using body = std::string_view;
#endif
  using responses = apidecl::responses<apidecl::on<204>>;
};

int main() {
  std::array<char, 64> buffer;
  auto built = apidecl::build(put_note{}, buffer, apidecl::serializer_set{text_serializer{}},
                              apidecl::body = std::string_view("hello"));
  return built ? 0 : 1;
}
