// Lionbridge onDemand: the Authorize Quote endpoint, signed requests and a fixed set of quotes.
#ifndef APIDECL_EMULATOR_ONDEMAND_HPP
#define APIDECL_EMULATOR_ONDEMAND_HPP

#include "messages.hpp"

#include <string_view>

namespace emulator {

/// Answers `POST /api/quote/{quote_id}/authorize` like the real service: checks the
/// LOD1-BASE64-SHA256 signature, then the `<Quote>` body, then answers with the outcome fixed for the
/// quote id. Quotes keep no state, so authorizing one again gives the same answer.
class ondemand_service {
 public:
  /// Whether `path` is one of the endpoints this service answers.
  static bool serves(std::string_view path);

  /// Answers a request whose path this service serves.
  response handle(const request& message) const;
};

}  // namespace emulator

#endif
