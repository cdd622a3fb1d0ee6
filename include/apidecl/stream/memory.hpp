#ifndef APIDECL_STREAM_MEMORY_HPP
#define APIDECL_STREAM_MEMORY_HPP

#include <apidecl/core/body_source.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace apidecl {

/// Bytes already in memory (not copied: they must outlive the call) as a BodySource, for an
/// endpoint whose body is streamed; rewinds.
class memory_source {
 public:
  explicit memory_source(std::string_view bytes) noexcept : bytes_(bytes) {}

  std::uint64_t size() const noexcept { return bytes_.size(); }
  source_read read(char* buffer, std::size_t capacity) noexcept {
    std::size_t const n = capacity < bytes_.size() - position_ ? capacity : bytes_.size() - position_;
    if (n > 0) std::memcpy(buffer, bytes_.data() + position_, n);
    position_ += n;
    return n;
  }
  bool rewind() noexcept {
    position_ = 0;
    return true;
  }

 private:
  std::string_view bytes_;
  std::size_t position_ = 0;
};

static_assert(is_body_source_v<memory_source> && is_rewindable_source_v<memory_source>);

}  // namespace apidecl

#endif
