#ifndef APIDECL_TYPES_DECIMAL_HPP
#define APIDECL_TYPES_DECIMAL_HPP

#include <apidecl/core/writer.hpp>

#include <cassert>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

namespace apidecl {

/// An exact decimal number, `coefficient × 10^-scale`: money amounts such as `118.99` that must
/// never pass through a binary floating point type, where they would not be exact. It keeps its
/// scale, so "118.90" reads back as "118.90"; comparisons compare values (118.9 == 118.90).
///
/// A text value (text_value.hpp): `-?digits(.digits)?` with at most `max_scale` digits after the
/// point and a coefficient that fits 64 bits. No exponent, no '+', no bare '.5' or '5.'. Text is
/// written as it was read, except that redundant leading zeros ("007.5") and the sign of zero
/// ("-0.00") are dropped: they carry no value and have one spelling.
class decimal {
 public:
  /// The most digits after the point: 10^18 is the largest power of ten in 64 bits.
  static constexpr int max_scale = 18;
  static constexpr std::string_view text_format = "a decimal number";

  /// Zero, with no digits after the point.
  constexpr decimal() noexcept = default;
  /// `coefficient × 10^-scale`. Precondition: `0 <= scale <= max_scale`.
  constexpr decimal(std::int64_t coefficient, int scale) noexcept : coefficient_(coefficient), scale_(scale) {
    assert(scale >= 0 && scale <= max_scale);
  }

  constexpr std::int64_t coefficient() const noexcept { return coefficient_; }
  /// How many digits follow the point.
  constexpr int scale() const noexcept { return scale_; }

  friend constexpr bool operator==(decimal a, decimal b) noexcept { return compare(a, b) == 0; }
  friend constexpr bool operator!=(decimal a, decimal b) noexcept { return compare(a, b) != 0; }
  friend constexpr bool operator<(decimal a, decimal b) noexcept { return compare(a, b) < 0; }
  friend constexpr bool operator<=(decimal a, decimal b) noexcept { return compare(a, b) <= 0; }
  friend constexpr bool operator>(decimal a, decimal b) noexcept { return compare(a, b) > 0; }
  friend constexpr bool operator>=(decimal a, decimal b) noexcept { return compare(a, b) >= 0; }

  friend constexpr bool parse_text(std::string_view text, decimal& out) noexcept { return out.parse(text); }
  friend void format_text(decimal const& value, writer& out) noexcept { value.format(out); }

 private:
  static constexpr std::uint64_t power_of_ten(int exponent) noexcept {
    std::uint64_t power = 1;
    for (int i = 0; i < exponent; ++i) power *= 10;
    return power;
  }
  // |coefficient| without overflow: the magnitude of the most negative int64 fits in uint64.
  static constexpr std::uint64_t magnitude(std::int64_t coefficient) noexcept {
    return coefficient < 0 ? 0 - static_cast<std::uint64_t>(coefficient) : static_cast<std::uint64_t>(coefficient);
  }
  static constexpr int compare(decimal a, decimal b) noexcept;
  static constexpr int compare_magnitudes(std::uint64_t a, int a_scale, std::uint64_t b, int b_scale) noexcept;
  constexpr bool parse(std::string_view text) noexcept;
  void format(writer& out) const noexcept;

  std::int64_t coefficient_ = 0;
  int scale_ = 0;
};

// -1, 0 or 1 as a is less than, equal to or greater than b, exactly, whatever their scales.
constexpr int decimal::compare(decimal a, decimal b) noexcept {
  bool const a_negative = a.coefficient_ < 0;
  if (a_negative != (b.coefficient_ < 0)) return a_negative ? -1 : 1;
  int const order = compare_magnitudes(magnitude(a.coefficient_), a.scale_, magnitude(b.coefficient_), b.scale_);
  return a_negative ? -order : order;
}

// Scaling a up to b's scale could overflow 64 bits, so b is scaled down instead, and its
// remainder decides a tie.
constexpr int decimal::compare_magnitudes(std::uint64_t a, int a_scale, std::uint64_t b, int b_scale) noexcept {
  if (a_scale > b_scale) return -compare_magnitudes(b, b_scale, a, a_scale);
  std::uint64_t const factor = power_of_ten(b_scale - a_scale);
  std::uint64_t const b_whole = b / factor;
  if (a != b_whole) return a < b_whole ? -1 : 1;
  return b % factor == 0 ? 0 : -1;
}

constexpr bool decimal::parse(std::string_view text) noexcept {
  bool const negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  std::uint64_t const limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0);
  std::uint64_t value = 0;
  std::size_t integer_digits = 0;
  std::size_t fraction_digits = 0;
  bool point = false;
  for (char const c : text) {
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (c < '0' || c > '9') return false;
    auto const digit = static_cast<std::uint64_t>(c - '0');
    if (value > (limit - digit) / 10) return false;
    value = value * 10 + digit;
    ++(point ? fraction_digits : integer_digits);
  }
  if (integer_digits == 0 || (point && fraction_digits == 0) || fraction_digits > max_scale) return false;
  coefficient_ = negative && value != 0 ? -static_cast<std::int64_t>(value - 1) - 1 : static_cast<std::int64_t>(value);
  scale_ = static_cast<int>(fraction_digits);
  return true;
}

inline void decimal::format(writer& out) const noexcept {
  char digits[20];  // 2^63 has 19
  std::size_t const count =
      static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, magnitude(coefficient_)).ptr - digits);
  auto const scale = static_cast<std::size_t>(scale_);
  if (coefficient_ < 0) out.push_back('-');
  if (count > scale) {
    out.append({digits, count - scale});
  } else {  // no digit before the point: "0." and zeros up to the first digit
    out.push_back('0');
  }
  if (scale == 0) return;
  out.push_back('.');
  for (std::size_t i = count; i < scale; ++i) out.push_back('0');
  std::size_t const fraction = count < scale ? count : scale;
  out.append({digits + count - fraction, fraction});
}

}  // namespace apidecl

#endif
