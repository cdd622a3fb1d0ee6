// onDemand (API 2015-02-23) over real sockets: the account, services, locales and terms, files,
// quotes priced on the emulator's clock, their authorization and rejection, projects and the
// translations they deliver, and the rate limit's 429 — each endpoint through curl_transport with
// its success and one documented error, the decoded answers checked.
#include <catch2/catch.hpp>

#include "../../support/emulator.hpp"
#include "../../support/lod1_signature.hpp"

#include <apidecl/apis/ondemand/ondemand.hpp>
#include <apidecl/auth/openssl_sha256.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/serializer/text.hpp>
#include <apidecl/transport/curl.hpp>
#include <apidecl/types/language_code.hpp>
#include <apidecl/types/text_value.hpp>

#include <apidecl/types/comma_list.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace od = apidecl::ondemand;
namespace v = od::v2015;

namespace {

auto client(apidecl::curl_transport& http, std::string secret = "demo-secret-key",
            std::string_view version = v::api_version) {
  return apidecl::make_client(
      http, apidecl::pugixml_serializer{}, apidecl::octet_serializer{},
      od::signer({"demo-key-id", std::move(secret), std::string(version)}, apidecl::openssl_sha256{}));
}

apidecl::language_code lang(std::string_view code) { return *apidecl::from_text<apidecl::language_code>(code); }

template <int Status, class Result>
void require_error(Result const& answer, od::reason_code expected) {
  INFO("HTTP status " << answer.http_status());
  REQUIRE(answer.template get_if<Status>() != nullptr);
  CHECK(answer.template get_if<Status>()->reason_code == expected);
  CHECK_FALSE(answer.template get_if<Status>()->detailed_message.empty());
}

/// Every call of a client with the wrong secret is refused: 401, reason 300.
template <class Endpoint, class... Args>
void check_unsigned(apidecl::curl_transport& http, Endpoint const& endpoint, Args const&... args) {
  auto forged = client(http, "not-the-secret");
  require_error<401>(forged.call(endpoint, args...), od::reason_code::miscellaneous);
}

v::translation_options options_into(std::initializer_list<std::string_view> targets) {
  v::translation_options options;
  options.service_id = od::ids::service(112);
  options.source_language = lang("en-us");
  for (auto target : targets) options.target_languages.push_back(lang(target));
  return options;
}

template <class Api>
std::int64_t add_file(Api& api, std::string_view name, std::string body) {
  auto const added =
      api.call(v::add_file, od::language = "en-us", od::file_name = name, apidecl::body = std::move(body));
  REQUIRE(added.template get_if<201>() != nullptr);
  return added.template get_if<201>()->asset_id.value();
}

template <class Api>
std::string generate_quote(Api& api, std::int64_t asset, std::initializer_list<std::string_view> targets) {
  v::quote_request request{options_into(targets), std::nullopt,
                           std::vector<v::file_ref>{{od::ids::asset(asset), {}, {}}}, std::nullopt};
  auto const made = api.call(v::generate_quote, apidecl::body = request);
  REQUIRE(made.template get_if<201>() != nullptr);
  return made.template get_if<201>()->quote_id.value();
}

v::quote quote_numbered(std::string const& id) {
  v::quote q;
  q.quote_id = od::ids::quote(id);
  q.status = v::quote_status::pending;
  return q;
}

}  // namespace

TEST_CASE("onDemand over sockets: the account, services, locales and terms, signed", "[ondemand][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto api = client(http);

  auto const account = api.call(v::get_account_info);
  REQUIRE(account.get_if<200>() != nullptr);
  CHECK(account.get_if<200>()->email == "merchant@example.com");
  CHECK(account.get_if<200>()->credit_balance == apidecl::decimal(11899, 2));
  CHECK(account.get_if<200>()->currency == apidecl::currency::eur);
  check_unsigned(http, v::get_account_info);

  auto const services = api.call(v::list_services);
  REQUIRE(services.get_if<200>() != nullptr);
  REQUIRE(services.get_if<200>()->services.size() == 2);
  CHECK(services.get_if<200>()->services[0].service_id == od::ids::service(112));
  check_unsigned(http, v::list_services);

  auto const service = api.call(v::get_service, od::service_id = 54);
  REQUIRE(service.get_if<200>() != nullptr);
  CHECK(service.get_if<200>()->name == "Product Translation");
  require_error<404>(api.call(v::get_service, od::service_id = 1), od::reason_code::miscellaneous);

  auto const locales = api.call(v::list_locales);
  REQUIRE(locales.get_if<200>() != nullptr);
  REQUIRE(locales.get_if<200>()->locales.size() == 6);
  CHECK(locales.get_if<200>()->locales[0].code == "en-us");
  CHECK(locales.get_if<200>()->locales[0].name == "English (US)");
  check_unsigned(http, v::list_locales);

  auto const terms = api.call(v::get_terms);
  REQUIRE(terms.get_if<200>() != nullptr);
  CHECK(terms.get_if<200>()->text.find("emulator") != std::string::npos);
  check_unsigned(http, v::get_terms);
}

TEST_CASE("onDemand over sockets: files stored, listed, described and read whole or by range",
          "[ondemand][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto api = client(http);

  auto const added = api.call(v::add_file, od::language = "en-us", od::file_name = "user manual.txt",
                              apidecl::body = std::string("one two three four"));
  REQUIRE(added.get_if<201>() != nullptr);
  auto const asset = added.get_if<201>()->asset_id;
  CHECK(added.get_if<201>()->file_name == "user manual.txt");
  REQUIRE(added.get_if<201>()->source_language.has_value());
  CHECK(added.get_if<201>()->source_language->text() == "en-us");
  require_error<400>(api.call(v::add_file, od::language = "xx-xx", od::file_name = "a.txt",
                              apidecl::body = std::string("text")),
                     od::reason_code::parsing_failed);

  auto const listed = api.call(v::list_files);
  REQUIRE(listed.get_if<200>() != nullptr);
  REQUIRE(listed.get_if<200>()->files.size() == 1);
  CHECK(listed.get_if<200>()->files[0].asset_id == asset);
  check_unsigned(http, v::list_files);

  auto const details = api.call(v::get_file_details, od::asset_id = asset.value());
  REQUIRE(details.get_if<200>() != nullptr);
  CHECK(details.get_if<200>()->status == "Analyzed");
  require_error<404>(api.call(v::get_file_details, od::asset_id = 1), od::reason_code::miscellaneous);

  auto const whole = api.call(v::get_file, od::asset_id = asset.value());
  REQUIRE(whole.get_if<200>() != nullptr);
  CHECK(*whole.get_if<200>() == "one two three four");
  auto const part = api.call(v::get_file, od::asset_id = asset.value(), od::byte_range = "bytes=4-6");
  REQUIRE(part.get_if<206>() != nullptr);
  CHECK(*part.get_if<206>() == "two");
  require_error<404>(api.call(v::get_file, od::asset_id = 1), od::reason_code::miscellaneous);
}

TEST_CASE("onDemand over sockets: a quote priced after a minute, authorized into a project that delivers the "
          "translation five minutes later; another rejected",
          "[ondemand][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto api = client(http);
  auto const asset = add_file(api, "manual.txt", "one two three four");

  v::quote_request unknown_file{options_into({"fr-fr"}), std::nullopt,
                                std::vector<v::file_ref>{{od::ids::asset(1), {}, {}}}, std::nullopt};
  require_error<400>(api.call(v::generate_quote, apidecl::body = unknown_file), od::reason_code::parsing_failed);
  auto const quote_id = generate_quote(api, asset, {"fr-fr", "de-de"});

  auto const calculating = api.call(v::get_quote, od::quote_id = quote_id);
  REQUIRE(calculating.get_if<200>() != nullptr);
  CHECK(calculating.get_if<200>()->status == v::quote_status::calculating);
  REQUIRE(calculating.get_if<200>()->total_cost.has_value());
  CHECK_FALSE(calculating.get_if<200>()->total_cost->value().has_value());
  auto const too_soon = api.call(v::authorize_quote, od::quote_id = quote_id, apidecl::body = quote_numbered(quote_id));
  require_error<405>(too_soon, od::reason_code::quote_not_ready);
  require_error<404>(api.call(v::get_quote, od::quote_id = "9999"), od::reason_code::miscellaneous);

  REQUIRE(emulator.advance_clock(60));
  auto const priced = api.call(v::get_quote, od::quote_id = quote_id);
  REQUIRE(priced.get_if<200>() != nullptr);
  CHECK(priced.get_if<200>()->status == v::quote_status::pending);
  CHECK(priced.get_if<200>()->total_cost == od::quoted_amount(apidecl::decimal(80, 2)));  // 4 words, 2 languages
  REQUIRE(priced.get_if<200>()->projects.size() == 1);
  CHECK(priced.get_if<200>()->projects[0].target_languages.size() == 2);

  auto const listed = api.call(v::list_quotes);
  REQUIRE(listed.get_if<200>() != nullptr);
  CHECK(listed.get_if<200>()->quotes.size() == 1);
  check_unsigned(http, v::list_quotes);

  auto const authorized =
      api.call(v::authorize_quote, od::quote_id = quote_id, apidecl::body = quote_numbered(quote_id));
  REQUIRE(authorized.get_if<202>() != nullptr);
  CHECK(authorized.get_if<202>()->status == od::authorization_status::authorized);
  REQUIRE(authorized.get_if<202>()->projects.size() == 1);
  auto const project_id = authorized.get_if<202>()->projects[0].project_id;

  auto const working = api.call(v::get_project, od::project_id = project_id.value());
  REQUIRE(working.get_if<200>() != nullptr);
  CHECK(working.get_if<200>()->status == "In Progress");
  require_error<404>(api.call(v::get_project, od::project_id = 1), od::reason_code::miscellaneous);
  require_error<404>(api.call(v::get_file_translation, od::asset_id = asset, od::language = "fr-fr"),
                     od::reason_code::miscellaneous);

  REQUIRE(emulator.advance_clock(300));
  auto const projects = api.call(v::list_projects);
  REQUIRE(projects.get_if<200>() != nullptr);
  REQUIRE(projects.get_if<200>()->projects.size() == 1);
  CHECK(projects.get_if<200>()->projects[0].status == "Complete");
  check_unsigned(http, v::list_projects);
  auto const translation = api.call(v::get_file_translation, od::asset_id = asset, od::language = "de-de");
  REQUIRE(translation.get_if<200>() != nullptr);
  CHECK(*translation.get_if<200>() == "[de-de] one two three four");

  auto const other = generate_quote(api, asset, {"it-it"});
  auto const rejected = api.call(v::reject_quote, od::quote_id = other);
  CHECK(rejected.failure_if() == nullptr);
  CHECK(rejected.http_status() == 200);
  require_error<409>(api.call(v::reject_quote, od::quote_id = quote_id), od::reason_code::miscellaneous);  // authorized
  require_error<400>(api.call(v::authorize_quote, od::quote_id = other, apidecl::body = quote_numbered(other)),
                     od::reason_code::miscellaneous);
}

TEST_CASE("onDemand over sockets: over the per-merchant limit, 429 with Retry-After until the minute ends",
          "[ondemand][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  REQUIRE(emulator.rate_limit(3));
  REQUIRE(emulator.advance_clock(45));
  apidecl::curl_transport http(emulator.transport_options());
  auto api = client(http);
  for (int i = 0; i < 3; ++i) CHECK(api.call(v::list_locales).get_if<200>() != nullptr);
  auto const limited = api.call(v::list_locales);
  REQUIRE(limited.get_case_if<429>() != nullptr);
  CHECK(limited.get_case_if<429>()->headers.get<apidecl::retry_after_header>() ==
        apidecl::retry_after_value::after(std::chrono::seconds(15)));
  REQUIRE(emulator.advance_clock(15));
  CHECK(api.call(v::list_locales).get_if<200>() != nullptr);
}

TEST_CASE("onDemand over sockets: accounts made and credited, estimates, files by reference, products",
          "[ondemand][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto api = client(http);

  auto const made = api.call(v::create_account, apidecl::body = v::new_account{"ada@example.com", "Ada", {}, {}});
  REQUIRE(made.get_if<201>() != nullptr);
  CHECK(made.get_if<201>()->status == "Created");
  CHECK(made.get_if<201>()->email == "ada@example.com");
  auto const again = api.call(v::create_account, apidecl::body = v::new_account{"ada@example.com", {}, {}, {}});
  REQUIRE(again.get_if<400>() != nullptr);
  CHECK(again.get_if<400>()->status == "Not Created");
  REQUIRE(again.get_if<400>()->errors.size() == 1);
  CHECK(again.get_if<400>()->errors[0].reason_code == od::reason_code::user_already_exists);

  auto const credited =
      api.call(v::add_credit_balance, apidecl::body = v::credit{apidecl::decimal(2501, 2), apidecl::currency::eur});
  REQUIRE(credited.get_if<200>() != nullptr);
  CHECK(credited.get_if<200>()->credit_balance == apidecl::decimal(14400, 2));
  require_error<400>(
      api.call(v::add_credit_balance, apidecl::body = v::credit{apidecl::decimal(100, 2), apidecl::currency::usd}),
      od::reason_code::miscellaneous);

  auto const estimate = api.call(v::get_estimate, od::estimate::service_id = 112, od::estimate::unit_count = 500,
                                 od::estimate::source_lang = "en-us",
                                 od::estimate::target_langs = apidecl::comma_list{"fr-fr", "de-de"});
  REQUIRE(estimate.get_if<200>() != nullptr);
  CHECK(estimate.get_if<200>()->total_cost == apidecl::decimal(10000, 2));
  CHECK(estimate.get_if<200>()->currency == apidecl::currency::eur);
  require_error<400>(
      api.call(v::get_estimate, od::estimate::service_id = 7, od::estimate::unit_count = 1,
               od::estimate::source_lang = "en-us", od::estimate::target_langs = apidecl::comma_list{"fr-fr"}),
      od::reason_code::parsing_failed);

  auto const referenced = api.call(v::add_file_by_reference, od::language = "en-gb", od::file_name = "guide.docx",
                                   apidecl::body = v::file_reference{"https://example.com/guide.docx"});
  REQUIRE(referenced.get_if<202>() != nullptr);
  CHECK(referenced.get_if<202>()->file_name == "guide.docx");
  require_error<400>(api.call(v::add_file_by_reference, od::language = "en-gb", od::file_name = "guide.docx",
                              apidecl::body = v::file_reference{"file:///etc/passwd"}),
                     od::reason_code::parsing_failed);

  auto const products = api.call(v::list_products);
  REQUIRE(products.get_if<200>() != nullptr);
  REQUIRE(products.get_if<200>()->products.size() == 1);
  CHECK(products.get_if<200>()->products[0].asset_id == od::ids::asset(999));
  check_unsigned(http, v::list_products);
  auto const product = api.call(v::get_product, od::asset_id = 999);
  REQUIRE(product.get_if<200>() != nullptr);
  CHECK(product.get_if<200>()->sku_numbers == std::vector<std::string>{"123"});
  require_error<404>(api.call(v::get_product, od::asset_id = 1), od::reason_code::miscellaneous);
  auto const translated = api.call(v::get_product_translation, od::asset_id = 999, od::language = "it-it");
  REQUIRE(translated.get_if<200>() != nullptr);
  CHECK(translated.get_if<200>()->asset_id == od::ids::asset(999));
  require_error<404>(api.call(v::get_product_translation, od::asset_id = 999, od::language = "fr-fr"),
                     od::reason_code::miscellaneous);
}

TEST_CASE("onDemand over sockets: projects added directly, two a minute under the limit", "[ondemand][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto api = client(http);
  auto const asset = add_file(api, "notes.txt", "hello world");
  auto const project = [&](std::string_view target) {
    return v::new_project{"Notes", od::ids::service(112), lang("en-us"), {lang(target)}, std::nullopt,
                          std::vector<v::file_ref>{{od::ids::asset(asset), {}, {}}}};
  };
  auto const added = api.call(v::add_project, apidecl::body = project("fr-fr"));
  REQUIRE(added.get_if<201>() != nullptr);
  CHECK(added.get_if<201>()->status == "In Progress");
  CHECK(added.get_if<201>()->project_name == std::nullopt);  // the emulator keeps no name
  require_error<400>(api.call(v::add_project, apidecl::body = project("xx-xx")), od::reason_code::parsing_failed);

  REQUIRE(emulator.rate_limit(30));
  CHECK(api.call(v::add_project, apidecl::body = project("de-de")).get_if<201>() != nullptr);
  CHECK(api.call(v::add_project, apidecl::body = project("it-it")).get_if<201>() != nullptr);
  auto const third = api.call(v::add_project, apidecl::body = project("es-es"));
  REQUIRE(third.get_case_if<429>() != nullptr);
  CHECK(third.get_case_if<429>()->headers.get<apidecl::retry_after_header>() ==
        apidecl::retry_after_value::after(std::chrono::seconds(60)));
}

TEST_CASE("onDemand over sockets: 2016-03-15's cancellation and acceptance of translations, refused under 2015",
          "[ondemand][emulator]") {
  namespace v16 = od::v2016;
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto api = client(http, "demo-secret-key", v16::api_version);
  auto const asset = add_file(api, "a.txt", "one");
  auto const quote_id = generate_quote(api, asset, {"fr-fr"});
  REQUIRE(emulator.advance_clock(60));
  REQUIRE(api.call(v16::authorize_quote, od::quote_id = quote_id, apidecl::body = quote_numbered(quote_id))
              .get_if<202>() != nullptr);

  auto const cancelling = api.call(v16::request_quote_cancellation, od::quote_id = quote_id);
  CHECK(cancelling.failure_if() == nullptr);
  CHECK(cancelling.http_status() == 200);
  require_error<404>(api.call(v16::request_quote_cancellation, od::quote_id = "9999"), od::reason_code::miscellaneous);
  require_error<404>(client(http).call(v16::request_quote_cancellation, od::quote_id = quote_id),
                     od::reason_code::miscellaneous);  // not in 2015-02-23

  require_error<404>(api.call(v16::accept_file_translation, od::asset_id = asset, od::language = "fr-fr"),
                     od::reason_code::miscellaneous);  // not delivered yet
  REQUIRE(emulator.advance_clock(300));
  auto const accepted = api.call(v16::accept_file_translation, od::asset_id = asset, od::language = "fr-fr");
  CHECK(accepted.failure_if() == nullptr);
  CHECK(accepted.http_status() == 200);
  require_error<409>(api.call(v16::request_quote_cancellation, od::quote_id = quote_id),
                     od::reason_code::miscellaneous);

  auto const rejected = api.call(v16::reject_file_translation, od::asset_id = asset, od::language = "fr-fr");
  CHECK(rejected.failure_if() == nullptr);
  CHECK(rejected.http_status() == 200);
  // Rejected, the translation is redone: not there until its project is done again.
  require_error<404>(api.call(v16::get_file_translation, od::asset_id = asset, od::language = "fr-fr"),
                     od::reason_code::miscellaneous);
  require_error<404>(api.call(v16::reject_file_translation, od::asset_id = 1, od::language = "fr-fr"),
                     od::reason_code::miscellaneous);
}

TEST_CASE("onDemand over sockets: a wrong Content-Type, broken XML, the wrong root, a signature for another path "
          "and a bad Range are refused with the documented reason",
          "[ondemand][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  constexpr std::string_view stamp = "2014-02-21T07:49:24.655024";
  // Signed as the documentation says, whatever the body: only the body or the path is wrong.
  auto const send = [&](std::string_view signed_path, std::string const& target, std::string_view media_type,
                        std::string const& body) {
    std::string const headers = "Accept: text/xml\r\nx-lod-timestamp: " + std::string(stamp) +
                                "\r\nx-lod-version: 2015-02-23\r\nAuthorization: " +
                                test_support::lod1_authorization("POST", signed_path, "demo-key-id", "demo-secret-key",
                                                                 stamp) +
                                "\r\nContent-Type: " + std::string(media_type) + "\r\n";
    auto const answer = http.send(apidecl::request(apidecl::method::post, target, headers, body));
    REQUIRE(answer);
    return std::pair{answer->status, std::string(answer->body)};
  };
  auto const generate = [&](std::string_view media_type, std::string const& body) {
    return send("/api/quote/generate", "/api/quote/generate", media_type, body);
  };
  auto const reason = [](std::string const& body) {
    auto const start = body.find("<ReasonCode>");
    return start == std::string::npos ? std::string("(none)") : body.substr(start + 12, 3);
  };

  auto const wrong_type = generate("text/plain", "<Quote/>");
  CHECK(wrong_type.first == 400);
  CHECK(reason(wrong_type.second) == "307");
  auto const broken = generate("text/xml", "<Quote><TranslationOptions><ServiceID>112");
  CHECK(broken.first == 400);
  CHECK(reason(broken.second) == "307");
  auto const wrong_root = generate("text/xml; charset=utf-8", "<Project><ServiceID>112</ServiceID></Project>");
  CHECK(wrong_root.first == 400);
  CHECK(reason(wrong_root.second) == "307");
  auto const elsewhere = send("/api/services", "/api/quote/generate", "text/xml", "<Quote/>");
  CHECK(elsewhere.first == 401);
  CHECK(elsewhere.second.find("Authentication failed") != std::string::npos);

  auto api = client(http);
  auto const asset = add_file(api, "short.txt", "abc");
  auto const malformed = api.call(v::get_file, od::asset_id = asset, od::byte_range = "bytes=x-1");
  REQUIRE(malformed.unexpected_if() != nullptr);
  CHECK(malformed.unexpected_if()->status == 400);
  auto const huge = api.call(v::get_file, od::asset_id = asset, od::byte_range = "bytes=0-99999999999999999999999");
  REQUIRE(huge.unexpected_if() != nullptr);
  CHECK(huge.unexpected_if()->status == 400);
  auto const past_end = api.call(v::get_file, od::asset_id = asset, od::byte_range = "bytes=5-9");
  REQUIRE(past_end.unexpected_if() != nullptr);
  CHECK(past_end.unexpected_if()->status == 416);
  require_error<400>(api.call(v::add_file, od::language = "en-us", od::file_name = "empty.txt",
                              apidecl::body = std::string()),
                     od::reason_code::parsing_failed);
  CHECK(api.call(v::list_files).get_if<200>()->files.size() == 1);  // nothing refused was stored
}
