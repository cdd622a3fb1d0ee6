// cielo24 API v1: the job authorize and delete endpoints over an in-memory set of jobs.
#ifndef APIDECL_EMULATOR_CIELO24_HPP
#define APIDECL_EMULATOR_CIELO24_HPP

#include "messages.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace emulator {

/// Answers `/api/job/authorize` and `/api/job/delete` like the real service: query parameters in,
/// 204 or JSON out, every error a 400 with `{"ErrorType": ..., "ErrorComment": ...}`.
class cielo24_service {
 public:
  cielo24_service();

  /// Whether `path` is one of the endpoints this service answers.
  static bool serves(std::string_view path);

  /// Answers a request whose path this service serves.
  response handle(const request& message);

  /// Back to the start state: the four known jobs and no tasks created.
  void reset();

  /// The status of a job ("Authorizing", "Pending", ...), or nothing once it is deleted or if it never
  /// existed.
  std::optional<std::string> job_status(std::string_view job_id) const;

 private:
  using job_map = std::map<std::string, std::string, std::less<>>;

  response authorize(job_map::iterator job);
  response remove(job_map::iterator job);

  job_map jobs_;
  std::uint64_t tasks_created_ = 0;
};

}  // namespace emulator

#endif
