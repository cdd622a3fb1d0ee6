#include "cielo24_rules.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>

namespace emulator::cielo24 {

namespace {

using k = value_kind;

const std::vector<std::string_view> fidelities{"MECHANICAL", "PREMIUM", "PROFESSIONAL"};
const std::vector<std::string_view> priorities{"STANDARD", "PRIORITY", "CRITICAL"};
const std::vector<std::string_view> statuses{"Authorizing", "Pending",       "In Process",
                                             "Complete",    "Media Failure", "Reviewing"};
const std::vector<std::string_view> caption_formats{"DFXP", "ECHO", "QT",  "SAMI",       "SBV",    "SCC",
                                                    "SRT",  "TPM",  "TWX", "TRANSCRIPT", "WEB_VTT"};

// Any text: a token or job id of the wrong shape is simply not found (BAD_API_TOKEN,
// ITEM_NOT_FOUND), which is what the seed endpoints have always answered.
const parameter_rule token{"api_token", k::text, true};
const parameter_rule job{"job_id", k::text, true};

std::vector<route_rule> make_rules() {
  auto job_route = [](std::string_view path, std::vector<parameter_rule> more = {}, bool versioned = true) {
    std::vector<parameter_rule> all{token, job};
    all.insert(all.end(), more.begin(), more.end());
    return route_rule{path, versioned, std::move(all)};
  };
  return {
      {"/api/account/login", true, {{"username", k::text, true}, {"password", k::text}, {"securekey", k::hex}}},
      {"/api/account/logout", true, {token}},
      {"/api/account/update_password", true, {token}},
      {"/api/account/update_setting",
       true,
       {token, {"setting", k::text, true}, {"value", k::text, true}, {"account_id"}}},
      {"/api/account/generate_api_key", true, {token, {"force_new", k::boolean}, {"account_id"}}},
      {"/api/account/remove_api_key", true, {token, {"api_securekey", k::hex, true}}},
      {"/api/account/create", true, {token, {"new_username", k::text, true}, {"new_password", k::text, true}}},
      {"/api/job/new",
       true,
       {token,
        {"job_name"},
        {"language"},
        {"external_id"},
        {"username"},
        {"is_duplicate", k::boolean},
        {"requestor"},
        {"reference"},
        {"expected_speakers", k::integer}}},
      job_route("/api/job/authorize"),
      job_route("/api/job/delete"),
      job_route("/api/job/modify", {{"transcription_fidelity", k::one_of, false, fidelities},
                                    {"turnaround_hours", k::integer},
                                    {"priority", k::one_of, false, priorities},
                                    {"callback_url", k::url},
                                    {"notes"}}),
      job_route("/api/job/info"),
      {"/api/job/list",
       true,
       {token,
        {"JobStatus", k::one_of, false, statuses},
        {"Fidelity", k::one_of, false, {"MECHANICAL", "PREMIUM", "PROFESSIONAL", "STANDARD", "HIGH"}},
        {"Priority", k::one_of, false, priorities},
        {"TurnaroundTimeHoursFrom", k::integer},
        {"TurnaroundTimeHoursTo", k::integer},
        {"JobDifficulty", k::one_of, false, {"Good", "Bad", "Unknown"}}}},
      job_route("/api/job/list_related", {}, false),
      // The URL form; the file form (POST with the media as body) has no media_url and is told
      // apart by the service before the rule is asked.
      job_route("/api/job/add_media", {{"media_url", k::url, true}, {"is_duplicate", k::boolean}}),
      job_route("/api/job/add_media_url", {{"media_url", k::url, true}}),
      job_route("/api/job/add_transcript",
                {{"format", k::one_of, true, {"text", "srt", "vtt", "dfxp"}}, {"transcript_url", k::url, true}}),
      job_route("/api/job/add_custom_guidelines", {{"guidelines_url", k::url, true}, {"is_html", k::boolean}}, false),
      job_route("/api/job/request_upload_url"),
      job_route("/api/job/perform_transcription", {{"transcription_fidelity", k::one_of, true, fidelities},
                                                   {"priority", k::one_of, true, priorities},
                                                   {"callback_url", k::url},
                                                   {"options", k::json_object},
                                                   {"target_language"},
                                                   {"turnaround_hours", k::integer},
                                                   {"standard_product"}}),
      job_route("/api/job/translate", {{"target_languages", k::text, true}, {"approve_uplevel", k::boolean}}, false),
      job_route("/api/job/uplevel", {{"speaker_id", k::boolean}, {"priority", k::one_of, false, priorities}}, false),
      job_route("/api/job/burn_in_caption", {{"send_to_email"}}),
      job_route("/api/job/get_transcript"),
      job_route("/api/job/get_caption",
                {{"caption_format", k::one_of, true, caption_formats}, {"build_url", k::boolean}}),
      job_route("/api/job/get_elementlist", {{"elementlist_version"}, {"iwp_name"}}),
      job_route("/api/job/list_elementlists"),
      job_route("/api/job/media"),
      job_route("/api/job/transcoded_media", {{"transcoded_version", k::text, true}}),
      job_route("/api/job/download_media", {{"media_type", k::one_of, true, {"mp3", "mp4"}}}, false),
      {"/api/job/aggregate_statistics",
       true,
       {token,
        {"metrics"},
        {"group_by", k::one_of, false, {"day", "week", "month"}},
        {"start_date"},
        {"end_date"},
        {"account_id"}}},
  };
}

bool all_of(std::string_view text, bool (*accepted)(char)) {
  return !text.empty() && std::all_of(text.begin(), text.end(), accepted);
}

bool is_hex_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_url(std::string_view text) {
  for (std::string_view scheme : {"http://", "https://"}) {
    if (text.substr(0, scheme.size()) == scheme) {
      auto host = text.substr(scheme.size());
      host = host.substr(0, host.find('/'));
      return !host.empty() && host.find(' ') == std::string_view::npos;
    }
  }
  return false;
}

bool is_json_object(const std::string& text) {
  boost::json::error_code failed;
  auto value = boost::json::parse(text, failed);
  return !failed && value.is_object();
}

std::optional<refusal> check_value(const parameter_rule& rule, const std::string& value) {
  auto refuse = [&](std::string_view type, std::string_view what) {
    return refusal{type, "Parameter " + std::string{rule.name} + " must be " + std::string{what} + ", not '" + value +
                             "'"};
  };
  switch (rule.kind) {
    case value_kind::text: return std::nullopt;
    case value_kind::hex:
      if (!all_of(value, is_hex_digit)) return refuse("INVALID_QUERY", "a hex string");
      return std::nullopt;
    case value_kind::boolean:
      if (value != "true" && value != "false") return refuse("INVALID_QUERY", "true or false");
      return std::nullopt;
    case value_kind::integer: {
      std::string_view digits = value;
      if (!digits.empty() && digits.front() == '-') digits.remove_prefix(1);
      // Nine digits at most: every count and hour the API takes fits an int.
      if (!all_of(digits, is_digit) || digits.size() > 9) {
        return refuse("INVALID_QUERY", "an integer of 9 digits at most");
      }
      return std::nullopt;
    }
    case value_kind::url:
      if (!is_url(value)) return refuse("INVALID_URL", "an http or https URL");
      return std::nullopt;
    case value_kind::one_of: {
      if (std::find(rule.allowed.begin(), rule.allowed.end(), value) != rule.allowed.end()) return std::nullopt;
      std::string names;
      for (auto name : rule.allowed) names += (names.empty() ? "" : ", ") + std::string{name};
      return refuse("INVALID_OPTION", "one of " + names);
    }
    case value_kind::json_object:
      if (!is_json_object(value)) return refuse("INVALID_QUERY", "a JSON object");
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

const std::vector<route_rule>& all_rules() {
  static const std::vector<route_rule> rules = make_rules();
  return rules;
}

const route_rule* rule_for(std::string_view path) {
  const auto& rules = all_rules();
  auto found = std::find_if(rules.begin(), rules.end(), [&](const route_rule& rule) { return rule.path == path; });
  return found == rules.end() ? nullptr : &*found;
}

std::optional<refusal> check_presence(const route_rule& rule, const parameters& query) {
  if (rule.versioned) {
    if (auto version = find_parameter(query, "v"); !version || *version != "1") {
      return refusal{"INVALID_QUERY", "The API version v must be 1"};
    }
  }
  for (const auto& parameter : rule.parameters) {
    if (parameter.required && !find_parameter(query, parameter.name)) {
      return refusal{"MISSING_PARAMETER", "Missing required parameter " + std::string{parameter.name}};
    }
  }
  return std::nullopt;
}

std::optional<refusal> check_values(const route_rule& rule, const parameters& query) {
  for (const auto& parameter : rule.parameters) {
    if (auto value = find_parameter(query, parameter.name)) {
      if (auto refused = check_value(parameter, *value)) return refused;
    }
  }
  return std::nullopt;
}

}  // namespace emulator::cielo24
