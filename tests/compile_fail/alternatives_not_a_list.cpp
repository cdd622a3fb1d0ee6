// An Endpoint's exactly_one_of must be apidecl::params<...>; another list type does not compile.
// expect: exactly_one_of_is_not_a_parameter_list<log_in>
// expect: apidecl: an Endpoint's 'exactly_one_of' must be apidecl::params<...>
#include "log_in.hpp"

#include <apidecl/core/build.hpp>

#include <array>
#include <string_view>
#include <tuple>

struct log_in {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/login";
  using params = apidecl::params<password, key>;
#ifdef APIDECL_TWIN
  using exactly_one_of = apidecl::params<password, key>;
#else
  using exactly_one_of = std::tuple<password, key>;
#endif
  using responses = apidecl::responses<apidecl::on<204>>;
};

int main() {
  std::array<char, 64> buffer;
  auto built = apidecl::build(log_in{}, buffer, key_arg = "k1");
  return built ? 0 : 1;
}
