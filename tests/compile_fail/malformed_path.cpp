// A path with an empty {} placeholder does not compile; the one error says what a path may hold.
// expect: endpoint_path_template_is_malformed<get_widget>
// expect: apidecl: the path must start with '/' and each {placeholder} must be a non-empty name
#include <apidecl/core/build.hpp>

#include <array>
#include <string_view>

struct widget_id : apidecl::path_param<std::string_view> {
  static constexpr std::string_view name = "widget_id";
};
struct get_widget {
  static constexpr apidecl::method method = apidecl::method::get;
#ifdef APIDECL_TWIN
  static constexpr std::string_view path = "/v2/widgets/{widget_id}";
#else
  static constexpr std::string_view path = "/v2/widgets/{}";
#endif
  using params = apidecl::params<widget_id>;
  using responses = apidecl::responses<apidecl::on<204>>;
};
inline constexpr apidecl::keyword<widget_id> id{};

int main() {
  std::array<char, 64> buffer;
  auto built = apidecl::build(get_widget{}, buffer, id = "w1");
  return built ? 0 : 1;
}
