#ifndef APIDECL_CORE_WRITER_HPP
#define APIDECL_CORE_WRITER_HPP

#include <cstddef>
#include <cstring>
#include <string_view>

namespace apidecl {

/// Appends bytes to a caller-owned buffer and never writes past its end. Like `fmt::format_to_n`
/// it keeps counting past the capacity, so after an overflow `size()` is the capacity that was
/// needed and the caller can retry with a buffer that large.
class writer {
 public:
  constexpr writer(char* data, std::size_t capacity) noexcept : data_(data), capacity_(capacity) {}
  /// Appends after the first `written` bytes of `data`, which are kept: how a request already
  /// built is authenticated again without being built again.
  constexpr writer(char* data, std::size_t capacity, std::size_t written) noexcept
      : data_(data), capacity_(capacity), size_(written) {}

  void append(std::string_view bytes) noexcept {
    std::size_t const at = size_;  // read once: the copy may alias any member, as char does
    if (at < capacity_ && !bytes.empty()) {  // an empty view's data() may be null, which memcpy may not take
      std::size_t const room = capacity_ - at;
      std::memcpy(data_ + at, bytes.data(), bytes.size() < room ? bytes.size() : room);
    }
    size_ = at + bytes.size();
  }

  void push_back(char c) noexcept {
    std::size_t const at = size_;  // read once: the store below may alias any member, as char does
    if (at < capacity_) data_[at] = c;
    size_ = at + 1;
  }

  /// Bytes appended so far, including those that did not fit.
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr std::size_t capacity() const noexcept { return capacity_; }
  constexpr bool overflowed() const noexcept { return size_ > capacity_; }

  /// The bytes written from `from` to `to`; valid only when nothing overflowed.
  constexpr std::string_view slice(std::size_t from, std::size_t to) const noexcept {
    return {data_ + from, to - from};
  }

 private:
  char* data_;
  std::size_t capacity_;
  std::size_t size_ = 0;
};

}  // namespace apidecl

#endif
