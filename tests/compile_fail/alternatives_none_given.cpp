// An endpoint that takes exactly one of a password or a key refuses a call giving neither; the
// error names the endpoint and its alternatives.
// expect: call_gives_none_of_its_alternatives
// expect: log_in
// expect: give one
#include "log_in_parameters.hpp"

#include <apidecl/core/build.hpp>

#include <array>
#include <string_view>

struct log_in {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/login";
  using params = apidecl::params<user, password, key>;
  using exactly_one_of = apidecl::params<password, key>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

int main() {
  std::array<char, 128> buffer;
#ifdef APIDECL_TWIN
  auto built = apidecl::build(log_in{}, buffer, user_arg = "ann", key_arg = "k1");
#else
  auto built = apidecl::build(log_in{}, buffer, user_arg = "ann");
#endif
  return built ? 0 : 1;
}
