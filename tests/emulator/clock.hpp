// The emulator's clock: seconds that pass only when a test says so, so that jobs move through their
// statuses and tokens expire without anybody sleeping.
#ifndef APIDECL_EMULATOR_CLOCK_HPP
#define APIDECL_EMULATOR_CLOCK_HPP

#include <cstdint>
#include <string>

namespace emulator {

class emulator_clock {
 public:
  /// Seconds since the start or the last reset.
  std::int64_t now() const noexcept { return seconds_; }
  void advance(std::int64_t seconds) noexcept { seconds_ += seconds; }
  void reset() noexcept { seconds_ = 0; }

  /// The emulator time `at` (seconds) as cielo24 writes dates: ISO 8601 without an offset, counted
  /// from a fixed start so that answers are the same from run to run.
  static std::string date(std::int64_t at);

 private:
  std::int64_t seconds_ = 0;
};

}  // namespace emulator

#endif
