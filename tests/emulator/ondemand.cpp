#include "ondemand.hpp"

#include "query.hpp"

#include <boost/beast/core/string.hpp>

#include <openssl/evp.h>
#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <sstream>
#include <string>

namespace emulator {

namespace {

constexpr std::string_view quote_prefix = "/api/quote/";
constexpr std::string_view authorize_suffix = "/authorize";

constexpr std::string_view key_id = "demo-key-id";
constexpr std::string_view secret_key = "demo-secret-key";
constexpr std::string_view authorization_scheme = "LOD1-BASE64-SHA256 ";
constexpr std::string_view signed_headers = "x-lod-timestamp;x-lod-version;accept";

// URLs in answers point nowhere on purpose (.invalid is reserved); clients only pass them on.
const std::string site = "https://ondemand.invalid";

// Reason codes from the Authorize Quote documentation.
constexpr int miscellaneous = 300;
constexpr int quote_id_mismatch = 303;
constexpr int quote_not_ready = 306;
constexpr int parsing_failed = 307;

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

void append_text(pugi::xml_node parent, const char* name, std::string_view text) {
  parent.append_child(name).text().set(std::string{text}.c_str());
}

response xml_response(http::status status, const pugi::xml_document& body) {
  std::ostringstream text;
  body.save(text, "  ", pugi::format_indent | pugi::format_no_declaration);
  return make_response(status, xml_media_type, text.str());
}

response error(http::status status, int reason_code, std::string_view simple_message,
               std::string_view detailed_message) {
  pugi::xml_document body;
  auto root = body.append_child("Error");
  append_text(root, "ReasonCode", std::to_string(reason_code));
  append_text(root, "SimpleMessage", simple_message);
  append_text(root, "DetailedMessage", detailed_message);
  return xml_response(status, body);
}

response authentication_failed(std::string_view detail) {
  return error(http::status::unauthorized, miscellaneous, "Authentication failed", detail);
}

/// Base64(SHA-256(text)): the LOD1-BASE64-SHA256 signature of a string to sign.
std::string sha256_base64(std::string_view text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int digest_size = 0;
  EVP_Digest(text.data(), text.size(), digest.data(), &digest_size, EVP_sha256(), nullptr);
  std::array<unsigned char, 4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1> encoded{};
  auto encoded_size = EVP_EncodeBlock(encoded.data(), digest.data(), static_cast<int>(digest_size));
  return std::string(reinterpret_cast<const char*>(encoded.data()), static_cast<std::size_t>(encoded_size));
}

struct credentials {
  std::string_view key_id;
  std::string_view signature;
  std::string_view signed_headers;
};

/// Reads `LOD1-BASE64-SHA256 KeyID=..,Signature=..,SignedHeaders=..` as the documentation writes it:
/// one space after the scheme, commas and no spaces between the parts, each part once.
std::optional<credentials> parse_authorization(std::string_view header) {
  if (header.substr(0, authorization_scheme.size()) != authorization_scheme) return std::nullopt;
  header.remove_prefix(authorization_scheme.size());
  std::optional<std::string_view> key, signature, headers;
  while (!header.empty()) {
    auto part = header.substr(0, header.find(','));
    header.remove_prefix(std::min(header.size(), part.size() + 1));
    auto equals = part.find('=');
    if (equals == std::string_view::npos) return std::nullopt;
    auto name = part.substr(0, equals);
    auto* slot = name == "KeyID"           ? &key
                 : name == "Signature"     ? &signature
                 : name == "SignedHeaders" ? &headers
                                           : nullptr;
    if (!slot || *slot) return std::nullopt;
    *slot = part.substr(equals + 1);
  }
  if (!key || !signature || !headers) return std::nullopt;
  return credentials{*key, *signature, *headers};
}

std::optional<response> authentication_failure(const request& message) {
  auto accept = message[http::field::accept];
  if (accept != xml_media_type) {
    return error(http::status::bad_request, miscellaneous, "Unsupported Accept header",
                 "Accept must be text/xml, not '" + std::string{accept} + "'");
  }
  auto timestamp = message["x-lod-timestamp"];
  auto version = message["x-lod-version"];
  if (timestamp.empty()) return authentication_failed("The x-lod-timestamp header is missing");
  if (version.empty()) return authentication_failed("The x-lod-version header is missing");
  auto given = parse_authorization(message[http::field::authorization]);
  if (!given) {
    return authentication_failed(
        "Authorization must read 'LOD1-BASE64-SHA256 KeyID=<key id>,Signature=<signature>,"
        "SignedHeaders=x-lod-timestamp;x-lod-version;accept'");
  }
  if (given->key_id != key_id) return authentication_failed("Unknown KeyID '" + std::string{given->key_id} + "'");
  if (given->signed_headers != signed_headers) {
    return authentication_failed("SignedHeaders must be " + std::string{signed_headers});
  }
  auto to_sign = [&](std::string_view secret) {
    return std::string{message.method_string()} + ':' + std::string{target_path(message.target())} + ':' +
           std::string{secret} + ':' + std::string{timestamp} + ':' + std::string{version} + ':' + std::string{accept};
  };
  if (given->signature != sha256_base64(to_sign(secret_key))) {
    return authentication_failed("The signature is not Base64(SHA-256('" + to_sign("<secret>") + "'))");
  }
  return std::nullopt;
}

bool is_number(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
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

/// The QuoteAuthorization of the documentation's examples, with one project of one product.
response quote_authorization(http::status status, std::string_view quote_id, bool payment_needed) {
  pugi::xml_document body;
  auto root = body.append_child("QuoteAuthorization");
  append_text(root, "Status", payment_needed ? "Pending" : "Authorized");
  if (payment_needed) append_text(root, "PaymentURL", site + "/payment/quote/" + std::string{quote_id});
  append_text(root, "QuoteURL", site + "/api/quote/" + std::string{quote_id});
  auto project = root.append_child("Projects").append_child("Project");
  append_text(project, "ProjectID", "123");
  append_text(project, "ProjectURL", site + "/api/projects/123");
  append_text(project, "ProjectDueDate", "2014-02-11T10:22:46Z");
  auto product = project.append_child("Products").append_child("Product");
  append_text(product, "AssetID", "999");
  append_text(product.append_child("SKUs").append_child("SKU"), "SKUNumber", "123");
  return xml_response(status, body);
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

response authorize(std::string_view quote_id) {
  auto known = std::find_if(known_quotes.begin(), known_quotes.end(),
                            [&](const known_quote& quote) { return quote.id == quote_id; });
  if (known == known_quotes.end()) {
    return error(http::status::not_found, miscellaneous, "Quote not found",
                 "No quote " + std::string{quote_id} + " belongs to this merchant");
  }
  switch (known->outcome) {
    case quote_outcome::authorized: return quote_authorization(http::status::accepted, quote_id, false);
    case quote_outcome::payment_pending: return quote_authorization(http::status::accepted, quote_id, true);
    case quote_outcome::payment_required: return quote_authorization(http::status::payment_required, quote_id, true);
    case quote_outcome::out_of_date: return corrected_quote();
    case quote_outcome::not_ready: break;
  }
  return error(http::status::method_not_allowed, quote_not_ready, "Quote not ready",
               "The price of quote " + std::string{quote_id} + " is not set yet");
}

}  // namespace

bool ondemand_service::serves(std::string_view path) { return quote_id_in(path).has_value(); }

response ondemand_service::handle(const request& message) const {
  if (message.method() != http::verb::post) return method_not_allowed("POST");
  auto quote_id = *quote_id_in(target_path(message.target()));
  if (auto failure = authentication_failure(message)) return *failure;
  if (auto failure = quote_body_failure(message, quote_id)) return *failure;
  return authorize(quote_id);
}

}  // namespace emulator
