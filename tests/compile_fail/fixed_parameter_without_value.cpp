// A fixed parameter is sent with its declared value, so it must declare one.
// expect: fixed_parameter_lacks_its_value<ping, version>
// expect: apidecl: a fixed parameter needs 'static constexpr std::string_view value =
#include <apidecl/core/build.hpp>

#include <array>
#include <string_view>

struct version : apidecl::query<std::string_view, apidecl::fixed> {
  static constexpr std::string_view name = "v";
#ifdef APIDECL_TWIN
  static constexpr std::string_view value = "1";
#endif
};
struct ping {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/ping";
  using params = apidecl::params<version>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

int main() {
  std::array<char, 64> buffer;
  auto built = apidecl::build(ping{}, buffer);
  return built ? 0 : 1;
}
