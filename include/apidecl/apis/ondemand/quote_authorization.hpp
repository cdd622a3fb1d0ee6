#ifndef APIDECL_APIS_ONDEMAND_QUOTE_AUTHORIZATION_HPP
#define APIDECL_APIS_ONDEMAND_QUOTE_AUTHORIZATION_HPP

#include <apidecl/apis/ondemand/ids.hpp>
#include <apidecl/apis/ondemand/product.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/types/enum_names.hpp>
#include <apidecl/types/open_enum.hpp>
#include <apidecl/types/timestamp.hpp>

#include <boost/hana/define_struct.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  BOOST_HANA_DEFINE_STRUCT(project,
    (ids::project, project_id),
    (std::string, project_url),
    (utc_timestamp, project_due_date),
    (std::vector<product>, products)
  );
  static constexpr wire_name wire_names[] = {{"project_id", "ProjectID"},
                                             {"project_url", "ProjectURL"},
                                             {"project_due_date", "ProjectDueDate"},
                                             {"products", "Products/Product"}};
};

/// The body of a 202 or 402 from Authorize Quote: `<QuoteAuthorization>`. A 402 (and a 202 with
/// status Pending) carries the PaymentURL the merchant must visit; the QuoteURL can be polled
/// (Get Quote) to learn when an externally paid quote is authorized.
struct quote_authorization {
  BOOST_HANA_DEFINE_STRUCT(quote_authorization,
    (open_enum<authorization_status>, status),
    (std::optional<std::string>, payment_url),
    (std::string, quote_url),
    (std::vector<project>, projects)
  );
  static constexpr std::string_view xml_element = "QuoteAuthorization";
  static constexpr wire_name wire_names[] = {
      {"status", "Status"}, {"payment_url", "PaymentURL"}, {"quote_url", "QuoteURL"}, {"projects", "Projects/Project"}};
};

}  // namespace apidecl::ondemand

#endif
