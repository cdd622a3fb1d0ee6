#ifndef APIDECL_APIS_ONDEMAND_QUOTED_AMOUNT_HPP
#define APIDECL_APIS_ONDEMAND_QUOTED_AMOUNT_HPP

#include <apidecl/core/writer.hpp>
#include <apidecl/types/decimal.hpp>

#include <optional>
#include <string_view>

namespace apidecl::ondemand {

/// An amount of a 2015 quote: a decimal once the quote is priced, and an empty element
/// (`<TotalCost/>`) while it is Calculating, which a plain decimal would refuse to read. A text
/// value (text_value.hpp): the empty text reads as no amount and an amount writes as its decimal.
class quoted_amount {
 public:
  static constexpr std::string_view text_format = "a decimal number, or nothing while the quote is calculating";

  /// No amount yet.
  constexpr quoted_amount() noexcept = default;
  /// Implicit, so that an amount compares and assigns as the decimal it is.
  constexpr quoted_amount(decimal value) noexcept : value_(value) {}

  /// The amount, or nothing while the quote is being priced.
  constexpr std::optional<decimal> const& value() const noexcept { return value_; }

  friend constexpr bool operator==(quoted_amount const& a, quoted_amount const& b) noexcept {
    return a.value_ == b.value_;
  }
  friend constexpr bool operator!=(quoted_amount const& a, quoted_amount const& b) noexcept { return !(a == b); }

  friend constexpr bool parse_text(std::string_view text, quoted_amount& out) noexcept {
    if (text.empty()) {
      out.value_.reset();
      return true;
    }
    decimal amount;
    if (!parse_text(text, amount)) return false;
    out.value_ = amount;
    return true;
  }
  friend void format_text(quoted_amount const& amount, writer& out) noexcept {
    if (amount.value_) format_text(*amount.value_, out);
  }

 private:
  std::optional<decimal> value_;
};

}  // namespace apidecl::ondemand

#endif
