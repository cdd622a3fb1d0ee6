#include "ondemand.hpp"

#include "lod1_auth.hpp"
#include "ondemand_xml.hpp"
#include "query.hpp"
#include "seed_quotes.hpp"

#include <boost/beast/core/string.hpp>

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace emulator {

using namespace ondemand_xml;
using lod1::key_id;
using seed_quotes::quote_id_in;

namespace {

/// The path's segments after `/api/`, or nothing for a path outside it.
std::vector<std::string_view> segments_of(std::string_view path) {
  constexpr std::string_view api = "/api/";
  if (path.substr(0, api.size()) != api) return {};
  path.remove_prefix(api.size());
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    auto part = path.substr(0, path.find('/'));
    parts.push_back(part);
    path.remove_prefix(std::min(path.size(), part.size() + 1));
  }
  return parts;
}

/// The routes, by their first segment and number of segments: enough to tell every endpoint apart.
bool is_route(const std::vector<std::string_view>& p) {
  if (p.empty()) return false;
  auto const n = p.size();
  if (p[0] == "account")
    return (n == 2 && (p[1] == "info" || p[1] == "create")) || (n == 3 && p[1] == "credit-balance" && p[2] == "add");
  if (p[0] == "services" || p[0] == "projects") return n <= 2;
  if (p[0] == "locales" || p[0] == "terms" || p[0] == "estimate") return n == 1;
  if (p[0] == "products") return n <= 3;
  if (p[0] == "files")
    return n <= 3 || (n == 4 && (p[1] == "add" || p[1] == "add_by_reference" || p[3] == "accept" || p[3] == "reject"));
  if (p[0] == "quote")
    return n <= 2 || (n == 3 && (p[2] == "authorize" || p[2] == "reject" || p[2] == "request-cancellation"));
  return false;
}

std::string percent_decoded(std::string_view text) {
  try {
    auto query = parse_query("?x=" + std::string{text});
    return *find_parameter(query, "x");
  } catch (const std::invalid_argument&) {
    return std::string{text};
  }
}

struct known_locale {
  std::string_view code;
  std::string_view name;
};
constexpr std::array locales{known_locale{"en-us", "English (US)"}, known_locale{"en-gb", "English (UK)"},
                             known_locale{"fr-fr", "French (France)"}, known_locale{"de-de", "German (Germany)"},
                             known_locale{"it-it", "Italian (Italy)"}, known_locale{"es-es", "Spanish (Spain)"}};

bool is_locale(std::string_view code) {
  return std::any_of(locales.begin(), locales.end(), [&](const known_locale& l) { return l.code == code; });
}

struct known_service {
  std::string_view id;
  std::string_view name;
  std::string_view description;
};
constexpr std::array services{
    known_service{"112", "Document Translation", "Files translated by professional translators"},
    known_service{"54", "Product Translation", "Product titles and descriptions"}};

const known_service* service_named(std::string_view id) {
  auto found = std::find_if(services.begin(), services.end(), [&](const known_service& s) { return s.id == id; });
  return found == services.end() ? nullptr : &*found;
}

// Amounts are kept in cents and written with two decimals.
std::string cents_text(std::int64_t cents) {
  char text[32];
  std::snprintf(text, sizeof text, "%lld.%02lld", static_cast<long long>(cents / 100),
                static_cast<long long>(cents % 100));
  return text;
}

/// A positive amount with at most two decimals, in cents.
std::optional<std::int64_t> parse_cents(std::string_view text) {
  auto dot = text.find('.');
  auto whole = text.substr(0, dot);
  auto fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (!is_number(whole) || whole.size() > 9 || fraction.size() > 2 ||
      (dot != std::string_view::npos && !is_number(fraction))) {
    return std::nullopt;
  }
  std::int64_t cents = std::stoll(std::string{whole}) * 100;
  if (!fraction.empty()) cents += std::stoll(std::string{fraction}) * (fraction.size() == 1 ? 10 : 1);
  if (cents <= 0) return std::nullopt;
  return cents;
}

// onDemand writes dates in UTC with a Z.
std::string utc(std::int64_t at) { return emulator_clock::date(at) + 'Z'; }

std::size_t words_in(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    bool const space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Quotes take a minute to price; an authorized project five minutes to translate.
constexpr std::int64_t pricing_seconds = 60;
constexpr std::int64_t translation_seconds = 300;

response not_found(std::string_view what) {
  return error(http::status::not_found, miscellaneous, "Not found",
               std::string{what} + " does not belong to this merchant");
}

response bad_request(std::string_view detail) {
  return error(http::status::bad_request, parsing_failed, "Parsing failed", detail);
}

/// What is wrong with a quote's or project's service and languages, if anything.
std::optional<response> language_failure(const std::string& service_id, const std::string& source,
                                         const std::vector<std::string>& targets) {
  if (!service_named(service_id)) return bad_request("Unknown ServiceID '" + service_id + "'");
  if (!is_locale(source)) return bad_request("Unknown SourceLanguage '" + source + "'");
  if (targets.empty()) return bad_request("TargetLanguages is empty");
  for (const auto& target : targets) {
    if (!is_locale(target) || target == source) return bad_request("Target language '" + target + "' is not valid");
  }
  return std::nullopt;
}

void append_file(pugi::xml_node parent, const std::string& asset_id, const std::string& name,
                 const std::string& language, std::int64_t uploaded) {
  auto file = parent.append_child("File");
  append_text(file, "AssetID", asset_id);
  append_text(file, "Status", "Analyzed");
  append_text(file, "FileName", name);
  append_text(file.append_child("SourceLanguage"), "LanguageCode", language);
  append_text(file, "UploadDate", utc(uploaded));
}

}  // namespace

ondemand_service::ondemand_service(const emulator_clock& clock) : clock_{clock} { reset(); }

bool ondemand_service::serves(std::string_view path) { return quote_id_in(path) || is_route(segments_of(path)); }

bool ondemand_service::claims(const request& message, bool cielo24_has_path) {
  auto path = target_path(message.target());
  if (!serves(path)) return false;
  if (!cielo24_has_path) return true;
  return lod1::carries_signature(message);
}

bool ondemand_service::is_authorize(std::string_view path) { return quote_id_in(path).has_value(); }

void ondemand_service::reset() {
  files_.clear();
  quotes_.clear();
  projects_.clear();
  next_asset_ = 5001;
  next_quote_ = 1001;
  next_project_ = 2001;
  account_emails_ = {"merchant@example.com"};
  balance_cents_ = 11899;
  rate_limit_ = 0;
  minute_counts_.clear();
  project_minute_counts_.clear();
}

void ondemand_service::limit_rate(std::uint64_t per_minute) {
  rate_limit_ = per_minute;
  minute_counts_.clear();
  project_minute_counts_.clear();
}

std::optional<response> ondemand_service::over_limit(std::string_view key, minute_table& counts, std::uint64_t limit) {
  if (rate_limit_ == 0) return std::nullopt;
  auto const minute = clock_.now() / 60;
  auto& [counted_minute, count] = counts[std::string{key}];
  if (counted_minute != minute) {
    counted_minute = minute;
    count = 0;
  }
  if (++count <= limit) return std::nullopt;
  auto refused = make_response(http::status::too_many_requests);
  refused.set(http::field::retry_after, std::to_string((minute + 1) * 60 - clock_.now()));
  return refused;
}

response ondemand_service::handle(const request& message) {
  auto path = target_path(message.target());
  auto method = message.method();
  if (auto failure = lod1::authentication_failure(message)) return *failure;
  if (auto refused = over_limit(key_id, minute_counts_, rate_limit_)) return *refused;
  if (auto seed_quote = quote_id_in(path)) {
    if (method != http::verb::post) return method_not_allowed("POST");
    if (auto failure = seed_quotes::quote_body_failure(message, *seed_quote)) return *failure;
    return quotes_.count(*seed_quote) ? authorize_quote(message, *seed_quote) : seed_quotes::authorize_seed(*seed_quote);
  }
  auto p = segments_of(path);
  auto const n = p.size();
  auto get_only = [&](auto&& answer) { return method == http::verb::get ? answer() : method_not_allowed("GET"); };
  auto post_only = [&](auto&& answer) { return method == http::verb::post ? answer() : method_not_allowed("POST"); };
  if (p[0] == "account") {
    if (n == 3) return post_only([&] { return add_credit(message); });
    if (p[1] == "create") return post_only([&] { return create_account(message); });
    return get_only([&] { return account_info(); });
  }
  if (p[0] == "estimate") return get_only([&] { return estimate(message); });
  if (p[0] == "products") {
    if (n == 1) return get_only([&] { return list_products(); });
    return get_only([&] { return get_product(p[1], n == 3 ? p[2] : std::string_view{}); });
  }
  if (p[0] == "services") return get_only([&] { return n == 1 ? list_services() : get_service(p[1]); });
  if (p[0] == "locales") return get_only([&] { return list_locales(); });
  if (p[0] == "terms") return get_only([&] { return get_terms(); });
  if (p[0] == "files") {
    if (n == 4 && p[1] == "add") return post_only([&] { return add_file(message, p[2], p[3]); });
    if (n == 4 && p[1] == "add_by_reference") {
      return post_only([&] { return add_file_by_reference(message, p[2], p[3]); });
    }
    if (n == 4) return post_only([&] { return judge_translation(message, p[1], p[2], p[3] == "accept"); });
    if (n == 1) return get_only([&] { return list_files(); });
    if (n == 2) return get_only([&] { return file_bytes(message, p[1]); });
    if (p[2] == "details") return get_only([&] { return file_details(p[1]); });
    return get_only([&] { return file_translation(p[1], p[2]); });
  }
  if (p[0] == "quote") {
    if (n == 1) return get_only([&] { return list_quotes(); });
    if (n == 2 && p[1] == "generate") return post_only([&] { return generate_quote(message); });
    if (n == 2) return get_only([&] { return get_quote(p[1]); });
    if (p[2] == "request-cancellation") return post_only([&] { return request_cancellation(message, p[1]); });
    return post_only([&] { return reject_quote(p[1]); });
  }
  if (n == 1) return get_only([&] { return list_projects(); });
  if (p[1] == "add") return post_only([&] { return add_project(message); });
  return get_only([&] { return get_project(p[1]); });
}

response ondemand_service::account_info() const {
  pugi::xml_document body;
  auto account = body.append_child("Account");
  append_text(account, "Email", "merchant@example.com");
  append_text(account, "CreditBalance", cents_text(balance_cents_));
  append_text(account, "Currency", "EUR");
  // An empty Errors: the library's Account (apis/ondemand/account.hpp) requires the element,
  // though a successful answer need not carry it (reported; the real service's example is not at hand).
  account.append_child("Errors");
  return xml_response(http::status::ok, body);
}

response ondemand_service::list_services() const {
  pugi::xml_document body;
  auto list = body.append_child("Services");
  for (const auto& known : services) {
    auto service = list.append_child("Service");
    append_text(service, "ServiceID", known.id);
    append_text(service, "Name", known.name);
    append_text(service, "Description", known.description);
  }
  return xml_response(http::status::ok, body);
}

response ondemand_service::get_service(std::string_view id) const {
  const auto* known = service_named(id);
  if (!known) return not_found("Service " + std::string{id});
  pugi::xml_document body;
  auto service = body.append_child("Service");
  append_text(service, "ServiceID", known->id);
  append_text(service, "Name", known->name);
  append_text(service, "Description", known->description);
  return xml_response(http::status::ok, body);
}

response ondemand_service::list_locales() const {
  pugi::xml_document body;
  auto list = body.append_child("Locales");
  for (const auto& known : locales) {
    auto locale = list.append_child("Locale");
    append_text(locale, "Name", known.name);
    append_text(locale, "Code", known.code);
  }
  return xml_response(http::status::ok, body);
}

response ondemand_service::get_terms() const {
  pugi::xml_document body;
  append_text(body.append_child("TermsAndConditions"), "Terms",
              "These are the emulator's terms: nothing is translated and nothing is billed.");
  return xml_response(http::status::ok, body);
}

response ondemand_service::add_file(const request& message, std::string_view language, std::string_view name) {
  if (!is_locale(language)) return bad_request("Unknown language " + std::string{language} + "; see /api/locales");
  auto file_name = percent_decoded(name);
  if (file_name.empty() || file_name.find('/') != std::string::npos) return bad_request("The file name is not valid");
  if (message.body().empty()) return bad_request("The file is empty");
  auto asset_id = std::to_string(next_asset_++);
  files_[asset_id] = stored_file{asset_id, file_name, std::string{language}, message.body(), clock_.now()};
  pugi::xml_document body;
  append_file(body, asset_id, file_name, std::string{language}, clock_.now());
  return xml_response(http::status::created, body);
}

response ondemand_service::list_files() const {
  pugi::xml_document body;
  auto list = body.append_child("Files");
  for (const auto& [id, f] : files_) append_file(list, id, f.name, f.language, f.uploaded);
  return xml_response(http::status::ok, body);
}

response ondemand_service::file_details(std::string_view asset_id) const {
  auto found = files_.find(asset_id);
  if (found == files_.end()) return not_found("File " + std::string{asset_id});
  pugi::xml_document body;
  append_file(body, found->first, found->second.name, found->second.language, found->second.uploaded);
  return xml_response(http::status::ok, body);
}

// `Range: bytes=FIRST-LAST` answers 206 with those bytes; a range past the end, 416.
response ondemand_service::file_bytes(const request& message, std::string_view asset_id) const {
  auto found = files_.find(asset_id);
  if (found == files_.end()) return not_found("File " + std::string{asset_id});
  const auto& bytes = found->second.bytes;
  auto range = message[http::field::range];
  if (range.empty()) return make_response(http::status::ok, "application/octet-stream", bytes);
  constexpr std::string_view unit = "bytes=";
  auto dash = range.find('-');
  auto const is_offset = [](std::string_view digits) { return is_number(digits) && digits.size() <= 18; };
  if (range.substr(0, unit.size()) != unit || dash == std::string_view::npos ||
      !is_offset(range.substr(unit.size(), dash - unit.size())) || !is_offset(range.substr(dash + 1))) {
    return bad_request("Range must read bytes=FIRST-LAST");
  }
  auto first = std::stoull(std::string{range.substr(unit.size(), dash - unit.size())});
  auto last = std::min<unsigned long long>(std::stoull(std::string{range.substr(dash + 1)}), bytes.size() - 1);
  if (first >= bytes.size() || first > last) return make_response(http::status::range_not_satisfiable);
  auto part = make_response(http::status::partial_content, "application/octet-stream",
                            bytes.substr(first, last - first + 1));
  part.set(http::field::content_range,
           "bytes " + std::to_string(first) + '-' + std::to_string(last) + '/' + std::to_string(bytes.size()));
  return part;
}

// The translation of a file is its text with the language in front, once its project is Complete.
response ondemand_service::file_translation(std::string_view asset_id, std::string_view language) {
  auto found = files_.find(asset_id);
  if (found == files_.end()) return not_found("File " + std::string{asset_id});
  for (auto& [id, project] : projects_) {
    bool const covers =
        std::find(project.asset_ids.begin(), project.asset_ids.end(), asset_id) != project.asset_ids.end() &&
        std::find(project.targets.begin(), project.targets.end(), language) != project.targets.end();
    if (covers && project_status(project) == "Complete") {
      return make_response(http::status::ok, "application/octet-stream",
                           "[" + std::string{language} + "] " + found->second.bytes);
    }
  }
  return not_found("A translation of file " + std::string{asset_id} + " into " + std::string{language});
}

void ondemand_service::advance(made_quote& quote) const {
  if (quote.status == "Calculating" && clock_.now() - quote.created >= pricing_seconds) quote.status = "Pending";
}

// 0.10 EUR a word a language: the same quote always costs the same.
std::string ondemand_service::cost_of(const made_quote& quote) const {
  std::size_t words = 0;
  for (const auto& asset : quote.asset_ids) words += words_in(files_.at(asset).bytes);
  return cents_text(static_cast<std::int64_t>(words * quote.targets.size() * 10));
}

std::string ondemand_service::project_status(const made_project& project) const {
  if (clock_.now() - project.started >= translation_seconds) return "Complete";
  return project.cancellation_requested ? "Cancellation Requested" : "In Progress";
}

namespace {

// The 2015 quote: service and languages in Projects/Project, amounts empty while Calculating.
void append_quote_xml(pugi::xml_node parent, const std::string& id, std::int64_t created, const std::string& status,
                      const std::string& cost, const std::string& service_id, const std::string& source,
                      const std::vector<std::string>& targets, const std::vector<std::string>& asset_ids,
                      const std::vector<std::string>& project_ids) {
  auto quote = parent.append_child("Quote");
  append_text(quote, "QuoteID", id);
  append_text(quote, "CreationDate", utc(created));
  append_text(quote, "Status", status);
  append_text(quote, "AuthorizeURL", site + "/api/quote/" + id + "/authorize");
  append_text(quote, "RejectURL", site + "/api/quote/" + id + "/reject");
  append_text(quote, "TotalTranslations", std::to_string(asset_ids.size() * targets.size()));
  append_text(quote, "TranslationCredit", "0");
  bool const priced = status != "Calculating";
  append_text(quote, "TotalCost", priced ? cost : "");
  append_text(quote, "PrepaidCredit", priced ? "0.00" : "");
  append_text(quote, "AmountDue", priced ? cost : "");
  append_text(quote, "Currency", "EUR");
  auto project = quote.append_child("Projects").append_child("Project");
  if (!project_ids.empty()) append_text(project, "ProjectID", project_ids.front());
  append_text(project, "ServiceID", service_id);
  append_text(project.append_child("SourceLanguage"), "LanguageCode", source);
  auto languages = project.append_child("TargetLanguages");
  for (const auto& target : targets) append_text(languages.append_child("TargetLanguage"), "LanguageCode", target);
  auto files = project.append_child("Files");
  for (const auto& asset : asset_ids) append_text(files.append_child("File"), "AssetID", asset);
}

}  // namespace

response ondemand_service::generate_quote(const request& message) {
  auto media_type = message[http::field::content_type];
  if (!boost::beast::iequals(media_type.substr(0, media_type.find(';')), xml_media_type)) {
    return bad_request("Content-Type must be text/xml");
  }
  pugi::xml_document request_body;
  if (!request_body.load_buffer(message.body().data(), message.body().size()) ||
      std::string_view{request_body.document_element().name()} != "Quote") {
    return bad_request("The body must be a Quote in XML");
  }
  auto quote = request_body.document_element();
  auto options = quote.child("TranslationOptions");
  made_quote made;
  made.service_id = options.child("ServiceID").text().get();
  made.source = options.child("SourceLanguage").child("LanguageCode").text().get();
  for (auto target : options.child("TargetLanguages").children("TargetLanguage")) {
    made.targets.emplace_back(target.child("LanguageCode").text().get());
  }
  for (auto file : quote.child("Files").children("File"))
    made.asset_ids.emplace_back(file.child("AssetID").text().get());
  if (auto refused = language_failure(made.service_id, made.source, made.targets)) return *refused;
  if (made.asset_ids.empty()) return bad_request("Give the Files to translate (by AssetID)");
  for (const auto& asset : made.asset_ids) {
    if (!files_.count(asset)) return bad_request("No file " + asset + " belongs to this merchant");
  }
  made.id = std::to_string(next_quote_++);
  made.created = clock_.now();
  made.status = "Calculating";
  auto& stored = quotes_[made.id] = std::move(made);
  pugi::xml_document body;
  append_quote_xml(body, stored.id, stored.created, stored.status, cost_of(stored), stored.service_id, stored.source,
                   stored.targets, stored.asset_ids, stored.project_ids);
  return xml_response(http::status::created, body);
}

response ondemand_service::get_quote(std::string_view id) {
  auto found = quotes_.find(id);
  if (found == quotes_.end()) return not_found("Quote " + std::string{id});
  auto& q = found->second;
  advance(q);
  pugi::xml_document body;
  append_quote_xml(body, q.id, q.created, q.status, cost_of(q), q.service_id, q.source, q.targets, q.asset_ids,
                   q.project_ids);
  return xml_response(http::status::ok, body);
}

response ondemand_service::list_quotes() {
  pugi::xml_document body;
  auto list = body.append_child("Quotes");
  for (auto& [id, q] : quotes_) {
    advance(q);
    append_quote_xml(list, q.id, q.created, q.status, cost_of(q), q.service_id, q.source, q.targets, q.asset_ids,
                     q.project_ids);
  }
  return xml_response(http::status::ok, body);
}

// Only a quote not yet authorized can be rejected; rejecting it again changes nothing.
response ondemand_service::reject_quote(std::string_view id) {
  auto found = quotes_.find(id);
  if (found == quotes_.end()) return not_found("Quote " + std::string{id});
  auto& q = found->second;
  advance(q);
  if (q.status == "Authorized") {
    return error(http::status::conflict, miscellaneous, "Quote authorized", "Quote " + q.id + " is authorized already");
  }
  q.status = "Rejected";
  return make_response(http::status::ok);
}

response ondemand_service::authorize_quote(const request&, std::string_view id) {
  auto& q = quotes_.find(id)->second;
  advance(q);
  if (q.status == "Calculating") {
    return error(http::status::method_not_allowed, quote_not_ready, "Quote not ready",
                 "The price of quote " + q.id + " is not set yet");
  }
  if (q.status == "Rejected") {
    return error(http::status::bad_request, miscellaneous, "Quote rejected", "Quote " + q.id + " was rejected");
  }
  if (q.status == "Pending") {
    auto project_id = std::to_string(next_project_++);
    projects_[project_id] =
        made_project{project_id, q.id, clock_.now(), q.service_id, q.source, q.targets, q.asset_ids, false};
    q.project_ids.push_back(project_id);
    q.status = "Authorized";
  }
  const auto& project = projects_.at(q.project_ids.front());
  return seed_quotes::quote_authorization(http::status::accepted, q.id, false,
                             {{project.id, utc(project.started + translation_seconds), q.asset_ids}});
}

namespace {

void append_project_xml(pugi::xml_node parent, const std::string& id, const std::string& status,
                        std::int64_t started, const std::string& service_id, const std::string& source,
                        const std::vector<std::string>& targets, const std::vector<std::string>& asset_ids) {
  auto project = parent.append_child("Project");
  append_text(project, "ProjectID", id);
  append_text(project, "Status", status);
  append_text(project, "ProjectURL", site + "/api/projects/" + id);
  append_text(project, "ServiceID", service_id);
  append_text(project.append_child("SourceLanguage"), "LanguageCode", source);
  auto languages = project.append_child("TargetLanguages");
  for (const auto& target : targets) append_text(languages.append_child("TargetLanguage"), "LanguageCode", target);
  append_text(project, "CreationDate", utc(started));
  append_text(project, "DueDate", utc(started + translation_seconds));
  auto files = project.append_child("Files");
  for (const auto& asset : asset_ids) append_text(files.append_child("File"), "AssetID", asset);
}

}  // namespace

response ondemand_service::list_projects() {
  pugi::xml_document body;
  auto list = body.append_child("Projects");
  for (const auto& [id, project] : projects_) {
    append_project_xml(list, id, project_status(project), project.started, project.service_id, project.source,
                       project.targets, project.asset_ids);
  }
  return xml_response(http::status::ok, body);
}

response ondemand_service::get_project(std::string_view id) {
  auto found = projects_.find(id);
  if (found == projects_.end()) return not_found("Project " + std::string{id});
  const auto& project = found->second;
  pugi::xml_document body;
  append_project_xml(body, project.id, project_status(project), project.started, project.service_id, project.source,
                     project.targets, project.asset_ids);
  return xml_response(http::status::ok, body);
}

namespace {

/// The XML body of a request, or nothing when it is not XML with the given root (or not text/xml).
std::optional<pugi::xml_document> xml_body(const request& message, std::string_view root) {
  auto media_type = message[http::field::content_type];
  if (!boost::beast::iequals(media_type.substr(0, media_type.find(';')), xml_media_type)) return std::nullopt;
  std::optional<pugi::xml_document> document{std::in_place};
  if (!document->load_buffer(message.body().data(), message.body().size()) ||
      std::string_view{document->document_element().name()} != root) {
    return std::nullopt;
  }
  return document;
}

bool is_2016(const request& message) { return message["x-lod-version"] == "2016-03-15"; }

}  // namespace

// A refused creation is an Account too, Status "Not Created", with its reasons in Errors.
response ondemand_service::create_account(const request& message) {
  auto document = xml_body(message, "Account");
  if (!document) return bad_request("The body must be an Account in XML (text/xml)");
  std::string email = document->document_element().child("Email").text().get();
  pugi::xml_document body;
  auto account = body.append_child("Account");
  auto refuse = [&](int reason, std::string_view simple, std::string_view detail) {
    append_text(account, "Status", "Not Created");
    append_text(account, "Email", email);
    auto failure = account.append_child("Errors").append_child("Error");
    append_text(failure, "ReasonCode", std::to_string(reason));
    append_text(failure, "SimpleMessage", simple);
    append_text(failure, "DetailedMessage", detail);
    return xml_response(http::status::bad_request, body);
  };
  if (email.find('@') == std::string::npos) return refuse(miscellaneous, "Invalid email", "Email must be an address");
  if (std::find(account_emails_.begin(), account_emails_.end(), email) != account_emails_.end()) {
    return refuse(100, "User already exists", "An account with email " + email + " exists");
  }
  account_emails_.push_back(email);
  append_text(account, "Status", "Created");
  append_text(account, "Email", email);
  append_text(account, "CreditBalance", "0.00");
  append_text(account, "Currency", "EUR");
  account.append_child("Errors");
  return xml_response(http::status::created, body);
}

response ondemand_service::add_credit(const request& message) {
  auto document = xml_body(message, "PrepaidCredit");
  if (!document) return bad_request("The body must be a PrepaidCredit in XML (text/xml)");
  auto credit = document->document_element();
  auto amount = parse_cents(credit.child("Amount").text().get());
  if (!amount) return bad_request("Amount must be a positive amount with at most two decimals");
  if (std::string_view{credit.child("Currency").text().get()} != "EUR") {
    return error(http::status::bad_request, miscellaneous, "Wrong currency", "The account's currency is EUR");
  }
  balance_cents_ += *amount;
  return account_info();
}

// 0.10 EUR a unit a language, like the quotes.
response ondemand_service::estimate(const request& message) const {
  parameters query;
  try {
    query = parse_query(message.target());
  } catch (const std::invalid_argument& bad_query) {
    return bad_request(bad_query.what());
  }
  for (std::string_view name : {"service_id", "unit_count", "source_lang", "target_langs"}) {
    if (!find_parameter(query, name)) return bad_request("Missing parameter " + std::string{name});
  }
  if (!service_named(*find_parameter(query, "service_id"))) return bad_request("Unknown service_id");
  const auto& units = *find_parameter(query, "unit_count");
  if (!is_number(units) || units.size() > 9 || std::stoll(units) == 0)
    return bad_request("unit_count must be a positive integer");
  if (!is_locale(*find_parameter(query, "source_lang"))) return bad_request("Unknown source_lang");
  std::int64_t languages = 0;
  std::string_view targets = *find_parameter(query, "target_langs");
  while (!targets.empty()) {
    auto target = targets.substr(0, targets.find(','));
    targets.remove_prefix(std::min(targets.size(), target.size() + 1));
    if (!is_locale(target)) return bad_request("Unknown target language '" + std::string{target} + "'");
    ++languages;
  }
  if (languages == 0) return bad_request("target_langs is empty");
  pugi::xml_document body;
  auto estimate = body.append_child("Estimate");
  append_text(estimate, "TotalCost", cents_text(std::stoll(units) * languages * 10));
  append_text(estimate, "Currency", "EUR");
  return xml_response(http::status::ok, body);
}

// The emulator fetches nothing: the file's content is the URL it was given.
response ondemand_service::add_file_by_reference(const request& message, std::string_view language,
                                                 std::string_view name) {
  auto document = xml_body(message, "File");
  if (!document) return bad_request("The body must be a File in XML (text/xml)");
  std::string url = document->document_element().child("URL").text().get();
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) return bad_request("URL must be http or https");
  if (!is_locale(language)) return bad_request("Unknown language " + std::string{language} + "; see /api/locales");
  auto file_name = percent_decoded(name);
  if (file_name.empty() || file_name.find('/') != std::string::npos) return bad_request("The file name is not valid");
  auto asset_id = std::to_string(next_asset_++);
  files_[asset_id] = stored_file{asset_id, file_name, std::string{language}, url, clock_.now()};
  pugi::xml_document body;
  append_file(body, asset_id, file_name, std::string{language}, clock_.now());
  return xml_response(http::status::accepted, body);
}

// 2016-03-15: accepting a delivered translation keeps it; rejecting it has it redone (its project
// starts again).
response ondemand_service::judge_translation(const request& message, std::string_view asset_id,
                                             std::string_view language, bool accepted) {
  if (!is_2016(message)) return not_found("This endpoint (API 2016-03-15)");
  if (!files_.count(asset_id)) return not_found("File " + std::string{asset_id});
  for (auto& [id, project] : projects_) {
    bool const covers =
        std::find(project.asset_ids.begin(), project.asset_ids.end(), asset_id) != project.asset_ids.end() &&
        std::find(project.targets.begin(), project.targets.end(), language) != project.targets.end();
    if (!covers || project_status(project) != "Complete") continue;
    if (!accepted) project.started = clock_.now();
    return make_response(http::status::ok);
  }
  return not_found("A delivered translation of file " + std::string{asset_id} + " into " + std::string{language});
}

namespace {

// The seed's product: asset 999, SKU 123, translated into it-it.
constexpr std::string_view seed_product = "999";
constexpr std::string_view seed_product_translation = "it-it";

void append_product(pugi::xml_node parent) {
  auto product = parent.append_child("Product");
  append_text(product, "AssetID", seed_product);
  append_text(product.append_child("SKUs").append_child("SKU"), "SKUNumber", "123");
  append_text(product, "DueDate", "2014-02-11T10:22:46Z");
}

}  // namespace

response ondemand_service::list_products() const {
  pugi::xml_document body;
  append_product(body.append_child("Products"));
  return xml_response(http::status::ok, body);
}

response ondemand_service::get_product(std::string_view asset_id, std::string_view language) const {
  if (asset_id != seed_product) return not_found("Product " + std::string{asset_id});
  if (!language.empty() && language != seed_product_translation) {
    return not_found("A translation of product " + std::string{asset_id} + " into " + std::string{language});
  }
  pugi::xml_document body;
  append_product(body);
  return xml_response(http::status::ok, body);
}

response ondemand_service::add_project(const request& message) {
  if (auto refused = over_limit(key_id, project_minute_counts_, 2)) return *refused;
  auto document = xml_body(message, "Project");
  if (!document) return bad_request("The body must be a Project in XML (text/xml)");
  auto root = document->document_element();
  made_project made;
  made.service_id = root.child("ServiceID").text().get();
  made.source = root.child("SourceLanguage").child("LanguageCode").text().get();
  for (auto target : root.child("TargetLanguages").children("TargetLanguage")) {
    made.targets.emplace_back(target.child("LanguageCode").text().get());
  }
  for (auto file : root.child("Files").children("File"))
    made.asset_ids.emplace_back(file.child("AssetID").text().get());
  if (auto refused = language_failure(made.service_id, made.source, made.targets)) return *refused;
  for (const auto& asset : made.asset_ids) {
    if (!files_.count(asset)) return bad_request("No file " + asset + " belongs to this merchant");
  }
  made.id = std::to_string(next_project_++);
  made.started = clock_.now();
  auto& stored = projects_[made.id] = std::move(made);
  pugi::xml_document body;
  append_project_xml(body, stored.id, project_status(stored), stored.started, stored.service_id, stored.source,
                     stored.targets, stored.asset_ids);
  return xml_response(http::status::created, body);
}

// 2016-03-15: only an authorized quote whose projects are not done can be cancelled.
response ondemand_service::request_cancellation(const request& message, std::string_view id) {
  if (!is_2016(message)) return not_found("This endpoint (API 2016-03-15)");
  auto found = quotes_.find(id);
  if (found == quotes_.end()) return not_found("Quote " + std::string{id});
  auto& q = found->second;
  advance(q);
  if (q.status != "Authorized") {
    return error(http::status::bad_request, miscellaneous, "Quote not authorized",
                 "Quote " + q.id + " is " + q.status + "; reject it instead");
  }
  for (const auto& project_id : q.project_ids) {
    auto& project = projects_.at(project_id);
    if (project_status(project) == "Complete") {
      return error(http::status::conflict, miscellaneous, "Project complete",
                   "Project " + project_id + " is delivered");
    }
    project.cancellation_requested = true;
  }
  return make_response(http::status::ok);
}

}  // namespace emulator
