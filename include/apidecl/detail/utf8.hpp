#ifndef APIDECL_DETAIL_UTF8_HPP
#define APIDECL_DETAIL_UTF8_HPP

#include <cstddef>
#include <string_view>

namespace apidecl::detail {

/// Whether `text` is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past
/// U+10FFFF) and `accept(code_point)` holds for each of its code points. Serializers use it to
/// refuse text their format cannot carry rather than write a document no parser accepts.
template <class Accept>
bool every_code_point(std::string_view text, Accept accept) noexcept {
  auto const* p = reinterpret_cast<unsigned char const*>(text.data());
  auto const* const end = p + text.size();
  while (p != end) {
    unsigned char const lead = *p++;
    std::ptrdiff_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the range of the first continuation byte
    char32_t code_point = lead;
    if (lead < 0x80) {
      length = 0;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 1;
      code_point = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 2;
      code_point = lead & 0x0F;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 3;
      code_point = lead & 0x07;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    } else {
      return false;
    }
    if (length > 0 && (end - p < length || p[0] < low || p[0] > high)) return false;
    for (std::ptrdiff_t i = 0; i < length; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      code_point = (code_point << 6) | (p[i] & 0x3F);
    }
    if (!accept(code_point)) return false;
    p += length;
  }
  return true;
}

}  // namespace apidecl::detail

#endif
