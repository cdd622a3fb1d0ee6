// A fixed parameter is always sent by the library; the caller may not give it.
// expect: fixed_parameter_is_not_for_the_caller
// expect: version
#include <apidecl/core/build.hpp>

#include <array>

struct version : apidecl::query<std::string_view, apidecl::fixed> {
  static constexpr std::string_view name = "v";
  static constexpr std::string_view value = "1";
};
struct ping {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/ping";
  using params = apidecl::params<version>;
  using responses = apidecl::responses<apidecl::on<204>>;
};
inline constexpr apidecl::keyword<version> version_arg{};

int main() {
  std::array<char, 64> buffer;
#ifdef APIDECL_TWIN
  auto built = apidecl::build(ping{}, buffer);
#else
  auto built = apidecl::build(ping{}, buffer, version_arg = "2");
#endif
  return built ? 0 : 1;
}
