#ifndef APIDECL_STREAM_DETAIL_SOURCE_CURSOR_HPP
#define APIDECL_STREAM_DETAIL_SOURCE_CURSOR_HPP

#include <cstddef>
#include <cstdint>

namespace apidecl::detail {

/// How far a source of known size has been read, for the sources that make or copy their bytes
/// at any offset and so rewind for free: the BodySource's `size`, `position` and `rewind`, and
/// the length of the next read.
class source_cursor {
 public:
  explicit constexpr source_cursor(std::uint64_t size) noexcept : size_(size) {}

  std::uint64_t size() const noexcept { return size_; }
  std::uint64_t position() const noexcept { return position_; }
  bool rewind() noexcept {
    position_ = 0;
    return true;
  }

 protected:
  /// Counts the next read of at most `capacity` bytes as done: how many it has (fewer at the
  /// end) and the offset they begin at.
  struct span {
    std::uint64_t offset;
    std::size_t length;
  };
  span advance(std::size_t capacity) noexcept {
    std::uint64_t const left = size_ - position_;
    span const next{position_, left < capacity ? static_cast<std::size_t>(left) : capacity};
    position_ += next.length;
    return next;
  }

 private:
  std::uint64_t size_;
  std::uint64_t position_ = 0;
};

}  // namespace apidecl::detail

#endif
