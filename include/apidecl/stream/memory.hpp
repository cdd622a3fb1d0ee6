#ifndef APIDECL_STREAM_MEMORY_HPP
#define APIDECL_STREAM_MEMORY_HPP

#include <apidecl/core/body_source.hpp>
#include <apidecl/stream/detail/source_cursor.hpp>

#include <cstddef>
#include <cstring>
#include <string_view>

namespace apidecl {

/// Bytes already in memory (not copied: they must outlive the call) as a BodySource, for an
/// endpoint whose body is streamed; rewinds.
class memory_source : public detail::source_cursor {
 public:
  explicit memory_source(std::string_view bytes) noexcept : source_cursor(bytes.size()), bytes_(bytes) {}

  source_read read(char* buffer, std::size_t capacity) noexcept {
    span const next = advance(capacity);
    if (next.length > 0) std::memcpy(buffer, bytes_.data() + next.offset, next.length);
    return next.length;
  }

 private:
  std::string_view bytes_;
};

static_assert(is_body_source_v<memory_source> && is_rewindable_source_v<memory_source>);

}  // namespace apidecl

#endif
