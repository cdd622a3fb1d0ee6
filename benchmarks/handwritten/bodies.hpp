// Hand-written baseline: the bodies of the seed endpoints as plain structs. Enumerations, amounts
// and timestamps stay text, as a hand-written client keeps them; IDs are integers where the
// service sends digits.
#ifndef APIDECL_BENCHMARKS_HANDWRITTEN_BODIES_HPP
#define APIDECL_BENCHMARKS_HANDWRITTEN_BODIES_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace handwritten {

/// cielo24 Delete Job's 200 body.
struct task {
  std::string task_id;
};

/// cielo24's error body.
struct error {
  std::string type;
  std::string comment;
};

/// onDemand's error body.
struct ondemand_error {
  std::string reason_code;
  std::string simple_message;
  std::string detailed_message;
};

/// A product in an onDemand quote or project.
struct product {
  std::int64_t asset_id = 0;
  std::vector<std::string> sku_numbers;
  std::optional<std::string> due_date;
};
/// onDemand Authorize Quote's 202 and 402 body.
struct project {
  std::int64_t project_id = 0;
  std::string project_url;
  std::string project_due_date;
  std::vector<product> products;
};
struct quote_authorization {
  std::string status;
  std::optional<std::string> payment_url;
  std::string quote_url;
  std::vector<project> projects;
};

/// An onDemand quote: Authorize Quote's request body, and its 409 body.
struct quote {
  std::string quote_id;
  std::string creation_date;
  std::int64_t service_id = 0;
  std::string source_language;
  std::vector<std::string> target_languages;
  std::int64_t total_translations = 0;
  std::int64_t translation_credit = 0;
  std::string total_cost;
  std::string prepaid_credit;
  std::string amount_due;
  std::string currency;
  std::vector<product> products;
};

}  // namespace handwritten

#endif
