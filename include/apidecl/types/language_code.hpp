#ifndef APIDECL_TYPES_LANGUAGE_CODE_HPP
#define APIDECL_TYPES_LANGUAGE_CODE_HPP

#include <apidecl/core/writer.hpp>

#include <cstddef>
#include <string_view>

namespace apidecl {

/// A language, optionally with the country it is spoken in, as onDemand names its locales: `en`,
/// `en-gb` (an ISO 639-1 language and an ISO 3166-1 country, two letters each). Held inline and
/// in lower case, the way onDemand writes it.
///
/// A text value (text_value.hpp): two ASCII letters, optionally '-' and two more, in any case
/// ("en-GB" reads as "en-gb"). Anything else is refused: three-letter codes, '_' as the
/// separator, scripts or regions beyond the country. Whether onDemand offers a locale is for
/// `GET /api/locales` to say, not for this type.
class language_code {
 public:
  static constexpr std::string_view text_format = "a language code (ll or ll-cc)";

  /// No language: it formats as empty text, which parse_text refuses, so set one before sending.
  constexpr language_code() noexcept = default;

  /// The whole code, `en` or `en-gb`.
  constexpr std::string_view text() const noexcept { return {letters_, size_}; }
  /// The language, `en`.
  constexpr std::string_view language() const noexcept { return text().substr(0, 2); }
  /// The country, `gb`, or empty if the code names none.
  constexpr std::string_view country() const noexcept { return size_ == 5 ? text().substr(3) : std::string_view(); }
  constexpr bool empty() const noexcept { return size_ == 0; }

  friend constexpr bool operator==(language_code const& a, language_code const& b) noexcept {
    return a.text() == b.text();
  }
  friend constexpr bool operator!=(language_code const& a, language_code const& b) noexcept { return !(a == b); }

  friend constexpr bool parse_text(std::string_view text, language_code& out) noexcept { return out.parse(text); }
  friend void format_text(language_code const& value, writer& out) noexcept { out.append(value.text()); }

 private:
  constexpr bool parse(std::string_view text) noexcept {
    if (text.size() != 2 && !(text.size() == 5 && text[2] == '-')) return false;
    language_code result;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (i == 2) {
        result.letters_[i] = '-';
        continue;
      }
      char const c = text[i];
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
      result.letters_[i] = c >= 'a' ? c : static_cast<char>(c - 'A' + 'a');
    }
    result.size_ = text.size();
    *this = result;
    return true;
  }

  char letters_[5] = {};
  std::size_t size_ = 0;
};

}  // namespace apidecl

#endif
