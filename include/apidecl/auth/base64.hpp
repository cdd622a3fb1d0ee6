#ifndef APIDECL_AUTH_BASE64_HPP
#define APIDECL_AUTH_BASE64_HPP

#include <apidecl/core/writer.hpp>

#include <cstddef>

namespace apidecl {

/// The length of the Base64 text of `size` bytes, padding included.
constexpr std::size_t base64_size(std::size_t size) noexcept { return (size + 2) / 3 * 4; }

/// Writes `bytes` in Base64 with the standard alphabet and `=` padding (RFC 4648 §4), as
/// signatures are sent.
inline void base64_encode(unsigned char const* bytes, std::size_t size, writer& out) noexcept {
  constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (std::size_t i = 0; i < size; i += 3) {
    std::size_t const left = size - i;
    unsigned long const group = static_cast<unsigned long>(bytes[i]) << 16 |
                                (left > 1 ? static_cast<unsigned long>(bytes[i + 1]) << 8 : 0) |
                                (left > 2 ? static_cast<unsigned long>(bytes[i + 2]) : 0);
    out.push_back(alphabet[group >> 18 & 63]);
    out.push_back(alphabet[group >> 12 & 63]);
    out.push_back(left > 1 ? alphabet[group >> 6 & 63] : '=');
    out.push_back(left > 2 ? alphabet[group & 63] : '=');
  }
}

}  // namespace apidecl

#endif
