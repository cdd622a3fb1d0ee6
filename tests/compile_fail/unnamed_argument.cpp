// Arguments are named: a bare value does not compile.
// expect: argument_is_not_named
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/core/build.hpp>

#include <array>

namespace c24 = apidecl::cielo24;

int main() {
  std::array<char, 256> buffer;
#ifdef APIDECL_TWIN
  auto built = apidecl::build(c24::delete_job, buffer, c24::api_token = "7ca5", c24::job_id = "64be");
#else
  auto built = apidecl::build(c24::delete_job, buffer, c24::api_token = "7ca5", "64be");
#endif
  return built ? 0 : 1;
}
