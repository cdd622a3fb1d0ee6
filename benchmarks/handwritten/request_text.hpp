// Hand-written baseline: a request written into a caller's buffer as careful code without apidecl
// writes it: bounded writes, the constant parts copied as they are, only the values formatted
// (integers with {fmt}'s format_int, which parses no format string), percent-encoded path and
// query values, and XML-escaped element text.
#ifndef APIDECL_BENCHMARKS_HANDWRITTEN_REQUEST_TEXT_HPP
#define APIDECL_BENCHMARKS_HANDWRITTEN_REQUEST_TEXT_HPP

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace handwritten {

/// Text appended to a fixed buffer; `overflowed()` once something did not fit.
class request_text {
 public:
  request_text(char* data, std::size_t capacity) noexcept : data_(data), capacity_(capacity) {}

  /// Copies `text` as it is: a constant of the request, or a value that needs no escaping.
  void append(std::string_view text) noexcept {
    if (size_ < capacity_) std::memcpy(data_ + size_, text.data(), std::min(text.size(), capacity_ - size_));
    size_ += text.size();
  }

  void put(char c) noexcept {
    if (size_ < capacity_) data_[size_] = c;
    ++size_;
  }

  /// Decimal digits.
  void number(std::int64_t value) noexcept {
    fmt::format_int const digits(value);
    append({digits.data(), digits.size()});
  }

  /// RFC 3986: everything but ALPHA, DIGIT, "-", ".", "_" and "~" as %XX.
  void percent_encoded(std::string_view text) noexcept {
    constexpr char hex[] = "0123456789ABCDEF";
    for (char c : text) {
      bool const plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                         c == '.' || c == '_' || c == '~';
      if (plain) {
        put(c);
      } else {
        auto const byte = static_cast<unsigned char>(c);
        put('%');
        put(hex[byte >> 4]);
        put(hex[byte & 0xF]);
      }
    }
  }

  /// Element text with '&', '<' and '>' escaped.
  void xml_escaped(std::string_view text) noexcept {
    for (char c : text) {
      if (c == '&')
        append("&amp;");
      else if (c == '<')
        append("&lt;");
      else if (c == '>')
        append("&gt;");
      else
        put(c);
    }
  }

  std::size_t size() const noexcept { return size_; }
  bool overflowed() const noexcept { return size_ > capacity_; }
  std::string_view slice(std::size_t from, std::size_t to) const noexcept { return {data_ + from, to - from}; }

 private:
  char* data_;
  std::size_t capacity_;
  std::size_t size_ = 0;
};

}  // namespace handwritten

#endif
