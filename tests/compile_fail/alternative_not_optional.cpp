// An alternative of `exactly_one_of` must be an optional parameter of the endpoint: a required
// one could never be left out. The error names the endpoint and the parameter.
// expect: exactly_one_of_names_no_optional_parameter
// expect: user
#include "log_in.hpp"

#include <apidecl/core/build.hpp>

#include <array>
#include <string_view>

struct log_in {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/login";
  using params = apidecl::params<user, key>;
#ifdef APIDECL_TWIN
  using exactly_one_of = apidecl::params<key>;
#else
  using exactly_one_of = apidecl::params<user, key>;
#endif
  using responses = apidecl::responses<apidecl::on<204>>;
};

int main() {
  std::array<char, 128> buffer;
  auto built = apidecl::build(log_in{}, buffer, user_arg = "ann", key_arg = "k1");
  return built ? 0 : 1;
}
