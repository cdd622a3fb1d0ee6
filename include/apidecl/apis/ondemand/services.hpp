#ifndef APIDECL_APIS_ONDEMAND_SERVICES_HPP
#define APIDECL_APIS_ONDEMAND_SERVICES_HPP

#include <apidecl/apis/ondemand/error.hpp>
#include <apidecl/apis/ondemand/ids.hpp>
#include <apidecl/apis/ondemand/params.hpp>
#include <apidecl/apis/ondemand/rate_limit.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/types/decimal.hpp>
#include <apidecl/types/money.hpp>
#include <apidecl/types/open_enum.hpp>

#include <boost/describe/class.hpp>

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

/// What onDemand offers (list_services.rst, get_service.rst, get_estimate.rst,
/// list_locales.rst, terms.rst), API version 2015-02-23: read-only, so every one is idempotent.
namespace apidecl::ondemand::v2015 {

/// A translation service.
struct service {
  ids::service service_id;
  std::string name;
  std::optional<std::string> description;
  static constexpr std::string_view xml_element = "Service";
  static constexpr wire_name wire_names[] = {{"service_id", "ServiceID"}, {"name", "Name"}, {"description", "Description"}};
};
BOOST_DESCRIBE_STRUCT(service, (), (service_id, name, description))

/// List Services' answer: `<Services><Service/>...</Services>`.
struct service_list {
  std::vector<service> services;
  static constexpr std::string_view xml_element = "Services";
  static constexpr wire_name wire_names[] = {{"services", "Service"}};
};
BOOST_DESCRIBE_STRUCT(service_list, (), (services))

/// Get Estimate's answer: what the work would cost, before any quote.
struct estimate {
  std::optional<decimal> total_cost;
  std::optional<open_enum<apidecl::currency>> currency;
  static constexpr std::string_view xml_element = "Estimate";
  static constexpr wire_name wire_names[] = {{"total_cost", "TotalCost"}, {"currency", "Currency"}};
};
BOOST_DESCRIBE_STRUCT(estimate, (), (total_cost, currency))

/// A language onDemand translates from or into: `<Locale><Name>English (US)</Name><Code>en-us</Code></Locale>`.
struct locale {
  std::string name;
  std::string code;
  static constexpr wire_name wire_names[] = {{"name", "Name"}, {"code", "Code"}};
};
BOOST_DESCRIBE_STRUCT(locale, (), (name, code))

/// List Locales' answer: `<Locales><Locale/>...</Locales>`.
struct locale_list {
  std::vector<locale> locales;
  static constexpr std::string_view xml_element = "Locales";
  static constexpr wire_name wire_names[] = {{"locales", "Locale"}};
};
BOOST_DESCRIBE_STRUCT(locale_list, (), (locales))

/// The terms and conditions a merchant accepts: `<TermsAndConditions><Terms>...</Terms>`.
struct terms {
  std::string text;
  static constexpr std::string_view xml_element = "TermsAndConditions";
  static constexpr wire_name wire_names[] = {{"text", "Terms"}};
};
BOOST_DESCRIBE_STRUCT(terms, (), (text))

namespace endpoints {
/// List Services: `GET /api/services` (the path of the docs' signing example).
struct list_services {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/services";
  using params = apidecl::params<>;
  using responses = apidecl::responses<on<200, service_list, xml>, on<400, error, xml>, on<401, error, xml>,
                                       too_many_requests>;
};

/// Get Service: `GET /api/services/{service_id}`.
struct get_service {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/services/{service_id}";
  using params = apidecl::params<ondemand::params::service_id>;
  using responses = apidecl::responses<on<200, service, xml>, on<401, error, xml>, on<404, error, xml>,
                                       too_many_requests>;
};

/// Get Estimate: `GET /api/estimate?service_id=&unit_count=&source_lang=&target_langs=`, every
/// parameter required, the targets comma-separated.
struct get_estimate {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/estimate";
  using params = apidecl::params<ondemand::params::estimate::service_id, ondemand::params::estimate::unit_count,
                                 ondemand::params::estimate::source_lang, ondemand::params::estimate::target_langs>;
  using responses = apidecl::responses<on<200, estimate, xml>, on<400, error, xml>, on<401, error, xml>,
                                       too_many_requests>;
};

/// List Locales: `GET /api/locales`, the language codes the other endpoints take.
struct list_locales {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/locales";
  using params = apidecl::params<>;
  using responses = apidecl::responses<on<200, locale_list, xml>, on<401, error, xml>, too_many_requests>;
};

/// Terms and Conditions: `GET /api/terms`.
struct get_terms {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/terms";
  using params = apidecl::params<>;
  using responses = apidecl::responses<on<200, terms, xml>, on<401, error, xml>, too_many_requests>;
};
}  // namespace endpoints

inline constexpr endpoints::list_services list_services{};
inline constexpr endpoints::get_service get_service{};
inline constexpr endpoints::get_estimate get_estimate{};
inline constexpr endpoints::list_locales list_locales{};
inline constexpr endpoints::get_terms get_terms{};

}  // namespace apidecl::ondemand::v2015

#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic pop
#endif

#endif
