// Retry-After and HTTP-date (types/retry_after.hpp) over any text: the first line is a Retry-After
// value, the rest a Date. Invariants: the text-value law; delay-seconds read as their number, capped
// at longest_retry_after; an HTTP-date's instant formats back to the same instant; the wait a
// response asks for is within 0 and longest_retry_after, and a delay is waited as it is.
#include "check.hpp"
#include "text_value_laws.hpp"

#include <apidecl/core/header_list.hpp>
#include <apidecl/types/retry_after.hpp>
#include <apidecl/types/timestamp.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace {

struct fixed_utc_clock {
  apidecl::utc_timestamp now() const { return *apidecl::utc_timestamp::from_unix_time(1400000000); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view const text(reinterpret_cast<char const*>(data), size);
  std::size_t const line_end = text.find('\n');
  std::string_view const value = text.substr(0, line_end);
  std::string_view const date = line_end == std::string_view::npos ? std::string_view() : text.substr(line_end + 1);

  std::optional<apidecl::retry_after_value> const asked = fuzz::parsed_lawfully<apidecl::retry_after_value>(value);
  if (std::optional<std::chrono::seconds> const seconds = apidecl::parse_delay_seconds(value)) {
    APIDECL_FUZZ_CHECK(*seconds >= std::chrono::seconds(0) && *seconds <= apidecl::longest_retry_after);
    APIDECL_FUZZ_CHECK(asked && asked->delay() == seconds);
    if (value.size() < 10) APIDECL_FUZZ_CHECK(seconds->count() == std::stoll(std::string(value)));
  }
  if (asked && asked->date()) APIDECL_FUZZ_CHECK(apidecl::parse_http_date(value) == asked->date());
  if (std::optional<std::chrono::seconds> const instant = apidecl::parse_http_date(date)) {
    std::optional<apidecl::retry_after_value> const same =
        fuzz::parsed_lawfully<apidecl::retry_after_value>(fuzz::formatted(apidecl::retry_after_value::at(*instant)));
    APIDECL_FUZZ_CHECK(same && same->date() == instant);
  }

  std::string const headers = "Retry-After: " + std::string(value) + "\r\nDate: " + std::string(date) + "\r\n";
  std::optional<std::chrono::seconds> const wait =
      apidecl::requested_retry_delay(apidecl::header_list(headers), fixed_utc_clock{});
  if (wait) {
    APIDECL_FUZZ_CHECK(*wait >= std::chrono::seconds(0) && *wait <= apidecl::longest_retry_after);
    if (asked && asked->delay()) APIDECL_FUZZ_CHECK(wait == asked->delay());
  }
  return 0;
}
