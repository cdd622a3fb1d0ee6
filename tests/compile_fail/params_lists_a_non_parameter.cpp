// Each entry of params must be a parameter: a struct that only has a name, deriving from none
// of apidecl::path_param, query or header, does not compile; the error names it.
// expect: endpoint_lists_a_non_parameter<list_widgets, page>
// expect: apidecl: each entry of an Endpoint's params must derive from apidecl::path_param, apidecl::query or apidecl::header
#include <apidecl/core/build.hpp>

#include <array>
#include <string_view>

#ifdef APIDECL_TWIN
struct page : apidecl::query<int, apidecl::optional> {
#else
struct page {
#endif
  static constexpr std::string_view name = "page";
};
struct list_widgets {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets";
  using params = apidecl::params<page>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

int main() {
  std::array<char, 64> buffer;
  auto built = apidecl::build(list_widgets{}, buffer);
  return built ? 0 : 1;
}
