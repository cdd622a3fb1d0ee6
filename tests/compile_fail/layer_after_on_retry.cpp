// on_retry must be the last layer: a layer after it could stop a retry the hook already reported.
// expect: layer_after_the_last_layer
// expect: apidecl: no layer may follow on_retry
#include <apidecl/retry/fixed_delay.hpp>
#include <apidecl/retry/layer.hpp>
#include <apidecl/retry/on_retry.hpp>
#include <apidecl/retry/with_deadline.hpp>

#include <chrono>

int main() {
  int retries = 0;
  auto const count = [&retries](apidecl::attempt const&, apidecl::retry_decision const&) { ++retries; };
#ifdef APIDECL_TWIN
  auto policy = apidecl::fixed_delay{std::chrono::seconds(1), 3} | apidecl::with_deadline(std::chrono::seconds(30)) |
                apidecl::on_retry(count);
#else
  auto policy = apidecl::fixed_delay{std::chrono::seconds(1), 3} | apidecl::on_retry(count) |
                apidecl::with_deadline(std::chrono::seconds(30));
#endif
  return policy.decide(apidecl::attempt{}).should_retry() ? retries : 1;
}
