#ifndef APIDECL_STREAM_GENERATED_SOURCE_HPP
#define APIDECL_STREAM_GENERATED_SOURCE_HPP

#include <apidecl/core/body_source.hpp>

#include <cstddef>
#include <cstdint>

namespace apidecl {

/// A BodySource of `size` bytes made as they are read, each a function of its offset
/// (`byte_at`), so that a receiver can check every byte of a body no one stored: for tests and
/// benchmarks of large uploads. Rewinds.
class generated_source {
 public:
  explicit generated_source(std::uint64_t size) noexcept : size_(size) {}

  /// The byte at `offset`: not periodic at any power of two, so a piece lost, repeated or
  /// swapped shows.
  static constexpr char byte_at(std::uint64_t offset) noexcept {
    return static_cast<char>((offset * 131u + offset / 251u) & 0xffu);
  }

  std::uint64_t size() const noexcept { return size_; }
  std::uint64_t position() const noexcept { return position_; }

  source_read read(char* buffer, std::size_t capacity) noexcept {
    std::uint64_t const left = size_ - position_;
    std::size_t const n = left < capacity ? static_cast<std::size_t>(left) : capacity;
    for (std::size_t i = 0; i < n; ++i) buffer[i] = byte_at(position_ + i);
    position_ += n;
    return n;
  }
  bool rewind() noexcept {
    position_ = 0;
    return true;
  }

 private:
  std::uint64_t size_;
  std::uint64_t position_ = 0;
};

static_assert(is_body_source_v<generated_source> && is_rewindable_source_v<generated_source>);

}  // namespace apidecl

#endif
