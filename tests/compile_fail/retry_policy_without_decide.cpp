// A Retry policy without decide(attempt const&) does not compile, and the error says what to add.
// expect: retry_policy_lacks_decide
// expect: apidecl: a Retry policy must provide 'apidecl::retry_decision decide(apidecl::attempt const&)'
#include <apidecl/retry/layer.hpp>
#include <apidecl/retry/retry_policy.hpp>
#include <apidecl/retry/with_deadline.hpp>

#include <chrono>

struct retry_twice {
#ifdef APIDECL_TWIN
  apidecl::retry_decision decide(apidecl::attempt const& a) const {
#else
  apidecl::retry_decision should_retry(apidecl::attempt const& a) const {
#endif
    if (a.number < 2) return apidecl::retry_decision::retry_after(std::chrono::seconds(1), "once more");
    return apidecl::retry_decision::stop("twice is enough");
  }
};

int main() {
  auto policy = retry_twice{} | apidecl::with_deadline(std::chrono::seconds(30));
  return policy.decide(apidecl::attempt{}).should_retry() ? 0 : 1;
}
