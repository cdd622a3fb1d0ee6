// A defaulted parameter is sent with its default when the caller leaves it out, so it must
// declare one.
// expect: defaulted_parameter_lacks_its_default<list_widgets, page_size>
// expect: apidecl: a defaulted parameter needs 'static constexpr <value type> default_value = ...
#include <apidecl/core/build.hpp>

#include <array>
#include <string_view>

struct page_size : apidecl::query<int, apidecl::defaulted> {
  static constexpr std::string_view name = "page_size";
#ifdef APIDECL_TWIN
  static constexpr int default_value = 50;
#endif
};
struct list_widgets {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets";
  using params = apidecl::params<page_size>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

int main() {
  std::array<char, 64> buffer;
  auto built = apidecl::build(list_widgets{}, buffer);
  return built ? 0 : 1;
}
