#ifndef APIDECL_OBSERVERS_DETAIL_LINE_HPP
#define APIDECL_OBSERVERS_DETAIL_LINE_HPP

#include <apidecl/client/observer.hpp>
#include <apidecl/core/failure.hpp>
#include <apidecl/core/method.hpp>
#include <apidecl/core/writer.hpp>

#include <charconv>
#include <cstddef>
#include <cstring>
#include <string_view>

// What the ready observers share to write text without the heap.
namespace apidecl::detail {

/// A line of text made in a fixed buffer: a longer one is cut and ends in "...".
template <std::size_t Capacity>
class fixed_line {
  static_assert(Capacity >= 3, "apidecl: a line needs room for its \"...\" marker");

 public:
  fixed_line() = default;
  fixed_line(fixed_line const&) = delete;  // its writer points into its own buffer
  fixed_line& operator=(fixed_line const&) = delete;

  writer& out() noexcept { return out_; }
  std::string_view text() noexcept {
    if (!out_.overflowed()) return {data_, out_.size()};
    std::memcpy(data_ + Capacity - 3, "...", 3);
    return {data_, Capacity};
  }

 private:
  char data_[Capacity];
  writer out_{data_, Capacity};
};

/// Appends `text` (a body, a transport's words: text from outside) with each line break as a
/// blank, so that the line it goes in stays one line.
inline void append_as_one_line(writer& out, std::string_view text) noexcept {
  for (std::size_t at = text.find_first_of("\r\n"); at != std::string_view::npos; at = text.find_first_of("\r\n")) {
    out.append(text.substr(0, at));
    out.push_back(' ');
    text.remove_prefix(at + 1);
  }
  out.append(text);
}

inline void write_integer(writer& out, long long value) noexcept {
  char digits[24];  // any 64-bit value with its sign
  std::to_chars_result const r = std::to_chars(digits, digits + sizeof digits, value);
  out.append({digits, static_cast<std::size_t>(r.ptr - digits)});
}

/// "GET /api/job/authorize": how the observers name an endpoint, after its template.
inline void write_endpoint(writer& out, endpoint_info const& e) noexcept {
  out.append(method_name(e.method));
  out.push_back(' ');
  out.append(e.path_template);
}


}  // namespace apidecl::detail

#endif
