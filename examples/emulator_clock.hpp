// For the workflow examples (10, 11), whose services take minutes: against the real service they
// sleep; against the local emulator, where no time passes by itself, they move its clock on
// through its control API, which the real service does not have.
#ifndef APIDECL_EXAMPLES_EMULATOR_CLOCK_HPP
#define APIDECL_EXAMPLES_EMULATOR_CLOCK_HPP

#include <apidecl/core/request.hpp>
#include <apidecl/transport/curl.hpp>

#include <chrono>
#include <string>
#include <thread>

namespace examples {

/// Whether the base URL is the local emulator (scripts/with-emulator starts it on the loopback).
inline bool on_emulator(std::string const& base_url) { return base_url.rfind("http://127.0.0.1:", 0) == 0; }

/// Waits `seconds`: for real, or by moving the emulator's clock.
inline bool wait(apidecl::curl_transport& http, bool emulator, int seconds) {
  if (!emulator) {
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    return true;
  }
  std::string const target = "/_emulator/clock/advance?seconds=" + std::to_string(seconds);
  auto const moved = http.send(apidecl::request(apidecl::method::post, target, {}, {}));
  return moved && moved->status == 200;
}

}  // namespace examples

#endif
