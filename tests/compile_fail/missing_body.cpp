// An endpoint that declares a request body needs apidecl::body = value, and the error says so.
// expect: missing_request_body
// expect: the call lacks the request body
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
struct put_widget {
  static constexpr apidecl::method method = apidecl::method::put;
  static constexpr std::string_view path = "/v2/widget";
  using body = apidecl::request_body<std::string_view, text_media>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

int main() {
  std::array<char, 64> buffer;
#ifdef APIDECL_TWIN
  auto built = apidecl::build(put_widget{}, buffer, apidecl::serializer_set{text_serializer{}},
                              apidecl::body = std::string_view("hello"));
#else
  auto built = apidecl::build(put_widget{}, buffer, apidecl::serializer_set{text_serializer{}});
#endif
  return built ? 0 : 1;
}
