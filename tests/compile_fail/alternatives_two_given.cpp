// An endpoint that takes exactly one of a password or a key refuses a call giving both; the
// error names the endpoint and the two given.
// expect: call_gives_two_alternatives
// expect: log_in_with_password_or_key
// expect: password, key
// expect: drop one
#include "log_in.hpp"

#include <apidecl/core/build.hpp>

#include <array>

int main() {
  std::array<char, 128> buffer;
#ifdef APIDECL_TWIN
  auto built = apidecl::build(log_in_with_password_or_key{}, buffer, user_arg = "ann", key_arg = "k1");
#else
  auto built = apidecl::build(log_in_with_password_or_key{}, buffer, password_arg = "p1", user_arg = "ann", key_arg = "k1");
#endif
  return built ? 0 : 1;
}
