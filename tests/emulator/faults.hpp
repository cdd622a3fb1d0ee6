// Fault injection: the faults tests install through the control API, which requests each one takes,
// and what it does to them.
#ifndef APIDECL_EMULATOR_FAULTS_HPP
#define APIDECL_EMULATOR_FAULTS_HPP

#include "messages.hpp"
#include "query.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace emulator {

enum class fault_kind {
  delay,         ///< answer normally after `fault::delay`
  status,        ///< answer `fault::status` with an empty body, and Retry-After if given
  close_before,  ///< close the connection without answering; the request is not served
  close_during,  ///< send the head and half the body of the real answer, then close
  truncate,      ///< send the real answer with half its body, Content-Length matching
  malformed,     ///< replace the body by a broken one of the same media type
  huge,          ///< answer 200 with a body of `fault::body_size` bytes
};

/// A fault as installed: which requests it takes and what it does to them.
struct fault {
  std::string path;  ///< the request path it takes (without query), or "*" for every one
  fault_kind kind = fault_kind::delay;
  std::uint64_t count = 1;  ///< how many requests it takes before it is spent; 0 for no limit
  std::uint64_t skip = 0;   ///< how many requests for its path it lets through first
  std::chrono::milliseconds delay{};
  http::status status = http::status::ok;
  std::string retry_after;  ///< sent verbatim, when not empty
  std::size_t body_size = 0;
};

/// Reads a fault from the query of `POST /_emulator/fault`. Throws std::invalid_argument saying what
/// is wrong: a missing or non-numeric parameter, an unknown kind, a parameter the kind does not take.
fault parse_fault(const parameters& query);

/// The installed faults, asked in installation order.
class fault_table {
 public:
  void install(fault new_fault);

  /// The fault that takes a request for `path`, if any. A fault that is still skipping counts the
  /// request as skipped and lets it through to the next fault; a fault is removed once spent.
  std::optional<fault> take(std::string_view path);

  void clear();

 private:
  struct installed {
    fault spec;
    std::uint64_t skipped = 0;
    std::uint64_t taken = 0;
  };
  std::vector<installed> faults_;
};

/// The reply to a request that `taken` took. `serve` gives the real answer, for the faults that send it
/// (altered or not); `media_type` is what the path's service answers with, for the faults that make up
/// a body.
reply apply_fault(const fault& taken, const std::function<response()>& serve, std::string_view media_type);

}  // namespace emulator

#endif
