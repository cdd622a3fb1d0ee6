#ifndef APIDECL_TYPES_MONEY_HPP
#define APIDECL_TYPES_MONEY_HPP

#include <apidecl/types/decimal.hpp>
#include <apidecl/types/enum_names.hpp>

#include <array>

namespace apidecl {

/// The currencies onDemand prices in, by ISO 4217 code. `unknown` has no name, so
/// `open_enum<currency>` can keep a code this list lacks; it comes first so that a currency
/// field that was never set reads as unknown rather than as a real currency.
enum class currency { unknown, cad, eur, gbp, usd };

/// The ISO 4217 codes: serializers read and write a currency as its code (enum_names.hpp).
constexpr auto enum_names(currency) noexcept {
  return std::array{enum_name{currency::cad, "CAD"}, enum_name{currency::eur, "EUR"},
                    enum_name{currency::gbp, "GBP"}, enum_name{currency::usd, "USD"}};
}

/// An amount together with its currency. Only a pairing, with no text of its own: onDemand sends
/// the amounts of a quote (`TotalCost`, `AmountDue`, ...) each in its own element and one
/// `Currency` element for all of them, so a body keeps `decimal` and `currency` fields and a
/// caller pairs them when it wants to.
struct money {
  decimal amount;
  currency code = currency::unknown;

  /// Same currency and equal amounts (118.9 EUR == 118.90 EUR).
  friend constexpr bool operator==(money const& a, money const& b) noexcept {
    return a.code == b.code && a.amount == b.amount;
  }
  friend constexpr bool operator!=(money const& a, money const& b) noexcept { return !(a == b); }
};

}  // namespace apidecl

#endif
