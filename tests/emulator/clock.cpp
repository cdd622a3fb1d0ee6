#include "clock.hpp"

#include <ctime>

namespace emulator {

// 2024-01-01T00:00:00 is the emulator's time zero: answers stay the same from run to run.
std::string emulator_clock::date(std::int64_t at) {
  constexpr std::time_t start = 1704067200;
  std::time_t const moment = start + static_cast<std::time_t>(at);
  std::tm parts{};
  gmtime_r(&moment, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &parts);
  return text;
}

}  // namespace emulator
