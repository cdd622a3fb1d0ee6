// An Endpoint must list its documented outcomes as apidecl::responses; a bare status does not
// compile, and the one error says how to write them.
// expect: endpoint_lacks_responses<ping>
// expect: apidecl: an Endpoint needs 'using responses = apidecl::responses<apidecl::on<...>, ...>
#include <apidecl/core/build.hpp>

#include <array>
#include <string_view>

struct ping {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/ping";
#ifdef APIDECL_TWIN
  using responses = apidecl::responses<apidecl::on<204>>;
#else
  using responses = apidecl::on<204>;
#endif
};

int main() {
  std::array<char, 64> buffer;
  auto built = apidecl::build(ping{}, buffer);
  return built ? 0 : 1;
}
