// onDemand's Authorize Quote as the seed knows it: the body checks, the fixed outcomes of quotes
// 795 to 800, and the QuoteAuthorization answer the generated quotes share.
#ifndef APIDECL_EMULATOR_SEED_QUOTES_HPP
#define APIDECL_EMULATOR_SEED_QUOTES_HPP

#include "messages.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace emulator::seed_quotes {

/// The quote id of `/api/quote/{quote_id}/authorize`, or nothing for another path.
std::optional<std::string_view> quote_id_in(std::string_view path);

/// The answer refusing an Authorize Quote body (Content-Type, XML, root Quote, QuoteID a number and
/// the path's), or nothing when it is right.
std::optional<response> quote_body_failure(const request& message, std::string_view path_quote_id);

/// A project of an authorization: its ID, due date and the asset IDs of what it translates.
struct authorized_project {
  std::string id;
  std::string due_date;
  std::vector<std::string> asset_ids;
};

/// The QuoteAuthorization of the documentation's examples.
response quote_authorization(http::status status, std::string_view quote_id, bool payment_needed,
                             const std::vector<authorized_project>& projects);

/// The fixed answer for a seed quote (795-800), or 404 for any other id.
response authorize_seed(std::string_view quote_id);

}  // namespace emulator::seed_quotes

#endif
