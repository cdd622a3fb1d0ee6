// Passing a parameter the endpoint does not declare does not compile.
// expect: endpoint_has_no_such_parameter
// expect: authorize_job
// expect: fidelity
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/core/build.hpp>

#include <array>

namespace c24 = apidecl::cielo24;

struct fidelity : apidecl::query<std::string_view> {
  static constexpr std::string_view name = "fidelity";
};
inline constexpr apidecl::keyword<fidelity> fidelity_arg{};

int main() {
  std::array<char, 256> buffer;
#ifdef APIDECL_TWIN
  auto built = apidecl::build(c24::authorize_job, buffer, c24::api_token = "7ca5", c24::job_id = "64be");
#else
  auto built = apidecl::build(c24::authorize_job, buffer, c24::api_token = "7ca5", c24::job_id = "64be",
                              fidelity_arg = "PREMIUM");
#endif
  return built ? 0 : 1;
}
