// 11 — A whole onDemand translation: upload a file from disk, ask for a quote, poll it until it is
// priced, authorize it handling every outcome the API documents, poll the project until it is
// done, and save the translation. Requests are signed; waits grow between polls.
//
// Against the real sandbox: --base-url https://developer-sandbox.liondemand.com --key-id <id>
// --secret-key <secret>, and APIDECL_SOURCE_FILE naming the file to translate. Against the local
// emulator no time passes by itself: instead of sleeping, the example moves the emulator's clock on
// through its control API (`examples::wait`, emulator_clock.hpp), which the real service does not have.
#include "emulator_clock.hpp"
#include "settings.hpp"

#include <apidecl/apis/ondemand/ondemand.hpp>
#include <apidecl/auth/openssl_sha256.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/fmt/formatters.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/serializer/text.hpp>
#include <apidecl/transport/curl.hpp>
#include <apidecl/types/language_code.hpp>
#include <apidecl/types/text_value.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

namespace od = apidecl::ondemand;
namespace v = od::v2015;

namespace {

/// Prints why a call did not answer `Status`, and says whether it did.
template <int Status, class Result>
bool succeeded(Result const& answer, char const* step) {
  if (answer.template get_if<Status>()) return true;
  if (auto const* u = answer.unexpected_if()) {
    fmt::print("{}: {}\n", step, *u);
  } else if (auto const* f = answer.failure_if()) {
    fmt::print("{} failed: {}\n", step, *f);
  } else {
    fmt::print("{}: HTTP {}\n", step, answer.http_status());
  }
  return false;
}

/// The file to translate: APIDECL_SOURCE_FILE, or a short text written for the emulator.
std::filesystem::path source_file() {
  if (char const* given = std::getenv("APIDECL_SOURCE_FILE"); given && *given) return given;
  auto const made = std::filesystem::temp_directory_path() / "apidecl-example-11.txt";
  std::ofstream(made) << "Hello from the apidecl examples.\nTranslate me.\n";
  return made;
}

}  // namespace

int main(int argc, char** argv) {
  examples::settings const s = examples::read_settings(argc, argv);
  bool const emulator = examples::on_emulator(s.base_url);
  apidecl::curl_transport http({s.base_url});
  auto api = apidecl::make_client(http, apidecl::pugixml_serializer{}, apidecl::octet_serializer{},
                                  od::signer({s.key_id, s.secret_key}, apidecl::openssl_sha256{}));
  auto const language = [](char const* code) { return *apidecl::from_text<apidecl::language_code>(code); };

  auto const path = source_file();
  std::ifstream in(path, std::ios::binary);
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  auto const file = api.call(v::add_file, od::language = "en-us", od::file_name = path.filename().string(),
                             apidecl::body = text);
  if (!succeeded<201>(file, "add file")) return 1;
  auto const asset = file.get_if<201>()->asset_id;
  fmt::print("uploaded {} as asset {}\n", path.filename().string(), asset.value());

  v::quote_request request;
  request.options.service_id = od::ids::service(112);
  request.options.source_language = language("en-us");
  request.options.target_languages = {language("fr-fr")};
  request.files = std::vector<v::file_ref>{{asset, std::nullopt, std::nullopt}};
  auto const generated = api.call(v::generate_quote, apidecl::body = request);
  if (!succeeded<201>(generated, "generate quote")) return 1;
  std::string const quote_id = generated.get_if<201>()->quote_id.value();
  fmt::print("quote {} is {}\n", quote_id, generated.get_if<201>()->status.text());

  // A quote is priced in seconds to minutes: poll it, waiting 10 s, then 20, 40, 60, 60...
  std::optional<v::quote> quote;
  for (int wait_seconds = 10, polls = 0; polls < 30; wait_seconds = std::min(2 * wait_seconds, 60), ++polls) {
    auto const current = api.call(v::get_quote, od::quote_id = quote_id);
    if (!succeeded<200>(current, "get quote")) return 1;
    if (current.get_if<200>()->status != v::quote_status::calculating) {
      quote = *current.get_if<200>();
      break;
    }
    if (!examples::wait(http, emulator, wait_seconds)) return 1;
  }
  if (!quote || quote->status != v::quote_status::pending) return 1;
  fmt::print("quote {}: Pending, {} {}\n", quote_id, apidecl::to_text(*quote->total_cost),
             quote->currency ? quote->currency->text() : "");

  // Every documented outcome of Authorize Quote. A changed quote (409) is authorized once more.
  std::optional<od::ids::project> project;
  for (int attempt = 1; quote && attempt <= 2; ++attempt) {
    v::quote const asked = *std::move(quote);
    quote.reset();
    api.call(v::authorize_quote, od::quote_id = asked.quote_id.value(), apidecl::body = asked)
        .visit(apidecl::overload{
            [&](od::quote_authorization const& a) {
              fmt::print("202 {}\n", a.status.text());
              if (a.status == od::authorization_status::pending) {
                fmt::print("  pay at {}\n", a.payment_url.value_or("(no URL)"));
              } else if (!a.projects.empty()) {
                project = a.projects.front().project_id;
                fmt::print("  project {} due {}\n", project->value(),
                           apidecl::to_text(a.projects.front().project_due_date));
              }
            },
            [](apidecl::status<402, od::quote_authorization> const& p) {
              fmt::print("402 payment required: pay at {}\n", p.body.payment_url.value_or("(no URL)"));
            },
            [&](v::quote const& changed) {
              fmt::print("409 quote changed, authorizing again\n");
              quote = changed;
            },
            [](od::error const& e) { fmt::print("refused, reason {}: {}\n", e.reason_code.text(), e.simple_message); },
            [](od::rate_limited const&) { fmt::print("429 rate limited: try again later\n"); },
            [](apidecl::unexpected_status const& u) { fmt::print("{}\n", u); },
            [](apidecl::failure const& f) { fmt::print("failed: {}\n", f); }});
  }
  if (!project) return 1;

  std::string last_status;
  for (int wait_seconds = 30, polls = 0;; wait_seconds = std::min(2 * wait_seconds, 600), ++polls) {
    auto const current = api.call(v::get_project, od::project_id = project->value());
    if (!succeeded<200>(current, "get project")) return 1;
    std::string const status = current.get_if<200>()->status.value_or("(none)");
    if (status != last_status) fmt::print("project {}: {}\n", project->value(), status);
    last_status = status;
    if (status == "Complete") break;
    if (polls == 100 || !examples::wait(http, emulator, wait_seconds)) return 1;
  }

  auto const translation = api.call(v::get_file_translation, od::asset_id = asset.value(), od::language = "fr-fr");
  if (!succeeded<200>(translation, "get translation")) return 1;
  auto const saved = std::filesystem::temp_directory_path() / "apidecl-example-11.fr-fr.txt";
  std::ofstream(saved, std::ios::binary) << *translation.get_if<200>();
  fmt::print("wrote {} ({} bytes)\n", saved.filename().string(), translation.get_if<200>()->size());
  return 0;
}
