// Hand-written baseline: the requests of the three seed endpoints, built into a caller's buffer
// as careful code builds them (request_text.hpp: constants copied, values formatted or escaped),
// checked as apidecl checks them (hex token and job ID, a quote ID that is not empty).
#ifndef APIDECL_BENCHMARKS_HANDWRITTEN_REQUESTS_HPP
#define APIDECL_BENCHMARKS_HANDWRITTEN_REQUESTS_HPP

#include "handwritten/bodies.hpp"
#include "handwritten/request_text.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace handwritten {

/// Views into the buffer the request was written in.
struct request {
  std::string_view method;
  std::string_view target;
  std::string_view headers;
  std::string_view body;
};

inline bool is_hex(std::string_view text) noexcept {
  if (text.empty()) return false;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  return true;
}

/// cielo24's `GET /api/job/<action>?v=1&api_token=...&job_id=...` (Authorize Job, Delete Job).
inline std::optional<request> job_request(std::string_view action, std::string_view api_token, std::string_view job_id,
                                          char* buffer, std::size_t capacity) {
  if (!is_hex(api_token) || !is_hex(job_id)) return std::nullopt;
  request_text out(buffer, capacity);
  out.append("/api/job/");
  out.append(action);
  out.append("?v=1&api_token=");
  out.percent_encoded(api_token);
  out.append("&job_id=");
  out.percent_encoded(job_id);
  if (out.overflowed()) return std::nullopt;
  return request{"GET", out.slice(0, out.size()), {}, {}};
}

/// onDemand's `POST /api/quote/<quote_id>/authorize` with the quote as XML.
inline std::optional<request> authorize_quote_request(quote const& q, char* buffer, std::size_t capacity) {
  if (q.quote_id.empty()) return std::nullopt;
  request_text out(buffer, capacity);
  out.append("/api/quote/");
  out.percent_encoded(q.quote_id);
  out.append("/authorize");
  std::size_t const target_end = out.size();
  out.append("Content-Type: text/xml\r\n");
  std::size_t const headers_end = out.size();
  out.append("<Quote><QuoteID>");
  out.xml_escaped(q.quote_id);
  out.append("</QuoteID><CreationDate>");
  out.xml_escaped(q.creation_date);
  out.append("</CreationDate><ServiceID>");
  out.number(q.service_id);
  out.append("</ServiceID><SourceLanguage><LanguageCode>");
  out.xml_escaped(q.source_language);
  out.append("</LanguageCode></SourceLanguage><TargetLanguages>");
  for (std::string const& language : q.target_languages) {
    out.append("<TargetLanguage><LanguageCode>");
    out.xml_escaped(language);
    out.append("</LanguageCode></TargetLanguage>");
  }
  out.append("</TargetLanguages><TotalTranslations>");
  out.number(q.total_translations);
  out.append("</TotalTranslations><TranslationCredit>");
  out.number(q.translation_credit);
  out.append("</TranslationCredit><TotalCost>");
  out.xml_escaped(q.total_cost);
  out.append("</TotalCost><PrepaidCredit>");
  out.xml_escaped(q.prepaid_credit);
  out.append("</PrepaidCredit><AmountDue>");
  out.xml_escaped(q.amount_due);
  out.append("</AmountDue><Currency>");
  out.xml_escaped(q.currency);
  out.append("</Currency>");
  if (!q.products.empty()) {
    out.append("<Products>");
    for (product const& p : q.products) {
      out.append("<Product><AssetID>");
      out.number(p.asset_id);
      out.append("</AssetID><SKUs>");
      for (std::string const& sku : p.sku_numbers) {
        out.append("<SKU><SKUNumber>");
        out.xml_escaped(sku);
        out.append("</SKUNumber></SKU>");
      }
      out.append("</SKUs>");
      if (p.due_date) {
        out.append("<DueDate>");
        out.xml_escaped(*p.due_date);
        out.append("</DueDate>");
      }
      out.append("</Product>");
    }
    out.append("</Products>");
  }
  out.append("</Quote>");
  if (out.overflowed()) return std::nullopt;
  return request{"POST", out.slice(0, target_end), out.slice(target_end, headers_end),
                 out.slice(headers_end, out.size())};
}

/// The seed's request example.
inline quote seed_quote() {
  return {"795", "2014-06-25T16:39:07Z", 112, "en-gb", {"fr-fr", "it-it"}, 2, 49984, "0.00", "118.99", "0.00", "EUR",
          {}};
}

}  // namespace handwritten

#endif
