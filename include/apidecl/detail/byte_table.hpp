#ifndef APIDECL_DETAIL_BYTE_TABLE_HPP
#define APIDECL_DETAIL_BYTE_TABLE_HPP

#include <array>
#include <cstddef>

namespace apidecl::detail {

/// `is(c)` for every byte, worked out at compile time: a hot loop over the bytes of a request or a
/// response (percent-encoding, a constraint, the response reader) then looks each byte up instead
/// of testing ranges.
template <class Predicate>
constexpr std::array<bool, 256> byte_table(Predicate is) noexcept {
  std::array<bool, 256> table{};
  for (std::size_t byte = 0; byte < table.size(); ++byte) table[byte] = is(static_cast<char>(byte));
  return table;
}

/// The value of the hexadecimal digit `c`, or -1: percent-decoding, chunk sizes and the hex
/// constraint read digits alike.
constexpr int hex_digit(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Whether the bytes of `text` are all in `table`.
constexpr bool all_in(std::array<bool, 256> const& table, char const* text, std::size_t size) noexcept {
  for (std::size_t i = 0; i < size; ++i)
    if (!table[static_cast<unsigned char>(text[i])]) return false;
  return true;
}

}  // namespace apidecl::detail

#endif
