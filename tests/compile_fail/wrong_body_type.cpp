// A body of another type than the endpoint declares does not compile, and the error names the
// type expected beside the one passed.
// expect: body_has_the_wrong_type
// expect: put_gadget
// expect: gadget
// expect: widget
#include <apidecl/core/build.hpp>
#include <apidecl/serializer/serializer_set.hpp>

#include <array>
#include <string_view>

struct gadget {
  std::string_view name;
};
struct widget {
  int size = 0;
};
struct text_media {
  static constexpr std::string_view name = "text/plain";
};
struct gadget_serializer {
  using media_type = text_media;
  apidecl::encode_result encode(gadget const& g, apidecl::writer& out) const {
    out.append(g.name);
    return {};
  }
};
struct put_gadget {
  static constexpr apidecl::method method = apidecl::method::put;
  static constexpr std::string_view path = "/v2/gadget";
  using body = apidecl::request_body<gadget, text_media>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

int main() {
  std::array<char, 64> buffer;
#ifdef APIDECL_TWIN
  auto built = apidecl::build(put_gadget{}, buffer, apidecl::serializer_set{gadget_serializer{}},
                              apidecl::body = gadget{"g"});
#else
  auto built = apidecl::build(put_gadget{}, buffer, apidecl::serializer_set{gadget_serializer{}},
                              apidecl::body = widget{3});
#endif
  return built ? 0 : 1;
}
