// A media type whose Content-Type carries a parameter (multipart's boundary) needs a serializer
// that gives the parameter's value.
// expect: serializer_gives_no_media_parameter
// expect: parameter_value
#include <apidecl/core/build.hpp>
#include <apidecl/serializer/serializer_set.hpp>

#include <array>
#include <string_view>

struct bounded_media {
  static constexpr std::string_view name = "multipart/x-parts";
  static constexpr std::string_view parameter = "boundary";
};
struct parts_serializer {
  using media_type = bounded_media;
  apidecl::encode_result encode(std::string_view text, apidecl::writer& out) const {
    out.append("--b\r\n");
    out.append(text);
    return {};
  }
#ifdef APIDECL_TWIN
  std::string_view parameter_value(std::string_view body) const noexcept { return body.substr(2, 1); }
#endif
};
struct post_parts {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/parts";
  using body = apidecl::request_body<std::string_view, bounded_media>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

int main() {
  std::array<char, 128> buffer;
  auto built = apidecl::build(post_parts{}, buffer, apidecl::serializer_set{parts_serializer{}},
                              apidecl::body = std::string_view("hello"));
  return built ? 0 : 1;
}
