// The law every text value (types/text_value.hpp) keeps, checked on whatever text a fuzz target
// reads: text that parses formats to text that parses back to an equal value and formats the same.
#ifndef APIDECL_FUZZ_TEXT_VALUE_LAWS_HPP
#define APIDECL_FUZZ_TEXT_VALUE_LAWS_HPP

#include "check.hpp"

#include <apidecl/core/writer.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace fuzz {

template <class T>
std::string formatted(T const& value) {
  std::string text(64, '\0');
  apidecl::writer w(text.data(), text.size());
  format_text(value, w);
  if (w.overflowed()) {
    text.assign(w.size(), '\0');
    apidecl::writer again(text.data(), text.size());
    format_text(value, again);
  }
  text.resize(w.size());
  return text;
}

/// The value `text` reads as, if any, once the law is checked on it.
template <class T>
std::optional<T> parsed_lawfully(std::string_view text) {
  T value{};
  if (!parse_text(text, value)) return std::nullopt;
  std::string const once = formatted(value);
  T again{};
  APIDECL_FUZZ_CHECK(parse_text(once, again));
  APIDECL_FUZZ_CHECK(again == value);
  APIDECL_FUZZ_CHECK(formatted(again) == once);
  return value;
}

}  // namespace fuzz

#endif
