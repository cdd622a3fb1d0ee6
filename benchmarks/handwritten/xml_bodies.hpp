// Hand-written baseline: onDemand's XML bodies read with pugixml (QuoteAuthorization, the error
// body, a corrected Quote), every required element checked and every number parsed.
#ifndef APIDECL_BENCHMARKS_HANDWRITTEN_XML_BODIES_HPP
#define APIDECL_BENCHMARKS_HANDWRITTEN_XML_BODIES_HPP

#include "handwritten/bodies.hpp"

#include <pugixml.hpp>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace handwritten {

namespace detail {
inline bool read_text(pugi::xml_node node, std::string& out) {
  if (!node) return false;
  out = node.child_value();
  return true;
}

inline bool read_integer(pugi::xml_node node, std::int64_t& out) {
  if (!node) return false;
  char const* const text = node.child_value();
  char const* const end = text + std::strlen(text);
  auto const [stop, error] = std::from_chars(text, end, out);
  return error == std::errc() && stop == end && stop != text;
}

// Each `Item` element of `List` below `node`, read by `read_item` into a new element of `out`.
template <class T, class ReadItem>
bool read_list(pugi::xml_node node, char const* list, char const* item, std::vector<T>& out, ReadItem read_item) {
  pugi::xml_node const container = node.child(list);
  if (!container) return false;
  for (pugi::xml_node const element : container.children(item))
    if (!read_item(element, out.emplace_back())) return false;
  return true;
}

inline bool read_product(pugi::xml_node node, product& out) {
  if (!read_integer(node.child("AssetID"), out.asset_id)) return false;
  if (pugi::xml_node const due = node.child("DueDate")) out.due_date = due.child_value();
  return read_list(node, "SKUs", "SKU", out.sku_numbers,
                   [](pugi::xml_node sku, std::string& number) { return read_text(sku.child("SKUNumber"), number); });
}

inline bool read_project(pugi::xml_node node, project& out) {
  return read_integer(node.child("ProjectID"), out.project_id) &&
         read_text(node.child("ProjectURL"), out.project_url) &&
         read_text(node.child("ProjectDueDate"), out.project_due_date) &&
         read_list(node, "Products", "Product", out.products, read_product);
}
}  // namespace detail

/// Reads `<QuoteAuthorization>`.
inline bool read_quote_authorization(std::string_view body, quote_authorization& out) {
  pugi::xml_document document;
  if (!document.load_buffer(body.data(), body.size())) return false;
  pugi::xml_node const root = document.child("QuoteAuthorization");
  if (pugi::xml_node const payment = root.child("PaymentURL")) out.payment_url = payment.child_value();
  return detail::read_text(root.child("Status"), out.status) &&
         detail::read_text(root.child("QuoteURL"), out.quote_url) &&
         detail::read_list(root, "Projects", "Project", out.projects, detail::read_project);
}

/// Reads `<Error>`.
inline bool read_ondemand_error(std::string_view body, ondemand_error& out) {
  pugi::xml_document document;
  if (!document.load_buffer(body.data(), body.size())) return false;
  pugi::xml_node const root = document.child("Error");
  return detail::read_text(root.child("ReasonCode"), out.reason_code) &&
         detail::read_text(root.child("SimpleMessage"), out.simple_message) &&
         detail::read_text(root.child("DetailedMessage"), out.detailed_message);
}

/// Reads `<Quote>`.
inline bool read_quote(std::string_view body, quote& out) {
  pugi::xml_document document;
  if (!document.load_buffer(body.data(), body.size())) return false;
  pugi::xml_node const root = document.child("Quote");
  if (root.child("Products") && !detail::read_list(root, "Products", "Product", out.products, detail::read_product))
    return false;
  return detail::read_text(root.child("QuoteID"), out.quote_id) &&
         detail::read_text(root.child("CreationDate"), out.creation_date) &&
         detail::read_integer(root.child("ServiceID"), out.service_id) &&
         detail::read_text(root.child("SourceLanguage").child("LanguageCode"), out.source_language) &&
         detail::read_list(root, "TargetLanguages", "TargetLanguage", out.target_languages,
                           [](pugi::xml_node item, std::string& code) {
                             return detail::read_text(item.child("LanguageCode"), code);
                           }) &&
         detail::read_integer(root.child("TotalTranslations"), out.total_translations) &&
         detail::read_integer(root.child("TranslationCredit"), out.translation_credit) &&
         detail::read_text(root.child("TotalCost"), out.total_cost) &&
         detail::read_text(root.child("PrepaidCredit"), out.prepaid_credit) &&
         detail::read_text(root.child("AmountDue"), out.amount_due) &&
         detail::read_text(root.child("Currency"), out.currency);
}

}  // namespace handwritten

#endif
