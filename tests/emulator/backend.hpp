// What the emulator knows and how it answers: the two services, the installed faults, the traffic
// counters, and the control API tests use to steer them.
#ifndef APIDECL_EMULATOR_BACKEND_HPP
#define APIDECL_EMULATOR_BACKEND_HPP

#include "cielo24.hpp"
#include "faults.hpp"
#include "messages.hpp"
#include "ondemand.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

namespace emulator {

/// Answers every request the server reads. Not thread-safe: the server calls it from one thread.
class backend {
 public:
  /// What a connection carries along so that the counters count it once per reset.
  struct connection_record {
    std::uint64_t counted_in_generation = 0;
  };

  reply respond(const request& message, connection_record& connection);

 private:
  reply control(const request& message, std::string_view route);
  response serve(const request& message, std::string_view path);
  void count(connection_record& connection);
  void note_repeat(const request& message, std::string_view path);
  void reset();

  cielo24_service cielo24_;
  ondemand_service ondemand_;
  fault_table faults_;
  // Bumped by every reset, so that connections counted before it are counted again on their next use.
  std::uint64_t generation_ = 1;
  std::uint64_t connections_ = 0;
  std::uint64_t requests_ = 0;
  // Requests to the endpoints that are not idempotent, by method and target, to count repeats.
  std::unordered_set<std::string> not_idempotent_seen_;
  std::uint64_t repeated_ = 0;
};

}  // namespace emulator

#endif
