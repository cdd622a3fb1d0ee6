#ifndef APIDECL_RETRY_NO_RETRY_HPP
#define APIDECL_RETRY_NO_RETRY_HPP

#include <apidecl/retry/attempt.hpp>
#include <apidecl/retry/retry_decision.hpp>

namespace apidecl {

/// The Retry policy a client has unless given another: every call makes one attempt.
struct no_retry {
  constexpr retry_decision decide(attempt const&) const noexcept { return retry_decision::stop("retries are off"); }
};

}  // namespace apidecl

#endif
