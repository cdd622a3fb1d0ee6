// Two parameters with the same name do not compile.
// expect: endpoint_declares_a_parameter_name_twice
// expect: page_again
#include <apidecl/core/build.hpp>

#include <array>

struct page : apidecl::query<int, apidecl::optional> {
  static constexpr std::string_view name = "page";
};
struct page_again : apidecl::query<int, apidecl::optional> {
#ifdef APIDECL_TWIN
  static constexpr std::string_view name = "page_size";
#else
  static constexpr std::string_view name = "page";
#endif
};
struct list_widgets {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets";
  using params = apidecl::params<page, page_again>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

int main() {
  std::array<char, 64> buffer;
  auto built = apidecl::build(list_widgets{}, buffer);
  return built ? 0 : 1;
}
