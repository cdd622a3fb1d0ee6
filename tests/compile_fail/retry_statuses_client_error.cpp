// retry_statuses cannot list a 4xx other than 408, 425 or 429: the same request would get the
// same answer.
// expect: status_is_never_retried<apidecl::retry_statuses_layer<503, 404>, 404>
// expect: apidecl: a retryable status must be 408, 425, 429 or 5xx
#include <apidecl/retry/fixed_delay.hpp>
#include <apidecl/retry/layer.hpp>
#include <apidecl/retry/retry_statuses.hpp>

#include <chrono>

int main() {
#ifdef APIDECL_TWIN
  auto policy = apidecl::fixed_delay{std::chrono::seconds(1), 3} | apidecl::retry_statuses<503, 429>();
#else
  auto policy = apidecl::fixed_delay{std::chrono::seconds(1), 3} | apidecl::retry_statuses<503, 404>();
#endif
  return policy.decide(apidecl::attempt{}).should_retry() ? 0 : 1;
}
