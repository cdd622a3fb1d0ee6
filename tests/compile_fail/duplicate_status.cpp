// A status code listed twice does not compile.
// expect: status_code_is_listed_twice
// expect: on<204
#include <apidecl/core/build.hpp>

#include <array>

struct ping {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/ping";
#ifdef APIDECL_TWIN
  using responses = apidecl::responses<apidecl::on<200>, apidecl::on<204>>;
#else
  using responses = apidecl::responses<apidecl::on<204>, apidecl::on<200>, apidecl::on<204>>;
#endif
};

int main() {
  std::array<char, 64> buffer;
  auto built = apidecl::build(ping{}, buffer);
  return built ? 0 : 1;
}
