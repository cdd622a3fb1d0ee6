#ifndef APIDECL_APIS_ONDEMAND_QUOTES_HPP
#define APIDECL_APIS_ONDEMAND_QUOTES_HPP

#include <apidecl/apis/ondemand/error.hpp>
#include <apidecl/apis/ondemand/ids.hpp>
#include <apidecl/apis/ondemand/params.hpp>
#include <apidecl/apis/ondemand/rate_limit.hpp>
#include <apidecl/apis/ondemand/product.hpp>
#include <apidecl/apis/ondemand/quote_authorization.hpp>
#include <apidecl/apis/ondemand/quoted_amount.hpp>
#include <apidecl/apis/ondemand/versions.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/types/decimal.hpp>
#include <apidecl/types/enum_names.hpp>
#include <apidecl/types/language_code.hpp>
#include <apidecl/types/money.hpp>
#include <apidecl/types/open_enum.hpp>
#include <apidecl/types/timestamp.hpp>

#include <boost/describe/class.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// BOOST_DESCRIBE_STRUCT(T, (), (...)) passes an empty argument list, which Clang's -Wpedantic
// flags before C++20. Describe, not Hana: it costs the compiler a fraction per field.
#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif

/// Quotes in API version 2015-02-23 (generate_quote.rst, get_quote.rst, list_quotes.rst,
/// reject_quote.rst, authorize_quote.rst): the nested `<Quote>` whose service and languages live
/// in `Projects/Project`. The 2014 flat quote of the seed is `ondemand::quote` (quote.hpp).
namespace apidecl::ondemand::v2015 {

/// Where a quote stands. `Calculating` (the docs also say "Analyzing"): no price yet, poll
/// get_quote; `Pending`: priced, can be authorized or rejected.
enum class quote_status { calculating, pending, authorized, complete, rejected, error, unknown };

constexpr auto enum_names(quote_status) noexcept {
  using s = quote_status;
  return std::array{enum_name{s::calculating, "Calculating"}, enum_name{s::pending, "Pending"},
                    enum_name{s::authorized, "Authorized"},   enum_name{s::complete, "Complete"},
                    enum_name{s::rejected, "Rejected"},       enum_name{s::error, "Error"}};
}

/// How a 2016-03-15 client accepts translations: `implicit` on delivery, or `acknowledge` each
/// file (files.hpp, v2016 accept/reject).
enum class acceptance_method { implicit, acknowledge, unknown };

constexpr auto enum_names(acceptance_method) noexcept {
  using m = acceptance_method;
  return std::array{enum_name{m::implicit, "implicit"}, enum_name{m::acknowledge, "acknowledge"}};
}

/// A file of a quote or project: `<File><AssetID/><FileName/><Status/></File>`.
struct file_ref {
  ids::asset asset_id;
  std::optional<std::string> file_name;
  std::optional<std::string> status;
  static constexpr wire_name wire_names[] = {{"asset_id", "AssetID"}, {"file_name", "FileName"}, {"status", "Status"}};
};
BOOST_DESCRIBE_STRUCT(file_ref, (), (asset_id, file_name, status))

/// A project inside a quote: what is translated (products or files), by which service, from and
/// into which languages. The project ID and name come once the quote exists.
struct quote_project {
  std::optional<ids::project> project_id;
  std::optional<std::string> project_name;
  ids::service service_id;
  language_code source_language;
  std::vector<language_code> target_languages;
  std::optional<std::vector<product>> products;
  std::optional<std::vector<file_ref>> files;
  std::optional<std::vector<file_ref>> reference_files;
  static constexpr wire_name wire_names[] = {{"project_id", "ProjectID"},
                                             {"project_name", "ProjectName"},
                                             {"service_id", "ServiceID"},
                                             {"source_language", "SourceLanguage/LanguageCode"},
                                             {"target_languages", "TargetLanguages/TargetLanguage/LanguageCode"},
                                             {"products", "Products/Product"},
                                             {"files", "Files/File"},
                                             {"reference_files", "ReferenceFiles/File"}};
};
BOOST_DESCRIBE_STRUCT(quote_project, (), (project_id, project_name, service_id, source_language, target_languages,
                                          products, files, reference_files))

/// A quote in the 2015 shape: Generate and Get Quote's answer, Authorize Quote's body (which
/// mirrors it since 2015-03) and what its 409 returns. While the quote is Calculating, the
/// amounts are empty elements (quoted_amount.hpp); a request may leave them out. An error met while quoting comes as an `<Error>`
/// inside the quote. The billing code and purchase order number are the optional additions of
/// Authorize Quote; the acceptance method is 2016-03-15's (versions.hpp).
struct quote {
  ids::quote quote_id;
  std::optional<utc_timestamp> creation_date;
  open_enum<quote_status> status;
  std::optional<std::string> authorize_url;
  std::optional<std::string> reject_url;
  std::optional<std::int64_t> total_translations;
  std::optional<std::int64_t> translation_credit;
  std::optional<quoted_amount> total_cost;
  std::optional<quoted_amount> prepaid_credit;
  std::optional<quoted_amount> amount_due;
  std::optional<open_enum<apidecl::currency>> currency;
  std::vector<quote_project> projects;
  std::optional<std::string> internal_billing_code;
  std::optional<std::string> purchase_order_number;
  std::optional<open_enum<acceptance_method>> translation_acceptance_method;
  std::optional<ondemand::error> error;
  static constexpr std::string_view xml_element = "Quote";
  static constexpr wire_name wire_names[] = {{"quote_id", "QuoteID"},
                                             {"creation_date", "CreationDate"},
                                             {"status", "Status"},
                                             {"authorize_url", "AuthorizeURL"},
                                             {"reject_url", "RejectURL"},
                                             {"total_translations", "TotalTranslations"},
                                             {"translation_credit", "TranslationCredit"},
                                             {"total_cost", "TotalCost"},
                                             {"prepaid_credit", "PrepaidCredit"},
                                             {"amount_due", "AmountDue"},
                                             {"currency", "Currency"},
                                             {"projects", "Projects/Project"},
                                             {"internal_billing_code", "InternalBillingCode"},
                                             {"purchase_order_number", "PurchaseOrderNumber"},
                                             {"translation_acceptance_method", "TranslationAcceptanceMethod"},
                                             {"error", "Error"}};
};
BOOST_DESCRIBE_STRUCT(quote, (), (quote_id, creation_date, status, authorize_url, reject_url, total_translations,
                                  translation_credit, total_cost, prepaid_credit, amount_due, currency, projects,
                                  internal_billing_code, purchase_order_number, translation_acceptance_method, error))

/// Generate Quote's TranslationOptions: the service, the languages, the currency to quote in and
/// the URLs onDemand notifies (notify_*.rst).
struct translation_options {
  std::optional<open_enum<apidecl::currency>> currency;
  ids::service service_id;
  language_code source_language;
  std::vector<language_code> target_languages;
  std::optional<std::string> notify_complete_url;
  std::optional<std::string> notify_quote_ready_url;
  std::optional<std::string> notify_quote_paid_url;
  static constexpr wire_name wire_names[] = {{"currency", "Currency"},
                                             {"service_id", "ServiceID"},
                                             {"source_language", "SourceLanguage/LanguageCode"},
                                             {"target_languages", "TargetLanguages/TargetLanguage/LanguageCode"},
                                             {"notify_complete_url", "NotifyCompleteURL"},
                                             {"notify_quote_ready_url", "NotifyQuoteReadyURL"},
                                             {"notify_quote_paid_url", "NotifyQuotePaidURL"}};
};
BOOST_DESCRIBE_STRUCT(translation_options, (), (currency, service_id, source_language, target_languages,
                                                notify_complete_url, notify_quote_ready_url, notify_quote_paid_url))

/// Generate Quote's body: the options and what to translate, products or files (by asset ID)
/// or whole projects. Exactly one of the three is meant to be given, which the type leaves to
/// the caller (the service answers 400 otherwise).
struct quote_request {
  translation_options options;
  std::optional<std::vector<product>> products;
  std::optional<std::vector<file_ref>> files;
  std::optional<std::vector<quote_project>> projects;
  static constexpr std::string_view xml_element = "Quote";
  static constexpr wire_name wire_names[] = {{"options", "TranslationOptions"},
                                             {"products", "Products/Product"},
                                             {"files", "Files/File"},
                                             {"projects", "Projects/Project"}};
};
BOOST_DESCRIBE_STRUCT(quote_request, (), (options, products, files, projects))

/// List Quotes' answer: `<Quotes><Quote/>...</Quotes>`.
struct quote_list {
  std::vector<quote> quotes;
  static constexpr std::string_view xml_element = "Quotes";
  static constexpr wire_name wire_names[] = {{"quotes", "Quote"}};
};
BOOST_DESCRIBE_STRUCT(quote_list, (), (quotes))

namespace endpoints {
/// Generate Quote: `POST /api/quote/generate` answers 201 with the quote, often still
/// Calculating (poll get_quote). ReasonCodes 200-207 come with its 400 and 409; those the
/// error enum does not name keep their number (open_enum). Not idempotent: a repeat quotes twice.
struct generate_quote {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/api/quote/generate";
  using params = apidecl::params<>;
  using body = apidecl::request_body<quote_request, xml>;
  using responses =
      apidecl::responses<on<201, quote, xml>, on<400, error, xml>, on<401, error, xml>, on<409, error, xml>, too_many_requests>;
};

/// Get Quote: `GET /api/quote/{quote_id}`; 404 when the quote is not the caller's.
struct get_quote {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/quote/{quote_id}";
  using params = apidecl::params<ondemand::params::quote_id>;
  using responses = apidecl::responses<on<200, quote, xml>, on<400, error, xml>, on<401, error, xml>,
                                       on<404, error, xml>, too_many_requests>;
};

/// List Quotes: `GET /api/quote`, every quote of the merchant.
struct list_quotes {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/quote";
  using params = apidecl::params<>;
  using responses = apidecl::responses<on<200, quote_list, xml>, on<400, error, xml>, on<401, error, xml>,
                                       too_many_requests>;
};

/// Reject Quote: `POST /api/quote/{quote_id}/reject`, no body. 200 with no body the docs
/// describe; 409 when the quote can no longer be rejected (authorized already). Rejecting twice
/// leaves the quote rejected: idempotent.
struct reject_quote {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/api/quote/{quote_id}/reject";
  static constexpr bool idempotent = true;
  using params = apidecl::params<ondemand::params::quote_id>;
  using responses = apidecl::responses<on<200>, on<400, error, xml>, on<401, error, xml>, on<409, error, xml>,
                                       too_many_requests>;
};

/// Authorize Quote in the 2015 shape: the body is the quote as Generate/Get Quote returned it
/// (with the optional billing code and purchase order number), and a 409 returns the corrected
/// 2015 quote. The statuses are the seed's (quote_authorize.hpp), 405 (ReasonCode 306) included.
/// Not idempotent: a repeat after a lost response could pay twice.
struct authorize_quote {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/api/quote/{quote_id}/authorize";
  using params = apidecl::params<ondemand::params::quote_id>;
  using body = apidecl::request_body<quote, xml>;
  using responses = apidecl::responses<on<202, quote_authorization, xml>, on<400, error, xml>, on<401, error, xml>,
                                       on<402, quote_authorization, xml>, on<404, error, xml>, on<405, error, xml>,
                                       on<409, quote, xml>, too_many_requests>;
};
}  // namespace endpoints

inline constexpr endpoints::generate_quote generate_quote{};
inline constexpr endpoints::get_quote get_quote{};
inline constexpr endpoints::list_quotes list_quotes{};
inline constexpr endpoints::reject_quote reject_quote{};
inline constexpr endpoints::authorize_quote authorize_quote{};

}  // namespace apidecl::ondemand::v2015

#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic pop
#endif

#endif
