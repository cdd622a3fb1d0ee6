#ifndef APIDECL_TRANSPORT_DETAIL_BODY_PUMP_HPP
#define APIDECL_TRANSPORT_DETAIL_BODY_PUMP_HPP

#include <apidecl/core/body_sink.hpp>
#include <apidecl/core/body_source.hpp>
#include <apidecl/core/expected.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

/// What every streaming transport shares: reading a source exactly to its declared size, and the
/// words of a failed stream.
namespace apidecl::detail {

/// Reads a streamed request body from its source, never asking past the size it declared (the
/// Content-Length already sent), and refusing a source that ends early or gives more than asked.
class source_pump {
 public:
  source_pump() noexcept = default;
  explicit source_pump(body_source_ref source) noexcept : source_(source), left_(source ? source.size() : 0) {}

  /// The bytes still to send.
  std::uint64_t left() const noexcept { return left_; }

  /// Reads the next bytes into `buffer` (`capacity` > 0): how many, 0 once the declared size is
  /// read, or why the source cannot give them.
  expected<std::size_t, stream_failure> next(char* buffer, std::size_t capacity) noexcept {
    if (left_ == 0) return std::size_t{0};
    std::size_t const asked = left_ < capacity ? static_cast<std::size_t>(left_) : capacity;
    source_read const got = source_.read(buffer, asked);
    if (!got) return got.error();
    if (*got > asked) return stream_failure{"gave more bytes than asked"};
    if (*got == 0) return stream_failure{"ended before the size it declared"};
    left_ -= *got;
    return *got;
  }

 private:
  body_source_ref source_;
  std::uint64_t left_ = 0;
};

/// The detail of a transport error for a stream that failed: "body source: <what>" or
/// "body sink: <what>", with the errno if there is one.
inline std::string stream_failure_text(std::string_view side, stream_failure const& f) {
  std::string text(side);
  text.append(": ").append(f.what);
  if (f.error_number != 0) text.append(" (errno ").append(std::to_string(f.error_number)).append(")");
  return text;
}

}  // namespace apidecl::detail

#endif
