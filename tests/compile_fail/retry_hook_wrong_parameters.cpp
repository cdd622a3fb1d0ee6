// An on_retry hook is called with the attempt and the decision: a hook that takes something else
// does not compile, and the one error says how it is called.
// expect: retry_hook_has_wrong_parameters
// expect: apidecl: an on_retry hook must be callable as hook(apidecl::attempt const&, apidecl::retry_decision const&)
#include <apidecl/retry/fixed_delay.hpp>
#include <apidecl/retry/layer.hpp>
#include <apidecl/retry/on_retry.hpp>

#include <chrono>

int main() {
  int retries = 0;
#ifdef APIDECL_TWIN
  auto const count = [&retries](apidecl::attempt const&, apidecl::retry_decision const&) { ++retries; };
#else
  auto const count = [&retries](int number) { retries = number; };
#endif
  auto policy = apidecl::fixed_delay{std::chrono::seconds(1), 3} | apidecl::on_retry(count);
  return policy.decide(apidecl::attempt{}).should_retry() ? retries : 1;
}
