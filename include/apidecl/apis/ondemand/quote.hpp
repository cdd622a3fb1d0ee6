#ifndef APIDECL_APIS_ONDEMAND_QUOTE_HPP
#define APIDECL_APIS_ONDEMAND_QUOTE_HPP

#include <apidecl/apis/ondemand/ids.hpp>
#include <apidecl/apis/ondemand/product.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/types/decimal.hpp>
#include <apidecl/types/language_code.hpp>
#include <apidecl/types/money.hpp>
#include <apidecl/types/open_enum.hpp>
#include <apidecl/types/timestamp.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

// BOOST_DESCRIBE_STRUCT(T, (), (...)) passes an empty argument list, which Clang's -Wpedantic
// flags before C++20. Describe, not Hana: it costs the compiler a fraction per field.
#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif

namespace apidecl::ondemand {

/// A quote in the 2014 shape (API version 2014-02-28): the body of Authorize Quote, and what a 409
/// from it returns, the corrected quote that can be authorized in turn.
///
/// The elements are those of the seed's request example. Its table names the total `TotalPrice`,
/// but its example and the later docs send `TotalCost`, which is what is read and written.
/// Products are not in the seed's request but are in the Generate Quote response a 409 carries,
/// so they are optional and go back as they came. Elements this type does not declare (the
/// response's AuthorizeURL and RejectURL) are dropped on decoding: the request does not take them.
/// Amounts are exact decimals: money must not pass through floating point. The currency is an
/// open_enum so that a code missing from `currency` still goes back as it came.
struct quote {
  ids::quote quote_id;
  utc_timestamp creation_date;
  ids::service service_id;
  language_code source_language;
  std::vector<language_code> target_languages;
  std::int64_t total_translations;
  std::int64_t translation_credit;
  decimal total_cost;
  decimal prepaid_credit;
  decimal amount_due;
  open_enum<apidecl::currency> currency;
  std::optional<std::vector<product>> products;
  static constexpr std::string_view xml_element = "Quote";
  static constexpr wire_name wire_names[] = {{"quote_id", "QuoteID"},
                                             {"creation_date", "CreationDate"},
                                             {"service_id", "ServiceID"},
                                             {"source_language", "SourceLanguage/LanguageCode"},
                                             {"target_languages", "TargetLanguages/TargetLanguage/LanguageCode"},
                                             {"total_translations", "TotalTranslations"},
                                             {"translation_credit", "TranslationCredit"},
                                             {"total_cost", "TotalCost"},
                                             {"prepaid_credit", "PrepaidCredit"},
                                             {"amount_due", "AmountDue"},
                                             {"currency", "Currency"},
                                             {"products", "Products/Product"}};
};
BOOST_DESCRIBE_STRUCT(quote, (), (quote_id, creation_date, service_id, source_language, target_languages, total_translations, translation_credit, total_cost, prepaid_credit, amount_due, currency, products))

}  // namespace apidecl::ondemand

#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic pop
#endif

#endif
