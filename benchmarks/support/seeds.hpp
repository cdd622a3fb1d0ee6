// The inputs every benchmark gives both sides: the seed endpoints' arguments and the response
// bodies the services document, so the apidecl side and the hand-written one do the same work.
#ifndef APIDECL_BENCHMARKS_SEEDS_HPP
#define APIDECL_BENCHMARKS_SEEDS_HPP

#include "../../tests/support/ondemand_seed.hpp"

#include <string_view>

namespace seeds {

/// The emulator's token, and a job it keeps in Authorizing until it is authorized.
constexpr std::string_view api_token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr std::string_view job_id = "64bea283eff6475ea6596027a6ba0929";
/// A job the emulator holds In Process: deleting it is refused with a 400, and changes nothing.
constexpr std::string_view started_job_id = "22222222222222222222222222222222";
/// The quote of the onDemand seed's request example, which the emulator authorizes with a 202.
constexpr std::string_view quote_id = "795";

/// Delete Job's 200 body and cielo24's 400 error body.
constexpr std::string_view task_body = R"({"TaskId":"00000000000000000000000000000001"})";
constexpr std::string_view error_body =
    R"({"ErrorType":"INVALID_QUERY","ErrorComment":"Job 22222222222222222222222222222222 has started )"
    R"(processing (status In Process) and cannot be deleted"})";
/// Authorize Quote's 202 body.
constexpr std::string_view quote_authorization_body = ondemand_seed::no_payment_required;

}  // namespace seeds

#endif
