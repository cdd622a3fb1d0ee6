// An Endpoint that does not say its method does not compile; the one error says what to declare.
// expect: endpoint_lacks_method<ping>
// expect: apidecl: an Endpoint needs 'static constexpr apidecl::method method = ...
#include <apidecl/core/build.hpp>

#include <array>
#include <string_view>

struct ping {
#ifdef APIDECL_TWIN
  static constexpr apidecl::method method = apidecl::method::get;
#endif
  static constexpr std::string_view path = "/ping";
  using responses = apidecl::responses<apidecl::on<204>>;
};

int main() {
  std::array<char, 64> buffer;
  auto built = apidecl::build(ping{}, buffer);
  return built ? 0 : 1;
}
