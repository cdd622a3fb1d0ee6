// Each entry of responses must be apidecl::on<Code, Body, Media>: a body type listed on its own
// does not compile; the error names it.
// expect: endpoint_lists_a_non_response<get_widget, not_found>
// expect: apidecl: each entry of an Endpoint's responses must be apidecl::on<Code, Body, Media>
#include <apidecl/core/build.hpp>

#include <array>
#include <string_view>

struct not_found {};
struct get_widget {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets/1";
#ifdef APIDECL_TWIN
  using responses = apidecl::responses<apidecl::on<204>, apidecl::on<404>>;
#else
  using responses = apidecl::responses<apidecl::on<204>, not_found>;
#endif
};

int main() {
  std::array<char, 64> buffer;
  auto built = apidecl::build(get_widget{}, buffer);
  return built ? 0 : 1;
}
