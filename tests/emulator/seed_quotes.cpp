#include "seed_quotes.hpp"

#include "ondemand_xml.hpp"

#include <boost/beast/core/string.hpp>

#include <pugixml.hpp>

#include <algorithm>
#include <array>

namespace emulator::seed_quotes {

using namespace ondemand_xml;

namespace {

constexpr std::string_view quote_prefix = "/api/quote/";
constexpr std::string_view authorize_suffix = "/authorize";

/// What authorizing each known quote does; any other id is not found.
enum class quote_outcome {
  authorized,        ///< 202, Status Authorized
  payment_pending,   ///< 202, Status Pending with a PaymentURL
  payment_required,  ///< 402, Status Pending with a PaymentURL
  out_of_date,       ///< 409, the corrected quote (799)
  not_ready,         ///< 405, the price is not set yet
};

struct known_quote {
  std::string_view id;
  quote_outcome outcome;
};

constexpr std::array known_quotes{
    known_quote{"795", quote_outcome::authorized},       known_quote{"796", quote_outcome::payment_pending},
    known_quote{"797", quote_outcome::payment_required}, known_quote{"798", quote_outcome::out_of_date},
    known_quote{"799", quote_outcome::authorized},       known_quote{"800", quote_outcome::not_ready},
};

}  // namespace

std::optional<std::string_view> quote_id_in(std::string_view path) {
  if (path.size() <= quote_prefix.size() + authorize_suffix.size() ||
      path.substr(0, quote_prefix.size()) != quote_prefix ||
      path.substr(path.size() - authorize_suffix.size()) != authorize_suffix) {
    return std::nullopt;
  }
  auto id = path.substr(quote_prefix.size(), path.size() - quote_prefix.size() - authorize_suffix.size());
  if (id.find('/') != std::string_view::npos) return std::nullopt;
  return id;
}

std::optional<response> quote_body_failure(const request& message, std::string_view path_quote_id) {
  auto media_type = message[http::field::content_type];
  media_type = media_type.substr(0, media_type.find(';'));
  if (!boost::beast::iequals(media_type, xml_media_type)) {
    return error(http::status::bad_request, parsing_failed, "Parsing failed", "Content-Type must be text/xml");
  }
  pugi::xml_document body;
  auto parsed = body.load_buffer(message.body().data(), message.body().size());
  if (!parsed) {
    return error(
        http::status::bad_request, parsing_failed, "Parsing failed",
        std::string{"The body is not XML: "} + parsed.description() + " at offset " + std::to_string(parsed.offset));
  }
  auto quote = body.document_element();
  if (std::string_view{quote.name()} != "Quote") {
    return error(http::status::bad_request, parsing_failed, "Parsing failed", "The root element must be Quote");
  }
  std::string_view body_quote_id = quote.child("QuoteID").text().get();
  if (!is_number(body_quote_id)) {
    return error(http::status::bad_request, parsing_failed, "Parsing failed", "QuoteID must be a number");
  }
  if (body_quote_id != path_quote_id) {
    return error(http::status::bad_request, quote_id_mismatch, "QuoteID mismatch",
                 "QuoteID " + std::string{body_quote_id} + " in the body is not the quote " +
                     std::string{path_quote_id} + " of the URL");
  }
  return std::nullopt;
}

/// The QuoteAuthorization of the documentation's examples.
response quote_authorization(http::status status, std::string_view quote_id, bool payment_needed,
                             const std::vector<authorized_project>& projects) {
  pugi::xml_document body;
  auto root = body.append_child("QuoteAuthorization");
  append_text(root, "Status", payment_needed ? "Pending" : "Authorized");
  if (payment_needed) append_text(root, "PaymentURL", site + "/payment/quote/" + std::string{quote_id});
  append_text(root, "QuoteURL", site + "/api/quote/" + std::string{quote_id});
  auto list = root.append_child("Projects");
  for (const auto& made : projects) {
    auto project = list.append_child("Project");
    append_text(project, "ProjectID", made.id);
    append_text(project, "ProjectURL", site + "/api/projects/" + made.id);
    append_text(project, "ProjectDueDate", made.due_date);
    auto products = project.append_child("Products");
    for (const auto& asset : made.asset_ids) {
      auto product = products.append_child("Product");
      append_text(product, "AssetID", asset);
      append_text(product.append_child("SKUs").append_child("SKU"), "SKUNumber", "123");
    }
  }
  return xml_response(status, body);
}

namespace {

/// The one project of the seed quotes' authorizations.
response seed_authorization(http::status status, std::string_view quote_id, bool payment_needed) {
  return quote_authorization(status, quote_id, payment_needed, {{"123", "2014-02-11T10:22:46Z", {"999"}}});
}

/// 409: quote 798 is out of date and the answer is its replacement, 799, at a new price.
response corrected_quote() {
  pugi::xml_document body;
  auto quote = body.append_child("Quote");
  append_text(quote, "QuoteID", "799");
  append_text(quote, "CreationDate", "2014-06-25T16:39:07Z");
  append_text(quote, "ServiceID", "112");
  append_text(quote.append_child("SourceLanguage"), "LanguageCode", "en-gb");
  auto targets = quote.append_child("TargetLanguages");
  append_text(targets.append_child("TargetLanguage"), "LanguageCode", "fr-fr");
  append_text(targets.append_child("TargetLanguage"), "LanguageCode", "it-it");
  append_text(quote, "TotalTranslations", "2");
  append_text(quote, "TranslationCredit", "49984");
  append_text(quote, "TotalCost", "12.50");
  append_text(quote, "PrepaidCredit", "118.99");
  append_text(quote, "AmountDue", "0.00");
  append_text(quote, "Currency", "EUR");
  return xml_response(http::status::conflict, body);
}

}  // namespace

response authorize_seed(std::string_view quote_id) {
  auto known = std::find_if(known_quotes.begin(), known_quotes.end(),
                            [&](const known_quote& quote) { return quote.id == quote_id; });
  if (known == known_quotes.end()) {
    return error(http::status::not_found, miscellaneous, "Quote not found",
                 "No quote " + std::string{quote_id} + " belongs to this merchant");
  }
  switch (known->outcome) {
    case quote_outcome::authorized: return seed_authorization(http::status::accepted, quote_id, false);
    case quote_outcome::payment_pending: return seed_authorization(http::status::accepted, quote_id, true);
    case quote_outcome::payment_required: return seed_authorization(http::status::payment_required, quote_id, true);
    case quote_outcome::out_of_date: return corrected_quote();
    case quote_outcome::not_ready: break;
  }
  return error(http::status::method_not_allowed, quote_not_ready, "Quote not ready",
               "The price of quote " + std::string{quote_id} + " is not set yet");
}

}  // namespace emulator::seed_quotes
