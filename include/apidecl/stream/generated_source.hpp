#ifndef APIDECL_STREAM_GENERATED_SOURCE_HPP
#define APIDECL_STREAM_GENERATED_SOURCE_HPP

#include <apidecl/core/body_source.hpp>
#include <apidecl/stream/detail/source_cursor.hpp>

#include <cstddef>
#include <cstdint>

namespace apidecl {

/// A BodySource of `size` bytes made as they are read, each a function of its offset
/// (`byte_at`), so that a receiver can check every byte of a body no one stored: for tests and
/// benchmarks of large uploads. Rewinds.
class generated_source : public detail::source_cursor {
 public:
  explicit generated_source(std::uint64_t size) noexcept : source_cursor(size) {}

  /// The byte at `offset`: not periodic at any power of two, so a piece lost, repeated or
  /// swapped shows.
  static constexpr char byte_at(std::uint64_t offset) noexcept {
    return static_cast<char>((offset * 131u + offset / 251u) & 0xffu);
  }

  source_read read(char* buffer, std::size_t capacity) noexcept {
    span const next = advance(capacity);
    for (std::size_t i = 0; i < next.length; ++i) buffer[i] = byte_at(next.offset + i);
    return next.length;
  }
};

static_assert(is_body_source_v<generated_source> && is_rewindable_source_v<generated_source>);

}  // namespace apidecl

#endif
