#ifndef APIDECL_APIS_ONDEMAND_QUOTE_AUTHORIZATION_HPP
#define APIDECL_APIS_ONDEMAND_QUOTE_AUTHORIZATION_HPP

#include <apidecl/apis/ondemand/ids.hpp>
#include <apidecl/apis/ondemand/product.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/types/enum_names.hpp>
#include <apidecl/types/open_enum.hpp>
#include <apidecl/types/timestamp.hpp>

#include <boost/describe/class.hpp>

#include <array>
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

namespace apidecl::ondemand {

/// Where an authorized quote stands.
enum class authorization_status {
  authorized,  ///< paid for: the projects can start
  pending,     ///< the merchant must pay first, at the PaymentURL
  error,       ///< the request could not be parsed
  unknown,
};

constexpr auto enum_names(authorization_status) noexcept {
  using s = authorization_status;
  return std::array{enum_name{s::authorized, "Authorized"}, enum_name{s::pending, "Pending"},
                    enum_name{s::error, "Error"}};
}

/// A project the authorization created.
struct project {
  ids::project project_id;
  std::string project_url;
  utc_timestamp project_due_date;
  std::vector<product> products;
  static constexpr wire_name wire_names[] = {{"project_id", "ProjectID"},
                                             {"project_url", "ProjectURL"},
                                             {"project_due_date", "ProjectDueDate"},
                                             {"products", "Products/Product"}};
};
BOOST_DESCRIBE_STRUCT(project, (), (project_id, project_url, project_due_date, products))

/// The body of a 202 or 402 from Authorize Quote: `<QuoteAuthorization>`. A 402 (and a 202 with
/// status Pending) carries the PaymentURL the merchant must visit; the QuoteURL can be polled
/// (Get Quote) to learn when an externally paid quote is authorized.
struct quote_authorization {
  open_enum<authorization_status> status;
  std::optional<std::string> payment_url;
  std::string quote_url;
  std::vector<project> projects;
  static constexpr std::string_view xml_element = "QuoteAuthorization";
  static constexpr wire_name wire_names[] = {
      {"status", "Status"}, {"payment_url", "PaymentURL"}, {"quote_url", "QuoteURL"}, {"projects", "Projects/Project"}};
};
BOOST_DESCRIBE_STRUCT(quote_authorization, (), (status, payment_url, quote_url, projects))

}  // namespace apidecl::ondemand

#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic pop
#endif

#endif
