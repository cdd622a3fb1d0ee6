// A status code outside 100-599 does not compile.
// expect: status_code_is_out_of_range
// expect: on<600
#include <apidecl/core/build.hpp>

#include <array>

struct ping {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/ping";
#ifdef APIDECL_TWIN
  using responses = apidecl::responses<apidecl::on<599>>;
#else
  using responses = apidecl::responses<apidecl::on<600>>;
#endif
};

int main() {
  std::array<char, 64> buffer;
  auto built = apidecl::build(ping{}, buffer);
  return built ? 0 : 1;
}
