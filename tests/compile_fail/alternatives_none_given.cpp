// An endpoint that takes exactly one of a password or a key refuses a call giving neither; the
// error names the endpoint and its alternatives.
// expect: call_gives_none_of_its_alternatives
// expect: log_in_with_password_or_key
// expect: give one
#include "log_in.hpp"

#include <apidecl/core/build.hpp>

#include <array>

int main() {
  std::array<char, 128> buffer;
#ifdef APIDECL_TWIN
  auto built = apidecl::build(log_in_with_password_or_key{}, buffer, user_arg = "ann", key_arg = "k1");
#else
  auto built = apidecl::build(log_in_with_password_or_key{}, buffer, user_arg = "ann");
#endif
  return built ? 0 : 1;
}
