// cielo24 API v1: every endpoint of the catalog over accounts, sessions and jobs kept in memory, with
// job media on disk, on the emulator's clock.
#ifndef APIDECL_EMULATOR_CIELO24_HPP
#define APIDECL_EMULATOR_CIELO24_HPP

#include "cielo24_rules.hpp"
#include "clock.hpp"
#include "messages.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace emulator {

/// Answers `/api/account/*` and `/api/job/*` like the real service: query parameters in, JSON (or
/// the file asked for) out, every error a 400 with `{"ErrorType": ..., "ErrorComment": ...}`.
class cielo24_service {
 public:
  /// Jobs move and sessions expire on `clock`; uploaded media is written under `media_directory`.
  cielo24_service(const emulator_clock& clock, std::filesystem::path media_directory);

  /// Whether `path` is one of the endpoints this service answers.
  static bool serves(std::string_view path);

  /// Whether a request with this head uploads media as its body (POST add_media without media_url),
  /// which the server then streams to a file instead of holding it in memory.
  static bool takes_upload(const request& head);

  /// Answers a request whose path this service serves. `upload` is the file the server streamed the
  /// body of an upload request to (takes_upload); the service keeps it or removes it.
  response handle(const request& message, const std::filesystem::path* upload = nullptr);

  /// Back to the start state: the seed account and its four jobs, no sessions but the seed token.
  void reset();

  /// The status of a job ("Authorizing", "Pending", ...), on the clock as it reads now; nothing once
  /// it is deleted or if it never existed.
  std::optional<std::string> job_status(std::string_view job_id);

  /// Where the next upload goes.
  std::filesystem::path next_upload_path();

 private:
  struct account {
    std::string password;
    std::string parent;  ///< empty for a top-level account
    std::vector<std::string> api_keys;
    std::map<std::string, std::string, std::less<>> settings;
  };
  struct session {
    std::string username;
    std::int64_t last_used = 0;
    bool expires = true;
  };
  enum class media_kind { none, url, file };
  struct job {
    std::string id;
    std::string owner;
    std::string name;
    std::string external_id;
    std::string language = "en";
    std::string status;
    std::string fidelity = "MECHANICAL";
    std::string priority = "STANDARD";
    std::int64_t turnaround_hours = 48;
    std::string parent;  ///< the job this one translates or uplevels
    media_kind media = media_kind::none;
    std::string media_url;
    std::filesystem::path media_file;
    std::int64_t created = 0;
    std::optional<std::int64_t> authorized;
    std::optional<std::int64_t> transcription_requested;
    bool has_transcript = false;  ///< given by add_transcript, or made by a completed transcription
  };
  using job_map = std::map<std::string, job, std::less<>>;
  struct call;  // one request being answered: its query, its caller, its job
  using handler = response (cielo24_service::*)(call&);

  static const std::map<std::string_view, handler, std::less<>>& handlers();

  std::optional<std::string> caller_of(std::string_view token);
  void advance(job& target) const;
  std::string new_id();
  job& add_job(std::string owner, std::string status);
  bool controls(const std::string& caller, const std::string& username) const;

  response login(call& c);
  response logout(call& c);
  response update_password(call& c);
  response update_setting(call& c);
  response generate_api_key(call& c);
  response remove_api_key(call& c);
  response create_account(call& c);
  response create_job(call& c);
  response authorize_job(call& c);
  response delete_job(call& c);
  response modify_job(call& c);
  response job_info(call& c);
  response list_jobs(call& c);
  response list_related(call& c);
  response add_media(call& c);
  response add_media_url(call& c);
  response add_transcript(call& c);
  response add_custom_guidelines(call& c);
  response request_upload_url(call& c);
  response perform_transcription(call& c);
  response translate(call& c);
  response uplevel(call& c);
  response burn_in_caption(call& c);
  response get_transcript(call& c);
  response get_caption(call& c);
  response get_element_list(call& c);
  response list_element_lists(call& c);
  response get_media(call& c);
  response get_transcoded_media(call& c);
  response download_media(call& c);
  response aggregate_statistics(call& c);

  const emulator_clock& clock_;
  std::filesystem::path media_directory_;
  std::map<std::string, account, std::less<>> accounts_;
  std::map<std::string, session, std::less<>> sessions_;
  job_map jobs_;
  std::uint64_t ids_made_ = 0;
  std::uint64_t tasks_created_ = 0;
  std::uint64_t uploads_ = 0;
};

}  // namespace emulator

#endif
