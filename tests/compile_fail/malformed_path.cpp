// A path that does not start with '/' does not compile; the one error says what a path may hold.
// expect: endpoint_path_template_is_malformed<list_widgets>
// expect: apidecl: the path must start with '/' and each {placeholder} must be a non-empty name
#include <apidecl/core/build.hpp>

#include <array>
#include <string_view>

struct list_widgets {
  static constexpr apidecl::method method = apidecl::method::get;
#ifdef APIDECL_TWIN
  static constexpr std::string_view path = "/v2/widgets";
#else
  static constexpr std::string_view path = "v2/widgets";
#endif
  using responses = apidecl::responses<apidecl::on<204>>;
};

int main() {
  std::array<char, 64> buffer;
  auto built = apidecl::build(list_widgets{}, buffer);
  return built ? 0 : 1;
}
