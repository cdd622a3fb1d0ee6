#include "cielo24.hpp"

#include "captions.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <system_error>
#include <utility>

namespace emulator {

namespace {

constexpr std::string_view seed_username = "api_user";
constexpr std::string_view seed_password = "api_password";
constexpr std::string_view seed_api_key = "0123456789abcdef0123456789abcdef";
// The token of the reference pages' examples: a session that never expires, which the seed tests use.
constexpr std::string_view seed_api_token = "7ca5dc5c7cce449fb0fff719307e8f5f";

constexpr std::string_view authorizing = "Authorizing";
constexpr std::string_view pending = "Pending";
constexpr std::string_view in_process = "In Process";
constexpr std::string_view complete = "Complete";

// A session ends after an hour without use (access_control/index.rst).
constexpr std::int64_t session_lifetime = 3600;
// How long a requested transcription waits, then works, on the emulator's clock.
constexpr std::int64_t pending_seconds = 60;
constexpr std::int64_t processing_seconds = 300;

// URLs in answers point nowhere on purpose (.invalid is reserved); clients only pass them on.
const std::string site = "https://cielo24.invalid";

response json_response(http::status status, const boost::json::value& body) {
  return make_response(status, json_media_type, boost::json::serialize(body));
}

response error(std::string_view error_type, std::string_view comment) {
  boost::json::object body{{"ErrorType", error_type}, {"ErrorComment", comment}};
  return json_response(http::status::bad_request, body);
}

response error(const cielo24::refusal& refused) { return error(refused.error_type, refused.comment); }

response no_content() { return make_response(http::status::no_content); }

std::string hex_id(std::uint64_t tag, std::uint64_t number) {
  std::array<char, 33> text{};
  std::snprintf(text.data(), text.size(), "%016llx%016llx", static_cast<unsigned long long>(tag),
                static_cast<unsigned long long>(number));
  return text.data();
}

bool is_true(const std::string* flag) { return flag && *flag == "true"; }

}  // namespace

struct cielo24_service::call {
  const request& message;
  parameters query;
  std::string caller;  ///< the username the token belongs to; empty for login
  job* target = nullptr;  ///< the job named by job_id, for the endpoints that take one
  const std::filesystem::path* upload = nullptr;

  const std::string* operator[](std::string_view name) const { return find_parameter(query, name); }
};

cielo24_service::cielo24_service(const emulator_clock& clock, std::filesystem::path media_directory)
    : clock_{clock}, media_directory_{std::move(media_directory)} {
  reset();
}

const std::map<std::string_view, cielo24_service::handler, std::less<>>& cielo24_service::handlers() {
  using s = cielo24_service;
  static const std::map<std::string_view, handler, std::less<>> table{
      {"/api/account/login", &s::login},
      {"/api/account/logout", &s::logout},
      {"/api/account/update_password", &s::update_password},
      {"/api/account/update_setting", &s::update_setting},
      {"/api/account/generate_api_key", &s::generate_api_key},
      {"/api/account/remove_api_key", &s::remove_api_key},
      {"/api/account/create", &s::create_account},
      {"/api/job/new", &s::create_job},
      {"/api/job/authorize", &s::authorize_job},
      {"/api/job/delete", &s::delete_job},
      {"/api/job/modify", &s::modify_job},
      {"/api/job/info", &s::job_info},
      {"/api/job/list", &s::list_jobs},
      {"/api/job/list_related", &s::list_related},
      {"/api/job/add_media", &s::add_media},
      {"/api/job/add_media_url", &s::add_media_url},
      {"/api/job/add_transcript", &s::add_transcript},
      {"/api/job/add_custom_guidelines", &s::add_custom_guidelines},
      {"/api/job/request_upload_url", &s::request_upload_url},
      {"/api/job/perform_transcription", &s::perform_transcription},
      {"/api/job/translate", &s::translate},
      {"/api/job/uplevel", &s::uplevel},
      {"/api/job/burn_in_caption", &s::burn_in_caption},
      {"/api/job/get_transcript", &s::get_transcript},
      {"/api/job/get_caption", &s::get_caption},
      {"/api/job/get_elementlist", &s::get_element_list},
      {"/api/job/list_elementlists", &s::list_element_lists},
      {"/api/job/media", &s::get_media},
      {"/api/job/transcoded_media", &s::get_transcoded_media},
      {"/api/job/download_media", &s::download_media},
      {"/api/job/aggregate_statistics", &s::aggregate_statistics},
  };
  return table;
}

bool cielo24_service::serves(std::string_view path) { return handlers().count(path) != 0; }

bool cielo24_service::takes_upload(const request& head) {
  auto target = head.target();
  if (head.method() != http::verb::post || target_path(target) != "/api/job/add_media") return false;
  try {
    return find_parameter(parse_query(target), "media_url") == nullptr;
  } catch (const std::invalid_argument&) {
    return false;  // refused once read, like any malformed query
  }
}

response cielo24_service::handle(const request& message, const std::filesystem::path* upload) {
  // Whatever the answer, an upload the job did not keep is not left on disk.
  struct discard_unkept {
    const std::filesystem::path* file;
    ~discard_unkept() {
      std::error_code ignored;
      if (file) std::filesystem::remove(*file, ignored);
    }
  } cleanup{upload};
  if (message.method() != http::verb::get && message.method() != http::verb::post) {
    return method_not_allowed("GET, POST");
  }
  auto path = target_path(message.target());
  call c{message, {}, {}, nullptr, upload};
  try {
    c.query = parse_query(message.target());
  } catch (const std::invalid_argument& bad_query) {
    return error("INVALID_QUERY", bad_query.what());
  }
  // The file form of add_media is add_media's rule without media_url.
  cielo24::route_rule file_form;
  const auto* rule = cielo24::rule_for(path);
  if (upload || (path == "/api/job/add_media" && !c["media_url"] && message.method() == http::verb::post)) {
    file_form = {rule->path, true, {rule->parameters[0], rule->parameters[1]}};
    rule = &file_form;
  }
  if (auto refused = cielo24::check_presence(*rule, c.query)) return error(*refused);
  if (path != "/api/account/login") {
    auto caller = caller_of(*c["api_token"]);
    if (!caller) return error("BAD_API_TOKEN", "The api_token is not valid or has expired; log in again");
    c.caller = std::move(*caller);
  }
  if (auto refused = cielo24::check_values(*rule, c.query)) return error(*refused);
  if (const auto* job_id = c["job_id"]) {
    auto found = jobs_.find(*job_id);
    if (found == jobs_.end() || !controls(c.caller, found->second.owner)) {
      return error("ITEM_NOT_FOUND", "No job with job_id " + *job_id);
    }
    c.target = &found->second;
    advance(*c.target);
  }
  auto answer = (this->*handlers().at(path))(c);
  if (upload && c.target && c.target->media_file == *upload) cleanup.file = nullptr;
  return answer;
}

void cielo24_service::reset() {
  std::error_code ignored;
  for (const auto& entry : jobs_) {
    if (!entry.second.media_file.empty()) std::filesystem::remove(entry.second.media_file, ignored);
  }
  accounts_.clear();
  accounts_[std::string{seed_username}] = account{std::string{seed_password}, {}, {std::string{seed_api_key}}, {}};
  sessions_.clear();
  sessions_[std::string{seed_api_token}] = session{std::string{seed_username}, 0, false};
  jobs_.clear();
  ids_made_ = 0;
  tasks_created_ = 0;
  for (auto [id, status] : {std::pair{"64bea283eff6475ea6596027a6ba0929", authorizing},
                            std::pair{"11111111111111111111111111111111", pending},
                            std::pair{"22222222222222222222222222222222", in_process},
                            std::pair{"33333333333333333333333333333333", complete}}) {
    job seeded{};
    seeded.id = id;
    seeded.owner = seed_username;
    seeded.name = "seed job";
    seeded.status = status;
    seeded.has_transcript = status == complete;
    jobs_.emplace(id, std::move(seeded));
  }
}

std::optional<std::string> cielo24_service::job_status(std::string_view job_id) {
  auto found = jobs_.find(job_id);
  if (found == jobs_.end()) return std::nullopt;
  advance(found->second);
  return found->second.status;
}

std::filesystem::path cielo24_service::next_upload_path() {
  return media_directory_ / ("upload-" + std::to_string(++uploads_));
}

std::optional<std::string> cielo24_service::caller_of(std::string_view token) {
  auto found = sessions_.find(token);
  if (found == sessions_.end()) return std::nullopt;
  auto& s = found->second;
  if (s.expires && clock_.now() - s.last_used >= session_lifetime) {
    sessions_.erase(found);
    return std::nullopt;
  }
  s.last_used = clock_.now();
  return s.username;
}

// Pending for a minute, then In Process for five, then Complete: only for a job whose
// transcription was asked for.
void cielo24_service::advance(job& target) const {
  if (!target.transcription_requested) return;
  auto elapsed = clock_.now() - *target.transcription_requested;
  if (target.status == pending && elapsed >= pending_seconds) target.status = in_process;
  if (target.status == in_process && elapsed >= pending_seconds + processing_seconds) {
    target.status = complete;
    target.has_transcript = true;
  }
}

std::string cielo24_service::new_id() { return hex_id(0xa11ce, ++ids_made_); }

cielo24_service::job& cielo24_service::add_job(std::string owner, std::string status) {
  job made{};
  made.id = new_id();
  made.owner = std::move(owner);
  made.status = std::move(status);
  made.created = clock_.now();
  auto id = made.id;
  return jobs_.emplace(id, std::move(made)).first->second;
}

// An account acts on itself and on its sub-accounts.
bool cielo24_service::controls(const std::string& caller, const std::string& username) const {
  if (caller == username) return true;
  auto found = accounts_.find(username);
  return found != accounts_.end() && found->second.parent == caller;
}

namespace {

response task_answer(std::uint64_t& tasks_created) {
  return json_response(http::status::ok, boost::json::object{{"TaskId", hex_id(0, ++tasks_created)}});
}

}  // namespace

// ---- accounts ---------------------------------------------------------------------------------

response cielo24_service::login(call& c) {
  const auto* password = c["password"];
  const auto* securekey = c["securekey"];
  if (!password && !securekey) return error("MISSING_PARAMETER", "Missing required parameter password or securekey");
  if (password && securekey) return error("INVALID_QUERY", "Give password or securekey, not both");
  auto found = accounts_.find(*c["username"]);
  bool const valid = found != accounts_.end() &&
                     (password ? found->second.password == *password
                               : std::find(found->second.api_keys.begin(), found->second.api_keys.end(), *securekey) !=
                                     found->second.api_keys.end());
  if (!valid) return error("LOGIN_INVALID", "The username, password or securekey is wrong");
  auto token = hex_id(0x5e55, ++ids_made_);
  sessions_[token] = session{found->first, clock_.now(), true};
  return json_response(http::status::ok, boost::json::object{{"ApiToken", token}});
}

response cielo24_service::logout(call& c) {
  sessions_.erase(sessions_.find(*c["api_token"]));
  return no_content();
}

response cielo24_service::update_password(call& c) {
  auto media_type = c.message[http::field::content_type];
  if (media_type.substr(0, media_type.find(';')) != "application/x-www-form-urlencoded") {
    return error("INVALID_QUERY", "The body must be a form (application/x-www-form-urlencoded)");
  }
  parameters form;
  try {
    form = parse_query("?" + c.message.body());
  } catch (const std::invalid_argument& bad_form) {
    return error("INVALID_QUERY", bad_form.what());
  }
  const auto* new_password = find_parameter(form, "new_password");
  if (!new_password || new_password->empty())
    return error("MISSING_PARAMETER", "Missing required parameter new_password");
  const auto* username = find_parameter(form, "username");
  std::string const whose = username ? *username : c.caller;
  if (!controls(c.caller, whose) || accounts_.count(whose) == 0) {
    return error("ACCOUNT_UNPRIVILEGED", "Account " + whose + " is not yours or one of your sub-accounts");
  }
  accounts_[whose].password = *new_password;
  return no_content();
}

response cielo24_service::update_setting(call& c) {
  const auto* account_id = c["account_id"];
  std::string const whose = account_id ? *account_id : c.caller;
  if (!controls(c.caller, whose) || accounts_.count(whose) == 0) {
    return error("ACCOUNT_UNPRIVILEGED", "Account " + whose + " is not yours or one of your sub-accounts");
  }
  if (c["setting"]->empty()) return error("INVALID_OPTION", "The setting name is empty");
  accounts_[whose].settings[*c["setting"]] = *c["value"];
  return no_content();
}

response cielo24_service::generate_api_key(call& c) {
  const auto* account_id = c["account_id"];
  std::string const whose = account_id ? *account_id : c.caller;
  if (!controls(c.caller, whose) || accounts_.count(whose) == 0) {
    return error("ACCOUNT_UNPRIVILEGED", "Account " + whose + " is not yours or one of your sub-accounts");
  }
  auto& keys = accounts_[whose].api_keys;
  if (keys.empty() || is_true(c["force_new"])) keys.push_back(hex_id(0x4e7, ++ids_made_));
  return json_response(http::status::ok, boost::json::object{{"ApiKey", keys.back()}});
}

response cielo24_service::remove_api_key(call& c) {
  auto& keys = accounts_[c.caller].api_keys;
  auto found = std::find(keys.begin(), keys.end(), *c["api_securekey"]);
  if (found == keys.end()) return error("ITEM_NOT_FOUND", "No api key " + *c["api_securekey"] + " on this account");
  keys.erase(found);
  return no_content();
}

response cielo24_service::create_account(call& c) {
  const auto& username = *c["new_username"];
  if (username.empty() || c["new_password"]->empty()) {
    return error("INVALID_QUERY", "new_username and new_password must not be empty");
  }
  if (accounts_.count(username) != 0) return error("ACCOUNT_EXISTS", "An account " + username + " exists already");
  accounts_[username] = account{*c["new_password"], c.caller, {}, {}};
  return no_content();
}

// ---- jobs -------------------------------------------------------------------------------------

response cielo24_service::create_job(call& c) {
  std::string owner = c.caller;
  if (const auto* sub = c["username"]) {
    if (!controls(c.caller, *sub) || accounts_.count(*sub) == 0) {
      return error("ACCOUNT_UNPRIVILEGED", "Account " + *sub + " is not yours or one of your sub-accounts");
    }
    owner = *sub;
  }
  const auto* external_id = c["external_id"];
  if (external_id && !is_true(c["is_duplicate"])) {
    for (const auto& entry : jobs_) {
      if (entry.second.owner == owner && entry.second.external_id == *external_id) {
        return error("INVALID_QUERY", "A job with external_id " + *external_id + " exists; set is_duplicate=true");
      }
    }
  }
  auto& made = add_job(owner, std::string{authorizing});
  if (const auto* name = c["job_name"]) made.name = *name;
  if (external_id) made.external_id = *external_id;
  if (const auto* language = c["language"]) made.language = *language;
  return json_response(http::status::ok,
                       boost::json::object{{"JobId", made.id}, {"TaskId", hex_id(0, ++tasks_created_)}});
}

// The documentation: calling authorize on a job that is not Authorizing has no effect and succeeds.
response cielo24_service::authorize_job(call& c) {
  if (c.target->status == authorizing) {
    c.target->status = pending;
    c.target->authorized = clock_.now();
  }
  return no_content();
}

response cielo24_service::delete_job(call& c) {
  auto& target = *c.target;
  if (target.status != authorizing && target.status != pending) {
    return error("INVALID_QUERY",
                 "Job " + target.id + " has started processing (status " + target.status + ") and cannot be deleted");
  }
  std::error_code ignored;
  if (!target.media_file.empty()) std::filesystem::remove(target.media_file, ignored);
  jobs_.erase(target.id);
  c.target = nullptr;
  return task_answer(tasks_created_);
}

response cielo24_service::modify_job(call& c) {
  auto& target = *c.target;
  if (target.status != authorizing) {
    return error("INVALID_QUERY", "Job " + target.id + " is " + target.status + "; only an Authorizing job can change");
  }
  if (const auto* fidelity = c["transcription_fidelity"]) target.fidelity = *fidelity;
  if (const auto* priority = c["priority"]) target.priority = *priority;
  if (const auto* hours = c["turnaround_hours"]) target.turnaround_hours = std::stoll(*hours);
  return no_content();
}

namespace {

// Job info reports PREMIUM as STANDARD and PROFESSIONAL as HIGH, as the real service does.
std::string_view reported_fidelity(std::string_view fidelity) {
  if (fidelity == "PREMIUM") return "STANDARD";
  if (fidelity == "PROFESSIONAL") return "HIGH";
  return fidelity;
}

}  // namespace

response cielo24_service::job_info(call& c) {
  const auto& j = *c.target;
  boost::json::object info{{"JobId", j.id},
                           {"JobName", j.name},
                           {"JobStatus", j.status},
                           {"Fidelity", reported_fidelity(j.fidelity)},
                           {"Priority", j.priority},
                           {"SourceLanguage", j.language},
                           {"TargetLanguage", j.language},
                           {"CreationDate", clock_.date(j.created)},
                           {"JobDifficulty", "Unknown"}};
  if (!j.external_id.empty()) info["ExternalID"] = j.external_id;
  if (j.media != media_kind::none) info["MediaLengthSeconds"] = media_length_seconds();
  if (j.authorized) info["AuthorizationDate"] = clock_.date(*j.authorized);
  if (j.transcription_requested) {
    auto const requested = *j.transcription_requested;
    info["StartDate"] = clock_.date(requested);
    info["DueDate"] = clock_.date(requested + j.turnaround_hours * 3600);
    if (j.status == complete) {
      info["CompletedDate"] = clock_.date(requested + pending_seconds + processing_seconds);
      info["ReturnDate"] = info["CompletedDate"];
    }
  }
  return json_response(http::status::ok, info);
}

namespace {

boost::json::object list_entry(const std::string& id, const std::string& name, const std::string& status,
                               std::string_view fidelity, const std::string& priority, const std::string& external_id) {
  boost::json::object entry{{"JobId", id}, {"JobName", name}, {"JobStatus", status}, {"Fidelity", fidelity},
                            {"Priority", priority}};
  if (!external_id.empty()) entry["ExternalID"] = external_id;
  return entry;
}

}  // namespace

response cielo24_service::list_jobs(call& c) {
  boost::json::array active;
  const auto* status = c["JobStatus"];
  const auto* name = c["JobName"];
  const auto* external_id = c["ExternalID"];
  const auto* fidelity = c["Fidelity"];
  const auto* priority = c["Priority"];
  for (auto& entry : jobs_) {
    auto& j = entry.second;
    if (!controls(c.caller, j.owner)) continue;
    advance(j);
    if ((status && j.status != *status) || (name && j.name != *name) ||
        (external_id && j.external_id != *external_id) ||
        (fidelity && j.fidelity != *fidelity && reported_fidelity(j.fidelity) != *fidelity) ||
        (priority && j.priority != *priority)) {
      continue;
    }
    active.push_back(list_entry(j.id, j.name, j.status, reported_fidelity(j.fidelity), j.priority, j.external_id));
  }
  return json_response(http::status::ok,
                       boost::json::object{{"Username", c.caller}, {"ActiveJobs", std::move(active)}});
}

// The job it was made from, and the jobs made from it (translations, upleveled jobs).
response cielo24_service::list_related(call& c) {
  boost::json::array related;
  for (auto& entry : jobs_) {
    auto& j = entry.second;
    if (j.id == c.target->parent || j.parent == c.target->id) {
      advance(j);
      related.push_back(list_entry(j.id, j.name, j.status, reported_fidelity(j.fidelity), j.priority, j.external_id));
    }
  }
  return json_response(http::status::ok,
                       boost::json::object{{"Username", c.caller}, {"ActiveJobs", std::move(related)}});
}

response cielo24_service::add_media(call& c) {
  auto& target = *c.target;
  if (target.media != media_kind::none && !is_true(c["is_duplicate"])) {
    return error("INVALID_QUERY", "Job " + target.id + " has media already");
  }
  if (target.status != authorizing) {
    return error("INVALID_QUERY",
                 "Job " + target.id + " is " + target.status + "; media is added before the work starts");
  }
  if (const auto* url = c["media_url"]) {
    target.media = media_kind::url;
    target.media_url = *url;
    return task_answer(tasks_created_);
  }
  // The server streams every file-form body to disk (takes_upload): none arrives in memory.
  std::error_code failed;
  if (!c.upload || std::filesystem::file_size(*c.upload, failed) == 0 || failed) {
    return error("MISSING_PARAMETER", "Missing the media: the body is empty");
  }
  target.media_file = *c.upload;
  target.media = media_kind::file;
  target.media_url = site + "/media/" + target.id;
  return task_answer(tasks_created_);
}

response cielo24_service::add_media_url(call& c) { return add_media(c); }

response cielo24_service::add_transcript(call& c) {
  c.target->has_transcript = true;
  return task_answer(tasks_created_);
}

response cielo24_service::add_custom_guidelines(call&) {
  return json_response(http::status::ok, boost::json::object{{"Success", true}});
}

response cielo24_service::request_upload_url(call& c) {
  return json_response(http::status::ok,
                       boost::json::object{{"upload_url", site + "/upload/" + c.target->id + "/" + new_id()}});
}

response cielo24_service::perform_transcription(call& c) {
  auto& target = *c.target;
  if (target.media == media_kind::none)
    return error("INVALID_QUERY", "Job " + target.id + " has no media; add it first");
  if (target.transcription_requested) {
    return error("INVALID_QUERY", "Job " + target.id + " is already being transcribed (" + target.status + ")");
  }
  target.fidelity = *c["transcription_fidelity"];
  target.priority = *c["priority"];
  if (const auto* hours = c["turnaround_hours"]) target.turnaround_hours = std::stoll(*hours);
  target.status = pending;
  target.transcription_requested = clock_.now();
  if (!target.authorized) target.authorized = clock_.now();
  return task_answer(tasks_created_);
}

response cielo24_service::translate(call& c) {
  auto& source = *c.target;
  if (source.status != complete) {
    return error("INVALID_QUERY", "Job " + source.id + " is " + source.status + "; only a Complete job is translated");
  }
  boost::json::array made;
  std::string_view languages = *c["target_languages"];
  while (!languages.empty()) {
    auto language = languages.substr(0, languages.find(','));
    languages.remove_prefix(std::min(languages.size(), language.size() + 1));
    if (language.empty()) return error("INVALID_OPTION", "target_languages has an empty language");
    auto& translation = add_job(source.owner, std::string{pending});
    translation.name = source.name;
    translation.parent = source.id;
    translation.language = std::string{language};
    translation.media = source.media;
    translation.transcription_requested = clock_.now();
    made.push_back(boost::json::string{translation.id});
  }
  if (made.empty()) return error("MISSING_PARAMETER", "Missing required parameter target_languages");
  return json_response(http::status::created, boost::json::object{{"translation_job_ids", std::move(made)},
                                                                  {"message", "Translation requested"}});
}

response cielo24_service::uplevel(call& c) {
  auto& source = *c.target;
  if (source.status != complete) {
    return error("INVALID_QUERY", "Job " + source.id + " is " + source.status + "; only a Complete job is upleveled");
  }
  if (source.fidelity == "PROFESSIONAL") return error("INVALID_OPTION", "Job " + source.id + " is at the top fidelity");
  auto& upleveled = add_job(source.owner, std::string{pending});
  upleveled.name = source.name;
  upleveled.parent = source.id;
  upleveled.media = source.media;
  upleveled.fidelity = source.fidelity == "MECHANICAL" ? "PREMIUM" : "PROFESSIONAL";
  upleveled.transcription_requested = clock_.now();
  return json_response(http::status::created, boost::json::object{{"upleveled_job_id", upleveled.id},
                                                                  {"upleveled_workflow", upleveled.fidelity}});
}

namespace {

std::optional<response> not_complete(const std::string& id, const std::string& status, bool has_transcript) {
  if (has_transcript) return std::nullopt;
  return error("ITEM_NOT_FOUND", "Job " + id + " has no transcript yet (status " + status + ")");
}

}  // namespace

response cielo24_service::burn_in_caption(call& c) {
  if (auto refused = not_complete(c.target->id, c.target->status, c.target->has_transcript)) return *refused;
  if (c.target->media == media_kind::none) return error("INVALID_QUERY", "Job " + c.target->id + " has no media");
  return make_response(http::status::ok);
}

response cielo24_service::get_transcript(call& c) {
  if (auto refused = not_complete(c.target->id, c.target->status, c.target->has_transcript)) return *refused;
  return make_response(http::status::ok, text_media_type, transcript_text());
}

response cielo24_service::get_caption(call& c) {
  if (auto refused = not_complete(c.target->id, c.target->status, c.target->has_transcript)) return *refused;
  const auto& format = *c["caption_format"];
  if (is_true(c["build_url"])) {
    return json_response(http::status::ok,
                         boost::json::object{{"CaptionUrl", site + "/captions/" + c.target->id + "." + format}});
  }
  auto file = *caption_in(format);
  return make_response(http::status::ok, file.media_type, std::move(file.text));
}

response cielo24_service::get_element_list(call& c) {
  if (auto refused = not_complete(c.target->id, c.target->status, c.target->has_transcript)) return *refused;
  if (const auto* iwp = c["iwp_name"]; iwp && *iwp != "FINAL" && *iwp != "MECHANICAL") {
    return error("ITEM_NOT_FOUND", "No element list " + *iwp + " for job " + c.target->id);
  }
  return make_response(http::status::ok, json_media_type, element_list_json());
}

response cielo24_service::list_element_lists(call& c) {
  if (auto refused = not_complete(c.target->id, c.target->status, c.target->has_transcript)) return *refused;
  boost::json::array lists{boost::json::object{{"iwp_name", "MECHANICAL"}, {"version", clock_.date(clock_.now())}},
                           boost::json::object{{"iwp_name", "FINAL"}, {"version", clock_.date(clock_.now())}}};
  return json_response(http::status::ok, lists);
}

response cielo24_service::get_media(call& c) {
  if (c.target->media == media_kind::none) return error("ITEM_NOT_FOUND", "Job " + c.target->id + " has no media");
  return json_response(http::status::ok, boost::json::object{{"MediaUrl", c.target->media_url}});
}

// The only versions made are mp3 and mp4, once the job has media; anything else is 422.
response cielo24_service::get_transcoded_media(call& c) {
  if (c.target->media == media_kind::none) return error("ITEM_NOT_FOUND", "Job " + c.target->id + " has no media");
  const auto& version = *c["transcoded_version"];
  if (version != "mp3" && version != "mp4") {
    boost::json::object body{{"ErrorType", "ITEM_NOT_FOUND"}, {"ErrorComment", "No transcoded version " + version}};
    return json_response(http::status::unprocessable_entity, body);
  }
  return json_response(http::status::ok,
                       boost::json::object{{"MediaUrl", site + "/transcoded/" + c.target->id + "." + version}});
}

// The uploaded file itself, whichever type is asked for: the emulator transcodes nothing.
response cielo24_service::download_media(call& c) {
  if (c.target->media != media_kind::file) {
    return error("ITEM_NOT_FOUND", "Job " + c.target->id + " has no uploaded media to download");
  }
  std::ifstream file{c.target->media_file, std::ios::binary};
  std::string bytes{std::istreambuf_iterator<char>{file}, std::istreambuf_iterator<char>{}};
  return make_response(http::status::ok, *c["media_type"] == "mp3" ? "audio/mpeg" : "video/mp4", std::move(bytes));
}

response cielo24_service::aggregate_statistics(call& c) {
  std::int64_t jobs = 0;
  std::int64_t complete_jobs = 0;
  for (auto& entry : jobs_) {
    if (!controls(c.caller, entry.second.owner)) continue;
    advance(entry.second);
    ++jobs;
    if (entry.second.status == complete) ++complete_jobs;
  }
  boost::json::object row{{"jobs", jobs}, {"complete_jobs", complete_jobs}};
  if (const auto* group = c["group_by"]) row[*group] = clock_.date(clock_.now()).substr(0, 10);
  return json_response(http::status::ok, boost::json::object{{"data", boost::json::array{row}}});
}

}  // namespace emulator
