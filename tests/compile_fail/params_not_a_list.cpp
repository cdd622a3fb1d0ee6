// An Endpoint's params must be apidecl::params<...>; another list type does not compile.
// expect: endpoint_params_are_not_a_list<list_widgets>
// expect: apidecl: an Endpoint's 'params' must be apidecl::params<...>
#include <apidecl/core/build.hpp>

#include <array>
#include <string_view>
#include <tuple>

struct page : apidecl::query<int, apidecl::optional> {
  static constexpr std::string_view name = "page";
};
struct list_widgets {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets";
#ifdef APIDECL_TWIN
  using params = apidecl::params<page>;
#else
  using params = std::tuple<page>;
#endif
  using responses = apidecl::responses<apidecl::on<204>>;
};

int main() {
  std::array<char, 64> buffer;
  auto built = apidecl::build(list_widgets{}, buffer);
  return built ? 0 : 1;
}
