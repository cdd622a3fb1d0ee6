// A request body on a method that gives it no meaning does not compile.
// expect: method_does_not_allow_a_body
// expect: put_widget
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
#ifdef APIDECL_TWIN
  static constexpr apidecl::method method = apidecl::method::put;
#else
  static constexpr apidecl::method method = apidecl::method::get;
#endif
  static constexpr std::string_view path = "/v2/widget";
  using body = apidecl::request_body<std::string_view, text_media>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

int main() {
  std::array<char, 64> buffer;
  auto built = apidecl::build(put_widget{}, buffer, apidecl::serializer_set{text_serializer{}},
                              apidecl::body = std::string_view("hello"));
  return built ? 0 : 1;
}
