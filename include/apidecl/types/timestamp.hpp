#ifndef APIDECL_TYPES_TIMESTAMP_HPP
#define APIDECL_TYPES_TIMESTAMP_HPP

#include <apidecl/core/writer.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace apidecl {

/// An instant in UTC, as ISO 8601 writes it: `2014-06-25T16:39:07Z`, `2014-06-25T16:39:07.655Z`.
///
/// A text value (text_value.hpp): `YYYY-MM-DDTHH:MM:SS`, an optional fraction of 1 to 9 digits,
/// then `Z` or `+00:00` (written back as `Z`). The fraction keeps its digits, so text is written as
/// it was read. Refused: any other offset, and text with no zone at all, because it could be UTC or
/// the sender's local time and guessing would shift the instant by hours (onDemand's
/// `x-lod-timestamp` header is such text; whoever writes it formats it); dates that do not exist
/// (`02-30`, `02-29` outside leap years), hour 24, and second 60: Unix time has no leap seconds.
/// Years run from 0000 to 9999, the four digits the format has.
class utc_timestamp {
 public:
  static constexpr std::string_view text_format = "an ISO 8601 UTC timestamp";

  /// The Unix epoch, 1970-01-01T00:00:00Z.
  constexpr utc_timestamp() noexcept = default;

  /// The instant `seconds` (plus `nanoseconds`) after the Unix epoch, written with
  /// `fraction_digits` digits after the second; nothing if the year is outside 0000–9999,
  /// `nanoseconds` is not below 10^9, `fraction_digits` is not 0–9, or that many digits cannot
  /// show `nanoseconds` exactly.
  static constexpr std::optional<utc_timestamp> from_unix_time(std::int64_t seconds, std::uint32_t nanoseconds = 0,
                                                               int fraction_digits = 0) noexcept;

  /// Whole seconds since 1970-01-01T00:00:00Z, negative before it.
  constexpr std::int64_t seconds_since_epoch() const noexcept { return seconds_; }
  /// The fraction of the second, in nanoseconds.
  constexpr std::uint32_t nanoseconds() const noexcept { return nanoseconds_; }
  /// How many digits the fraction is written with, 0 for none.
  constexpr int fraction_digits() const noexcept { return fraction_digits_; }

  /// Instants compare by time alone: `...:07.5Z` equals `...:07.500Z`.
  friend constexpr bool operator==(utc_timestamp const& a, utc_timestamp const& b) noexcept {
    return a.seconds_ == b.seconds_ && a.nanoseconds_ == b.nanoseconds_;
  }
  friend constexpr bool operator!=(utc_timestamp const& a, utc_timestamp const& b) noexcept { return !(a == b); }
  friend constexpr bool operator<(utc_timestamp const& a, utc_timestamp const& b) noexcept {
    return a.seconds_ != b.seconds_ ? a.seconds_ < b.seconds_ : a.nanoseconds_ < b.nanoseconds_;
  }
  friend constexpr bool operator>(utc_timestamp const& a, utc_timestamp const& b) noexcept { return b < a; }
  friend constexpr bool operator<=(utc_timestamp const& a, utc_timestamp const& b) noexcept { return !(b < a); }
  friend constexpr bool operator>=(utc_timestamp const& a, utc_timestamp const& b) noexcept { return !(a < b); }

  friend constexpr bool parse_text(std::string_view text, utc_timestamp& out) noexcept { return out.parse(text); }
  friend void format_text(utc_timestamp const& value, writer& out) noexcept { value.format(out, true); }

  /// Writes the instant without its zone, `2014-02-21T07:49:24.655024`: the form onDemand's
  /// `x-lod-timestamp` header takes.
  void format_without_zone(writer& out) const noexcept { format(out, false); }

 private:
  struct civil_date {
    std::int64_t year;
    int month;
    int day;
  };
  static constexpr std::int64_t seconds_per_day = 86400;

  static constexpr bool is_leap_year(std::int64_t year) noexcept {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  }
  static constexpr int days_in_month(std::int64_t year, int month) noexcept {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
  }
  static constexpr std::uint32_t power_of_ten(int exponent) noexcept {
    std::uint32_t power = 1;
    for (int i = 0; i < exponent; ++i) power *= 10;
    return power;
  }
  static constexpr std::int64_t days_from_civil(civil_date date) noexcept;
  static constexpr civil_date civil_from_days(std::int64_t days) noexcept;
  static constexpr std::int64_t earliest_seconds() noexcept { return days_from_civil({0, 1, 1}) * seconds_per_day; }
  static constexpr std::int64_t latest_seconds() noexcept {
    return days_from_civil({9999, 12, 31}) * seconds_per_day + seconds_per_day - 1;
  }

  constexpr bool parse(std::string_view text) noexcept;
  void format(writer& out, bool with_zone) const noexcept;

  std::int64_t seconds_ = 0;
  std::uint32_t nanoseconds_ = 0;
  int fraction_digits_ = 0;
};

constexpr std::optional<utc_timestamp> utc_timestamp::from_unix_time(std::int64_t seconds, std::uint32_t nanoseconds,
                                                                     int fraction_digits) noexcept {
  if (seconds < earliest_seconds() || seconds > latest_seconds() || nanoseconds >= 1000000000 ||
      fraction_digits < 0 || fraction_digits > 9 || nanoseconds % power_of_ten(9 - fraction_digits) != 0)
    return std::nullopt;
  utc_timestamp result;
  result.seconds_ = seconds;
  result.nanoseconds_ = nanoseconds;
  result.fraction_digits_ = fraction_digits;
  return result;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar: Howard Hinnant's days_from_civil
// (https://howardhinnant.github.io/date_algorithms.html), which counts in 400-year eras so
// that it needs no table and no loop.
constexpr std::int64_t utc_timestamp::days_from_civil(civil_date date) noexcept {
  std::int64_t const year = date.year - (date.month <= 2 ? 1 : 0);
  std::int64_t const era = (year >= 0 ? year : year - 399) / 400;
  std::int64_t const year_of_era = year - era * 400;
  std::int64_t const day_of_year = (153 * (date.month > 2 ? date.month - 3 : date.month + 9) + 2) / 5 + date.day - 1;
  std::int64_t const day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

// The inverse of days_from_civil, from the same source.
constexpr utc_timestamp::civil_date utc_timestamp::civil_from_days(std::int64_t days) noexcept {
  days += 719468;
  std::int64_t const era = (days >= 0 ? days : days - 146096) / 146097;
  std::int64_t const day_of_era = days - era * 146097;
  std::int64_t const year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  std::int64_t const day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  std::int64_t const shifted_month = (5 * day_of_year + 2) / 153;  // March is 0
  auto const day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  auto const month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  return {year_of_era + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

constexpr bool utc_timestamp::parse(std::string_view text) noexcept {
  // "YYYY-MM-DDThh:mm:ss" and at least one character of zone: the length is checked once.
  if (text.size() < 20) return false;
  bool digits_only = true;
  // The number in text[at, at + count), if all of those are digits.
  auto const number = [text, &digits_only](std::size_t at, std::size_t count) {
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
      auto const digit = static_cast<unsigned>(text[i] - '0');
      digits_only = digits_only && digit <= 9;
      value = value * 10 + static_cast<int>(digit);
    }
    return value;
  };
  int const year = number(0, 4), month = number(5, 2), day = number(8, 2);
  int const hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
  if (!digits_only || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
    return false;
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59 ||
      second > 59)
    return false;

  std::string_view zone(text.data() + 19, text.size() - 19);
  int fraction = 0;
  int digits = 0;
  if (!zone.empty() && zone.front() == '.') {
    zone.remove_prefix(1);
    while (!zone.empty() && zone.front() >= '0' && zone.front() <= '9') {
      if (++digits > 9) return false;
      fraction = fraction * 10 + (zone.front() - '0');
      zone.remove_prefix(1);
    }
    if (digits == 0) return false;
  }
  if (zone != "Z" && zone != "+00:00") return false;

  seconds_ = days_from_civil({year, month, day}) * seconds_per_day + hour * 3600 + minute * 60 + second;
  nanoseconds_ = static_cast<std::uint32_t>(fraction) * power_of_ten(9 - digits);
  fraction_digits_ = digits;
  return true;
}

inline void utc_timestamp::format(writer& out, bool with_zone) const noexcept {
  std::int64_t const days = (seconds_ >= 0 ? seconds_ : seconds_ - (seconds_per_day - 1)) / seconds_per_day;
  auto const second_of_day = static_cast<int>(seconds_ - days * seconds_per_day);
  civil_date const date = civil_from_days(days);

  char text[30];  // "YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ"
  std::size_t size = 0;
  auto const put = [&](std::int64_t value, std::size_t digits) {  // zero-padded to `digits`
    for (std::size_t i = digits; i > 0; --i, value /= 10) text[size + i - 1] = static_cast<char>('0' + value % 10);
    size += digits;
  };
  put(date.year, 4);
  text[size++] = '-';
  put(date.month, 2);
  text[size++] = '-';
  put(date.day, 2);
  text[size++] = 'T';
  put(second_of_day / 3600, 2);
  text[size++] = ':';
  put(second_of_day / 60 % 60, 2);
  text[size++] = ':';
  put(second_of_day % 60, 2);
  if (fraction_digits_ > 0) {
    text[size++] = '.';
    put(nanoseconds_ / power_of_ten(9 - fraction_digits_), static_cast<std::size_t>(fraction_digits_));
  }
  if (with_zone) text[size++] = 'Z';
  out.append({text, size});
}

}  // namespace apidecl

#endif
