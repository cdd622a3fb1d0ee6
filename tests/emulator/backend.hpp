// What the emulator knows and how it answers: the two services, the installed faults, the traffic
// counters, and the control API tests use to steer them.
#ifndef APIDECL_EMULATOR_BACKEND_HPP
#define APIDECL_EMULATOR_BACKEND_HPP

#include "cielo24.hpp"
#include "clock.hpp"
#include "faults.hpp"
#include "messages.hpp"
#include "ondemand.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
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

  backend();
  ~backend();
  backend(const backend&) = delete;
  backend& operator=(const backend&) = delete;

  /// Where the server is to stream the body of a request with this head, read so far up to its
  /// header; nothing for a request whose body is read into memory (the common case).
  std::optional<std::filesystem::path> upload_destination(const request& head);

  /// The answer to a request. `upload` is the file its body was streamed to (upload_destination), if
  /// it was; the backend keeps it or removes it.
  reply respond(const request& message, connection_record& connection,
                const std::filesystem::path* upload = nullptr);

 private:
  reply control(const request& message, std::string_view route);
  response serve(const request& message, std::string_view path, const std::filesystem::path* upload);
  void count(connection_record& connection);
  void note_repeat(const request& message, std::string_view path);
  void reset();

  // Uploaded media lives here until its job is deleted or the emulator resets or exits.
  std::filesystem::path media_directory_;
  emulator_clock clock_;
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
