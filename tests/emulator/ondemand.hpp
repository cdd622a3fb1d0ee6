// Lionbridge onDemand (API 2015-02-23): signed requests, the seed's fixed quotes, and a merchant's
// files, quotes and projects kept in memory on the emulator's clock.
#ifndef APIDECL_EMULATOR_ONDEMAND_HPP
#define APIDECL_EMULATOR_ONDEMAND_HPP

#include "clock.hpp"
#include "messages.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace emulator {

/// Answers onDemand's endpoints like the real service: checks the LOD1-BASE64-SHA256 signature,
/// then the rate limit when it is on, then the request, in XML.
class ondemand_service {
 public:
  explicit ondemand_service(const emulator_clock& clock);

  /// Whether `path` is one of the endpoints this service answers.
  static bool serves(std::string_view path);

  /// Whether this request is for onDemand: its path is onDemand's, and, for the paths cielo24 has
  /// too (`/api/account/...`), it carries onDemand's Authorization.
  static bool claims(const request& message, bool cielo24_has_path);

  /// Whether `path` is Authorize Quote's, the one call whose repeats the soak runs count.
  static bool is_authorize(std::string_view path);

  response handle(const request& message);

  /// Back to the start: the seed quotes only, no files, projects or quotes made, the limit off.
  void reset();

  /// Turns on onDemand's limit of `per_minute` requests a minute per merchant (0 turns it off),
  /// and with it the limit of 2 project creations a minute: over either, 429 with Retry-After
  /// saying when the minute of the emulator's clock ends.
  void limit_rate(std::uint64_t per_minute);

 private:
  struct stored_file {
    std::string asset_id;
    std::string name;
    std::string language;
    std::string bytes;
    std::int64_t uploaded = 0;
  };
  struct made_quote {
    std::string id;
    std::int64_t created = 0;
    std::string service_id;
    std::string source;
    std::vector<std::string> targets;
    std::vector<std::string> asset_ids;
    std::string status;  ///< Calculating (first minute), Pending, Authorized, Rejected
    std::vector<std::string> project_ids;
  };
  struct made_project {
    std::string id;
    std::string quote_id;  ///< empty for a project added directly
    std::int64_t started = 0;
    std::string service_id;
    std::string source;
    std::vector<std::string> targets;
    std::vector<std::string> asset_ids;
    bool cancellation_requested = false;
  };

  using minute_table = std::map<std::string, std::pair<std::int64_t, std::uint64_t>, std::less<>>;  ///< minute, count
  std::optional<response> over_limit(std::string_view key_id, minute_table& counts, std::uint64_t limit);
  void advance(made_quote& quote) const;
  std::string cost_of(const made_quote& quote) const;
  std::string project_status(const made_project& project) const;

  response account_info() const;
  response create_account(const request& message);
  response add_credit(const request& message);
  response estimate(const request& message) const;
  response add_file_by_reference(const request& message, std::string_view language, std::string_view name);
  response judge_translation(const request& message, std::string_view asset_id, std::string_view language,
                             bool accepted);
  response list_products() const;
  response get_product(std::string_view asset_id, std::string_view language) const;
  response add_project(const request& message);
  response request_cancellation(const request& message, std::string_view id);
  response list_services() const;
  response get_service(std::string_view id) const;
  response list_locales() const;
  response get_terms() const;
  response add_file(const request& message, std::string_view language, std::string_view name);
  response list_files() const;
  response file_details(std::string_view asset_id) const;
  response file_bytes(const request& message, std::string_view asset_id) const;
  response file_translation(std::string_view asset_id, std::string_view language);
  response generate_quote(const request& message);
  response get_quote(std::string_view id);
  response list_quotes();
  response reject_quote(std::string_view id);
  response authorize_quote(const request& message, std::string_view id);
  response list_projects();
  response get_project(std::string_view id);

  const emulator_clock& clock_;
  std::map<std::string, stored_file, std::less<>> files_;
  std::map<std::string, made_quote, std::less<>> quotes_;
  std::map<std::string, made_project, std::less<>> projects_;
  std::uint64_t next_asset_ = 5001;
  std::uint64_t next_quote_ = 1001;
  std::uint64_t next_project_ = 2001;
  std::vector<std::string> account_emails_;
  std::int64_t balance_cents_ = 11899;
  std::uint64_t rate_limit_ = 0;
  minute_table project_minute_counts_;  ///< project creation's own limit, 2 a minute
  minute_table minute_counts_;
};

}  // namespace emulator

#endif
