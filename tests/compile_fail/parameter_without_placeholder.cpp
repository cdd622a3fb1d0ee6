// A path parameter that no {placeholder} of the path uses does not compile.
// expect: path_parameter_has_no_placeholder
// expect: widget_id
#include <apidecl/core/build.hpp>

#include <array>

struct widget_id : apidecl::path_param<std::string_view> {
  static constexpr std::string_view name = "widget_id";
};
struct list_widgets {
  static constexpr apidecl::method method = apidecl::method::get;
#ifdef APIDECL_TWIN
  static constexpr std::string_view path = "/v2/widgets/{widget_id}";
#else
  static constexpr std::string_view path = "/v2/widgets";
#endif
  using params = apidecl::params<widget_id>;
  using responses = apidecl::responses<apidecl::on<204>>;
};
inline constexpr apidecl::keyword<widget_id> widget_id_arg{};

int main() {
  std::array<char, 64> buffer;
  auto built = apidecl::build(list_widgets{}, buffer, widget_id_arg = "7");
  return built ? 0 : 1;
}
