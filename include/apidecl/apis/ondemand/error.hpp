#ifndef APIDECL_APIS_ONDEMAND_ERROR_HPP
#define APIDECL_APIS_ONDEMAND_ERROR_HPP

#include <apidecl/serializer/fields.hpp>
#include <apidecl/types/enum_names.hpp>
#include <apidecl/types/open_enum.hpp>

#include <boost/describe/class.hpp>

#include <array>
#include <string>
#include <string_view>

// BOOST_DESCRIBE_STRUCT(T, (), (...)) passes an empty argument list, which Clang's -Wpedantic
// flags before C++20. Describe, not Hana: it costs the compiler a fraction per field.
#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif

/// The error body onDemand sends with a 4xx response:
/// `<Error><ReasonCode>306</ReasonCode><SimpleMessage/><DetailedMessage/></Error>`.
namespace apidecl::ondemand {

/// The documented ReasonCodes: the common ones of error_handling.rst and those of Authorize Quote.
/// Their wire names are the numbers as text, so `unknown` keeps any other code, which
/// `error::reason_code.text()` returns.
enum class reason_code {
  user_already_exists,          ///< 100
  malformed_product_inputs,     ///< 201
  miscellaneous,                ///< 300
  translation_credit_changed,   ///< 301
  prepaid_credit_changed,       ///< 302
  wrong_quote_id,               ///< 303: the QuoteID in the body is not the one in the URL
  languages_changed,            ///< 304
  price_changed,                ///< 305
  quote_not_ready,              ///< 306: no price yet (sent with 405)
  parsing_failed,               ///< 307
  invalid_purchase_order,       ///< 308
  purchase_orders_not_allowed,  ///< 309: the buyer may not pay by purchase order
  site_billing_misconfigured,   ///< 310
  unknown,
};

constexpr auto enum_names(reason_code) noexcept {
  using r = reason_code;
  return std::array{
      enum_name{r::user_already_exists, "100"},
      enum_name{r::malformed_product_inputs, "201"},
      enum_name{r::miscellaneous, "300"},
      enum_name{r::translation_credit_changed, "301"},
      enum_name{r::prepaid_credit_changed, "302"},
      enum_name{r::wrong_quote_id, "303"},
      enum_name{r::languages_changed, "304"},
      enum_name{r::price_changed, "305"},
      enum_name{r::quote_not_ready, "306"},
      enum_name{r::parsing_failed, "307"},
      enum_name{r::invalid_purchase_order, "308"},
      enum_name{r::purchase_orders_not_allowed, "309"},
      enum_name{r::site_billing_misconfigured, "310"},
  };
}

/// onDemand's error body. The simple message is meant for the end user, the detailed one for
/// troubleshooting; both are kept as sent, surrounding whitespace included.
struct error {
  open_enum<ondemand::reason_code> reason_code;
  std::string simple_message;
  std::string detailed_message;
  static constexpr std::string_view xml_element = "Error";
  static constexpr wire_name wire_names[] = {
      {"reason_code", "ReasonCode"}, {"simple_message", "SimpleMessage"}, {"detailed_message", "DetailedMessage"}};
};
BOOST_DESCRIBE_STRUCT(error, (), (reason_code, simple_message, detailed_message))

}  // namespace apidecl::ondemand

#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic pop
#endif

#endif
