#ifndef APIDECL_TYPES_RETRY_AFTER_HPP
#define APIDECL_TYPES_RETRY_AFTER_HPP

#include <apidecl/core/header_list.hpp>
#include <apidecl/core/response_header.hpp>
#include <apidecl/core/writer.hpp>
#include <apidecl/types/timestamp.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

/// Reading the Retry-After field (RFC 9110, 10.2.3): how long a server asks the client to wait,
/// as delay-seconds or as an HTTP-date. Text that is neither is ignored.
namespace apidecl {

/// The longest wait a Retry-After value is read as: 2^31 seconds, which is also what a number too
/// large to represent counts as (RFC 9111, 1.2.2, for delta-seconds). A server asking for that
/// long is asking for more than any bound, so retries stop; the number never overflows.
inline constexpr std::chrono::seconds longest_retry_after{std::int64_t{1} << 31};

/// The seconds in `text` if it is delay-seconds, one or more digits (no sign, space or fraction),
/// at most longest_retry_after; nothing otherwise.
constexpr std::optional<std::chrono::seconds> parse_delay_seconds(std::string_view text) noexcept {
  if (text.empty()) return std::nullopt;
  std::int64_t seconds = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    seconds = std::min(seconds * 10 + (c - '0'), longest_retry_after.count());
  }
  return std::chrono::seconds(seconds);
}

namespace detail {
// Reads fixed-layout text from left to right; each step says whether the text matched.
class fixed_text_reader {
 public:
  constexpr explicit fixed_text_reader(std::string_view text) noexcept : rest_(text) {}

  constexpr bool literal(std::string_view expected) noexcept {
    if (rest_.substr(0, expected.size()) != expected) return false;
    rest_.remove_prefix(expected.size());
    return true;
  }
  constexpr bool digits(std::size_t count, int& value) noexcept {
    if (rest_.size() < count) return false;
    value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      if (rest_[i] < '0' || rest_[i] > '9') return false;
      value = value * 10 + (rest_[i] - '0');
    }
    rest_.remove_prefix(count);
    return true;
  }
  // One of `names` (case-sensitive, as in HTTP-date), its index into `index`.
  template <std::size_t N>
  constexpr bool one_of(std::string_view const (&names)[N], int& index) noexcept {
    for (std::size_t i = 0; i < N; ++i)
      if (literal(names[i])) {
        index = static_cast<int>(i);
        return true;
      }
    return false;
  }
  // hour ":" minute ":" second; second may be 60, a leap second.
  constexpr bool time_of_day(int& hour, int& minute, int& second) noexcept {
    return digits(2, hour) && literal(":") && digits(2, minute) && literal(":") && digits(2, second) && hour <= 23 &&
           minute <= 59 && second <= 60;
  }
  constexpr bool done() const noexcept { return rest_.empty(); }

 private:
  std::string_view rest_;
};

inline constexpr std::string_view day_names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
inline constexpr std::string_view long_day_names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                      "Friday", "Saturday", "Sunday"};
inline constexpr std::string_view month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct http_date_fields {
  int weekday = 0;  // 0 for Monday
  int day = 0, month = 0, year = 0;  // month 0 for January
  int hour = 0, minute = 0, second = 0;
};

// IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
constexpr bool read_imf_fixdate(std::string_view text, http_date_fields& f) noexcept {
  fixed_text_reader r(text);
  return r.one_of(day_names, f.weekday) && r.literal(", ") && r.digits(2, f.day) && r.literal(" ") &&
         r.one_of(month_names, f.month) && r.literal(" ") && r.digits(4, f.year) && r.literal(" ") &&
         r.time_of_day(f.hour, f.minute, f.second) && r.literal(" GMT") && r.done();
}

// RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT". The two-digit year is read as 1970-2069.
constexpr bool read_rfc850_date(std::string_view text, http_date_fields& f) noexcept {
  fixed_text_reader r(text);
  int two_digit_year = 0;
  bool const read = r.one_of(long_day_names, f.weekday) && r.literal(", ") && r.digits(2, f.day) && r.literal("-") &&
                    r.one_of(month_names, f.month) && r.literal("-") && r.digits(2, two_digit_year) &&
                    r.literal(" ") && r.time_of_day(f.hour, f.minute, f.second) && r.literal(" GMT") && r.done();
  f.year = two_digit_year < 70 ? 2000 + two_digit_year : 1900 + two_digit_year;
  return read;
}

// asctime: "Sun Nov  6 08:49:37 1994", a one-digit day after a second space.
constexpr bool read_asctime_date(std::string_view text, http_date_fields& f) noexcept {
  fixed_text_reader r(text);
  return r.one_of(day_names, f.weekday) && r.literal(" ") && r.one_of(month_names, f.month) && r.literal(" ") &&
         (r.literal(" ") ? r.digits(1, f.day) : r.digits(2, f.day)) && r.literal(" ") &&
         r.time_of_day(f.hour, f.minute, f.second) && r.literal(" ") && r.digits(4, f.year) && r.done();
}

// The fields as seconds since the Unix epoch, if they name a day that exists and its weekday.
// utc_timestamp already knows the calendar (leap years, month lengths), so it is handed the date
// as ISO 8601 text rather than this header keeping a second copy of that arithmetic.
constexpr std::optional<std::chrono::seconds> http_date_instant(http_date_fields const& f) noexcept {
  char iso[20] = {};  // "YYYY-MM-DDTHH:MM:SSZ"
  std::size_t size = 0;
  auto const put = [&](int value, std::size_t digits, char after) {
    for (std::size_t i = digits; i > 0; --i, value /= 10) iso[size + i - 1] = static_cast<char>('0' + value % 10);
    size += digits;
    if (after) iso[size++] = after;
  };
  put(f.year, 4, '-');
  put(f.month + 1, 2, '-');
  put(f.day, 2, 'T');
  put(f.hour, 2, ':');
  put(f.minute, 2, ':');
  put(std::min(f.second, 59), 2, 'Z');  // a leap second is the next minute's first
  utc_timestamp instant;
  if (!parse_text(std::string_view(iso, size), instant)) return std::nullopt;
  std::int64_t const seconds = instant.seconds_since_epoch();
  std::int64_t const days = (seconds >= 0 ? seconds : seconds - 86399) / 86400;
  if ((days % 7 + 7 + 3) % 7 != f.weekday) return std::nullopt;  // 1970-01-01 was a Thursday
  return std::chrono::seconds(seconds + (f.second == 60 ? 1 : 0));
}
}  // namespace detail

/// The instant an HTTP-date names (RFC 9110, 5.6.7), in seconds since the Unix epoch: an
/// IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), or either obsolete form a recipient must also
/// accept, RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT", its year read as 1970-2069) and asctime
/// ("Sun Nov  6 08:49:37 1994"). Nothing if `text` is none of these, or names a day that does not
/// exist or the wrong weekday for its date.
constexpr std::optional<std::chrono::seconds> parse_http_date(std::string_view text) noexcept {
  detail::http_date_fields f;
  if (detail::read_imf_fixdate(text, f) || detail::read_rfc850_date(text, f) || detail::read_asctime_date(text, f))
    return detail::http_date_instant(f);
  return std::nullopt;
}

/// The value of a Retry-After field: delay-seconds or an HTTP-date. A text value (text_value.hpp),
/// so that a documented status can declare the field (`retry_after_header`) and its callers read
/// it typed; `honour_retry_after` reads the field through it too.
class retry_after_value {
 public:
  static constexpr std::string_view text_format = "delay-seconds or an HTTP-date";

  constexpr retry_after_value() noexcept = default;
  /// A delay of `seconds`, at most longest_retry_after.
  static constexpr retry_after_value after(std::chrono::seconds seconds) noexcept {
    return retry_after_value(std::clamp(seconds, std::chrono::seconds::zero(), longest_retry_after), false);
  }
  /// The instant `since_epoch` (seconds since the Unix epoch).
  static constexpr retry_after_value at(std::chrono::seconds since_epoch) noexcept {
    return retry_after_value(since_epoch, true);
  }

  /// The delay, if the field gave delay-seconds.
  constexpr std::optional<std::chrono::seconds> delay() const noexcept {
    return is_date_ ? std::nullopt : std::optional<std::chrono::seconds>(value_);
  }
  /// The instant, in seconds since the Unix epoch, if the field gave an HTTP-date.
  constexpr std::optional<std::chrono::seconds> date() const noexcept {
    return is_date_ ? std::optional<std::chrono::seconds>(value_) : std::nullopt;
  }
  /// How long to wait from `now` (seconds since the Unix epoch): the delay, or the time until the
  /// date, within 0 and longest_retry_after.
  constexpr std::chrono::seconds wait_from(std::chrono::seconds now) const noexcept {
    return is_date_ ? std::clamp(value_ - now, std::chrono::seconds::zero(), longest_retry_after) : value_;
  }

  friend constexpr bool operator==(retry_after_value const& a, retry_after_value const& b) noexcept {
    return a.is_date_ == b.is_date_ && a.value_ == b.value_;
  }
  friend constexpr bool operator!=(retry_after_value const& a, retry_after_value const& b) noexcept { return !(a == b); }

  friend constexpr bool parse_text(std::string_view text, retry_after_value& out) noexcept {
    if (std::optional<std::chrono::seconds> const delay = parse_delay_seconds(text)) {
      out = after(*delay);
      return true;
    }
    std::optional<std::chrono::seconds> const date = parse_http_date(text);
    if (date) out = at(*date);
    return date.has_value();
  }
  /// Delay-seconds, or an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT").
  friend void format_text(retry_after_value const& value, writer& out) noexcept {
    if (!value.is_date_) {
      char digits[24];
      auto const end = std::to_chars(digits, digits + sizeof digits, value.value_.count()).ptr;
      out.append({digits, static_cast<std::size_t>(end - digits)});
      return;
    }
    std::optional<utc_timestamp> const instant = utc_timestamp::from_unix_time(value.value_.count());
    char iso[32];  // "YYYY-MM-DDTHH:MM:SSZ"
    writer iso_out(iso, sizeof iso);
    if (instant) format_text(*instant, iso_out);
    if (!instant || iso_out.size() != 20) return;  // a year past 9999: no HTTP-date spells it
    std::int64_t const seconds = value.value_.count();
    std::int64_t const days = (seconds >= 0 ? seconds : seconds - 86399) / 86400;
    int const month = (iso[5] - '0') * 10 + (iso[6] - '0') - 1;
    out.append(detail::day_names[static_cast<std::size_t>((days % 7 + 7 + 3) % 7)]);  // 1970-01-01 was a Thursday
    out.append(", ");
    out.append({iso + 8, 2});
    out.push_back(' ');
    out.append(detail::month_names[static_cast<std::size_t>(month)]);
    out.push_back(' ');
    out.append({iso, 4});
    out.push_back(' ');
    out.append({iso + 11, 8});
    out.append(" GMT");
  }

 private:
  constexpr retry_after_value(std::chrono::seconds value, bool is_date) noexcept : value_(value), is_date_(is_date) {}

  std::chrono::seconds value_{0};
  bool is_date_ = false;
};

/// The Retry-After field, for a documented status that declares it (a 429 or a 503):
/// `apidecl::on<429, apidecl::no_content, apidecl::no_media, apidecl::retry_after_header>`.
struct retry_after_header : response_header<retry_after_value> {
  static constexpr std::string_view name = "Retry-After";
};

/// How long the response with `headers` asks the client to wait before a retry, from its
/// Retry-After field: delay-seconds, or an HTTP-date less the time the response was sent (its
/// Date field, which keeps the client's clock out of it, else the time of `clock`, whose `now()`
/// returns a `utc_timestamp`), within 0 and longest_retry_after. Nothing if there is no
/// Retry-After field or it reads as neither form.
template <class UtcClock>
std::optional<std::chrono::seconds> requested_retry_delay(header_list const& headers, UtcClock&& clock) {
  std::optional<retry_after_value> asked;
  if (detail::read_header<retry_after_header>(headers, asked) || !asked) return std::nullopt;
  if (asked->delay()) return asked->delay();
  std::optional<std::string_view> const date = headers.find("Date");
  std::optional<std::chrono::seconds> const sent = date ? parse_http_date(*date) : std::nullopt;
  return asked->wait_from(sent ? *sent : std::chrono::seconds(clock.now().seconds_since_epoch()));
}

}  // namespace apidecl

#endif
