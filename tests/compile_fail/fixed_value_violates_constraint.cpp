// A fixed parameter's value must meet the parameter's own constraint; one that does not is a
// mistake in the descriptor, caught when it compiles.
// expect: fixed_value_violates_its_constraint<get_report, format>
// expect: apidecl: a fixed parameter's value violates its own constraint
#include <apidecl/core/build.hpp>

#include <array>
#include <string_view>

struct formats {
  static constexpr std::string_view values[] = {"json", "xml"};
};
struct format : apidecl::query<std::string_view, apidecl::fixed, apidecl::one_of<formats>> {
  static constexpr std::string_view name = "format";
#ifdef APIDECL_TWIN
  static constexpr std::string_view value = "json";
#else
  static constexpr std::string_view value = "yaml";
#endif
};
struct get_report {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/report";
  using params = apidecl::params<format>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

int main() {
  std::array<char, 64> buffer;
  auto built = apidecl::build(get_report{}, buffer);
  return built ? 0 : 1;
}
