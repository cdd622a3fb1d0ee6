// 06 — Authorize an onDemand quote, and if it changed meanwhile (409), authorize the corrected
// quote the server sends back. Requests are signed (LOD1-BASE64-SHA256), bodies are XML, and every
// documented outcome is handled. The emulator's quote 798 has changed: it answers 409 with the
// corrected quote 799, which it then authorizes.
#include "settings.hpp"

#include <apidecl/apis/ondemand/ondemand.hpp>
#include <apidecl/auth/openssl_sha256.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/fmt/formatters.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/transport/curl.hpp>
#include <apidecl/types/text_value.hpp>

#include <fmt/core.h>

#include <optional>

namespace od = apidecl::ondemand;

// The quote as Generate Quote returned it (its QuoteID is set from the settings).
constexpr char const* generated = "<Quote><QuoteID>0</QuoteID><CreationDate>2014-06-25T16:39:07Z</CreationDate>"
    "<ServiceID>112</ServiceID><SourceLanguage><LanguageCode>en-gb</LanguageCode></SourceLanguage>"
    "<TargetLanguages><TargetLanguage><LanguageCode>fr-fr</LanguageCode></TargetLanguage></TargetLanguages>"
    "<TotalTranslations>1</TotalTranslations><TranslationCredit>0</TranslationCredit><TotalCost>20.00</TotalCost>"
    "<PrepaidCredit>118.99</PrepaidCredit><AmountDue>0.00</AmountDue><Currency>EUR</Currency></Quote>";

int main(int argc, char** argv) {
  examples::settings const s = examples::read_settings(argc, argv);
  apidecl::curl_transport http({s.base_url});
  od::signer sign({s.key_id, s.secret_key}, apidecl::openssl_sha256{});
  auto api = apidecl::make_client(http, apidecl::pugixml_serializer{}, sign);

  od::quote first;
  if (!apidecl::pugixml_serializer{}.decode(generated, first)) return 1;
  first.quote_id = od::ids::quote(s.quote_id);
  std::optional<od::quote> next = first;
  bool authorized = false;

  // Each call says what it got and hands back the quote to try next, if any. Two tries at most:
  // a quote that keeps changing needs a person to look at it.
  for (int attempt = 1; next && attempt <= 2; ++attempt) {
    od::quote const quote = *std::move(next);
    next = api.call(od::authorize_quote, od::quote_id = quote.quote_id.value(), apidecl::body = quote)
               .visit(apidecl::overload{
                   [&](od::quote_authorization const& a) -> std::optional<od::quote> {
                     fmt::print("202 {}: quote {}\n", a.status.text(), a.quote_url);
                     authorized = a.status == od::authorization_status::authorized;
                     for (od::project const& p : a.projects)
                       fmt::print("  project {} due {}\n", p.project_id.value(), apidecl::to_text(p.project_due_date));
                     return std::nullopt;
                   },
                   [](apidecl::status<402, od::quote_authorization> const& s) -> std::optional<od::quote> {
                     fmt::print("402 payment required: pay at {}\n", s.body.payment_url.value_or("(no URL)"));
                     return std::nullopt;
                   },
                   [](od::quote const& q) -> std::optional<od::quote> {
                     fmt::print("409 quote changed: total cost now {} {}, authorizing again\n",
                                apidecl::to_text(q.total_cost), q.currency.text());
                     return q;
                   },
                   [](od::error const& e) -> std::optional<od::quote> {
                     fmt::print("refused, reason {}: {}\n", e.reason_code.text(), e.simple_message);
                     return std::nullopt;
                   },
                   [](od::rate_limited const& s) -> std::optional<od::quote> {
                     auto const& asked = s.headers.get<apidecl::retry_after_header>();
                     if (asked && asked->delay()) fmt::print("429 rate limited: try again in {} s\n", asked->delay()->count());
                     else fmt::print("429 rate limited: try again in a minute\n");
                     return std::nullopt;
                   },
                   [](apidecl::unexpected_status const& s) -> std::optional<od::quote> {
                     fmt::print("{}\n", s);
                     return std::nullopt;
                   },
                   [](apidecl::failure const& f) -> std::optional<od::quote> {
                     fmt::print("failed: {}\n", f);
                     return std::nullopt;
                   }});
  }
  return authorized ? 0 : 1;  // any other outcome is a surprise
}
