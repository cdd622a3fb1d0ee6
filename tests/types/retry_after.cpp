// Reading Retry-After: delay-seconds, the three forms of HTTP-date, measured from the response's
// Date or the wall clock, and every kind of bad value ignored or bounded, never overflowing.
#include <catch2/catch.hpp>

#include <apidecl/core/header_list.hpp>
#include <apidecl/types/retry_after.hpp>

#include <chrono>
#include <optional>
#include <string_view>

using namespace std::chrono_literals;
using std::chrono::seconds;

namespace {

constexpr seconds nov_6_1994_08_49_37{784111777};

// A UTC clock that tells a fixed time and counts how often it is read.
struct fixed_utc_clock {
  seconds at;
  int* reads;
  apidecl::utc_timestamp now() const {
    ++*reads;
    return *apidecl::utc_timestamp::from_unix_time(at.count());
  }
};

std::optional<seconds> requested(std::string_view headers, seconds wall_clock_now = nov_6_1994_08_49_37) {
  int reads = 0;
  return apidecl::requested_retry_delay(apidecl::header_list(headers), fixed_utc_clock{wall_clock_now, &reads});
}

}  // namespace

TEST_CASE("delay-seconds are read as seconds", "[types][retry_after]") {
  STATIC_REQUIRE(apidecl::parse_delay_seconds("120") == seconds(120));
  CHECK(apidecl::parse_delay_seconds("0") == seconds(0));
  CHECK(apidecl::parse_delay_seconds("007") == seconds(7));
  CHECK(apidecl::parse_delay_seconds("2147483647") == seconds(2147483647));
}

TEST_CASE("delay-seconds with a sign, a fraction, a unit, spaces or nothing are not delay-seconds",
          "[types][retry_after]") {
  for (std::string_view bad : {"", "-5", "+5", "1.5", "5s", "1e3", " 5", "5 ", "0x10", "five", "5, 6"})
    CHECK_FALSE(apidecl::parse_delay_seconds(bad));
}

TEST_CASE("delay-seconds too large to hold are read as 2^31 seconds, without overflow", "[types][retry_after]") {
  CHECK(apidecl::parse_delay_seconds("2147483648") == apidecl::longest_retry_after);
  CHECK(apidecl::parse_delay_seconds("2147483649") == apidecl::longest_retry_after);
  CHECK(apidecl::parse_delay_seconds("9223372036854775808") == apidecl::longest_retry_after);
  CHECK(apidecl::parse_delay_seconds("99999999999999999999999999999999999999") == apidecl::longest_retry_after);
}

TEST_CASE("an IMF-fixdate is read as the instant it names", "[types][retry_after]") {
  STATIC_REQUIRE(apidecl::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT") == nov_6_1994_08_49_37);
  CHECK(apidecl::parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT") == seconds(0));
  CHECK(apidecl::parse_http_date("Thu, 29 Feb 2024 12:00:00 GMT") == seconds(1709208000));
  CHECK(apidecl::parse_http_date("Fri, 31 Dec 9999 23:59:59 GMT") == seconds(253402300799));
  CHECK(apidecl::parse_http_date("Wed, 31 Dec 1969 23:59:59 GMT") == seconds(-1));
}

TEST_CASE("the obsolete RFC 850 and asctime dates are read too", "[types][retry_after]") {
  CHECK(apidecl::parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT") == nov_6_1994_08_49_37);
  CHECK(apidecl::parse_http_date("Sun Nov  6 08:49:37 1994") == nov_6_1994_08_49_37);
  CHECK(apidecl::parse_http_date("Thu Feb 29 12:00:00 2024") == seconds(1709208000));
  CHECK(apidecl::parse_http_date("Thursday, 29-Feb-24 12:00:00 GMT") == seconds(1709208000));
}

TEST_CASE("a leap second is read as the first second of the next minute", "[types][retry_after]") {
  CHECK(apidecl::parse_http_date("Sat, 31 Dec 2016 23:59:60 GMT") ==
        apidecl::parse_http_date("Sun, 01 Jan 2017 00:00:00 GMT"));
}

TEST_CASE("a date that does not exist, has the wrong weekday or strays from the format is not a date",
          "[types][retry_after]") {
  for (std::string_view bad : {"Mon, 06 Nov 1994 08:49:37 GMT",    // 6 Nov 1994 was a Sunday
                               "Thu, 29 Feb 2023 12:00:00 GMT",    // not a leap year
                               "Sun, 31 Nov 1994 08:49:37 GMT",    // November has 30 days
                               "Sun, 06 Nov 1994 24:00:00 GMT",    // no hour 24
                               "Sun, 06 Nov 1994 08:60:00 GMT",    // no minute 60
                               "Sun, 06 Nov 1994 08:49:61 GMT",    // no second 61
                               "Sun, 06 Nov 1994 08:49:37 UTC",    // GMT only
                               "Sun, 06 Nov 1994 08:49:37 +0000",  // no offsets
                               "sun, 06 nov 1994 08:49:37 GMT",    // names are case-sensitive
                               "Sun, 6 Nov 1994 08:49:37 GMT",     // two-digit day
                               "Sun, 06 Nov 94 08:49:37 GMT",      // four-digit year
                               "Sun, 06 Nov 1994 08:49:37 GMT ",   // nothing after
                               "Sun, 06 Nov 1994 08:49:37",        // nothing missing
                               "Sun,  06 Nov 1994 08:49:37 GMT",   // single spaces
                               "Sunday, 06 Nov 1994 08:49:37 GMT", // IMF-fixdate's day name is short
                               "Sun, 06-Nov-94 08:49:37 GMT",      // RFC 850's is long
                               "Sun Nov 6 08:49:37 1994",          // asctime pads the day with a space
                               "1994-11-06T08:49:37Z", "", "tomorrow", "Sun, 06 Nov 1994"})
    CHECK_FALSE(apidecl::parse_http_date(bad));
}

TEST_CASE("without a Retry-After field nothing is requested", "[types][retry_after]") {
  CHECK_FALSE(requested(""));
  CHECK_FALSE(requested("Content-Type: text/html\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"));
}

TEST_CASE("a Retry-After in delay-seconds is the delay, whatever the name's case", "[types][retry_after]") {
  CHECK(requested("Retry-After: 120\r\n") == seconds(120));
  CHECK(requested("retry-after:5\r\n") == seconds(5));
  CHECK(requested("Retry-After: 0\r\n") == seconds(0));
}

TEST_CASE("a Retry-After date is measured from the response's Date", "[types][retry_after]") {
  CHECK(requested("Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nRetry-After: Sun, 06 Nov 1994 08:51:37 GMT\r\n",
                  seconds(0)) == seconds(120));
  CHECK(requested("Retry-After: Sun, 06 Nov 1994 09:49:37 GMT\r\nDate: Sun Nov  6 08:49:37 1994\r\n", seconds(0)) ==
        seconds(3600));
}

TEST_CASE("a Retry-After date is measured from the wall clock when there is no readable Date",
          "[types][retry_after]") {
  CHECK(requested("Retry-After: Sun, 06 Nov 1994 08:50:07 GMT\r\n") == seconds(30));
  CHECK(requested("Date: yesterday\r\nRetry-After: Sun, 06 Nov 1994 08:50:07 GMT\r\n") == seconds(30));
}

TEST_CASE("the wall clock is read only for a date without a readable Date field", "[types][retry_after]") {
  int reads = 0;
  fixed_utc_clock const wall_clock{nov_6_1994_08_49_37, &reads};
  (void)apidecl::requested_retry_delay(apidecl::header_list("Retry-After: 5\r\n"), wall_clock);
  (void)apidecl::requested_retry_delay(
      apidecl::header_list("Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nRetry-After: Sun, 06 Nov 1994 08:50:07 GMT\r\n"),
      wall_clock);
  CHECK(reads == 0);
  (void)apidecl::requested_retry_delay(apidecl::header_list("Retry-After: Sun, 06 Nov 1994 08:50:07 GMT\r\n"),
                                       wall_clock);
  CHECK(reads == 1);
}

TEST_CASE("a Retry-After date in the past asks for no wait", "[types][retry_after]") {
  CHECK(requested("Retry-After: Sun, 06 Nov 1994 08:00:00 GMT\r\n") == seconds(0));
  CHECK(requested("Retry-After: Thu, 01 Jan 1970 00:00:00 GMT\r\n") == seconds(0));
}

TEST_CASE("a Retry-After date far ahead asks for 2^31 seconds at most", "[types][retry_after]") {
  CHECK(requested("Retry-After: Fri, 31 Dec 9999 23:59:59 GMT\r\n") == apidecl::longest_retry_after);
}

TEST_CASE("a Retry-After that is neither form is ignored", "[types][retry_after]") {
  for (std::string_view headers : {"Retry-After: -5\r\n", "Retry-After: soon\r\n", "Retry-After: 1.5\r\n",
                                   "Retry-After:\r\n", "Retry-After: 2024-02-29T12:00:00Z\r\n"})
    CHECK_FALSE(requested(headers));
}
