// An Endpoint that does not say its path does not compile; the one error says what to declare.
// expect: endpoint_lacks_path<ping>
// expect: apidecl: an Endpoint needs 'static constexpr std::string_view path =
#include <apidecl/core/build.hpp>

#include <array>
#include <string_view>

struct ping {
  static constexpr apidecl::method method = apidecl::method::get;
#ifdef APIDECL_TWIN
  static constexpr std::string_view path = "/ping";
#else
  static constexpr int path = 1;  // not text
#endif
  using responses = apidecl::responses<apidecl::on<204>>;
};

int main() {
  std::array<char, 64> buffer;
  auto built = apidecl::build(ping{}, buffer);
  return built ? 0 : 1;
}
