#ifndef APIDECL_CORE_PERCENT_ENCODING_HPP
#define APIDECL_CORE_PERCENT_ENCODING_HPP

#include <apidecl/core/writer.hpp>
#include <apidecl/detail/byte_table.hpp>

#include <array>
#include <cstddef>
#include <string_view>

/// RFC 3986 percent-encoding. Everything but the unreserved characters (ALPHA, DIGIT, "-", ".",
/// "_", "~") is encoded, in path segments and in query values alike, so that no byte of a value can
/// change the structure of the request ('/', '?', '#', '&', '=', '+' and bytes >= 0x80 all become
/// %XX). A whole value can: an empty, "." or ".." path segment, which the request builder refuses.
namespace apidecl {

constexpr bool is_unreserved(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

namespace detail {
inline constexpr auto unreserved_bytes = byte_table(is_unreserved);
}  // namespace detail

/// Appends `text` percent-encoded, with upper-case hex digits (RFC 3986, 2.1).
inline void percent_encode(std::string_view text, writer& out) noexcept {
  constexpr char digits[] = "0123456789ABCDEF";
  std::size_t run = 0;  // copy runs of unreserved bytes in one go
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (detail::unreserved_bytes[static_cast<unsigned char>(text[i])]) continue;
    out.append({text.data() + run, i - run});
    auto const byte = static_cast<unsigned char>(text[i]);
    char const escaped[3] = {'%', digits[byte >> 4], digits[byte & 0xF]};
    out.append({escaped, 3});
    run = i + 1;
  }
  out.append({text.data() + run, text.size() - run});
}

/// Decodes `%XX` escapes (and, when `plus_is_space`, '+' as in HTML forms) into `out`.
/// Returns false on a malformed escape; `out` then holds what was decoded before it.
inline bool percent_decode(std::string_view text, writer& out, bool plus_is_space = false) noexcept {
  for (std::size_t i = 0; i < text.size(); ++i) {
    char const c = text[i];
    if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else if (c != '%') {
      out.push_back(c);
    } else {
      if (i + 2 >= text.size()) return false;
      int const high = detail::hex_digit(text[i + 1]);
      int const low = detail::hex_digit(text[i + 2]);
      if (high < 0 || low < 0) return false;
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    }
  }
  return true;
}

}  // namespace apidecl

#endif
