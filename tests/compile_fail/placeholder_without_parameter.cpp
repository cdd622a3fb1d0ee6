// A {placeholder} in the path without a path parameter of that name does not compile; the error
// spells the placeholder out.
// expect: path_placeholder_has_no_path_parameter
// expect: get_widget
// expect: chars<'w', 'i', 'd'
#include <apidecl/core/build.hpp>

#include <array>

struct widget_id : apidecl::path_param<std::string_view> {
  static constexpr std::string_view name = "widget_id";
};
struct get_widget {
  static constexpr apidecl::method method = apidecl::method::get;
#ifdef APIDECL_TWIN
  static constexpr std::string_view path = "/v2/widgets/{widget_id}";
#else
  static constexpr std::string_view path = "/v2/widgets/{wid}";
#endif
  using params = apidecl::params<widget_id>;
  using responses = apidecl::responses<apidecl::on<204>>;
};
inline constexpr apidecl::keyword<widget_id> widget_id_arg{};

int main() {
  std::array<char, 64> buffer;
  auto built = apidecl::build(get_widget{}, buffer, widget_id_arg = "7");
  return built ? 0 : 1;
}
