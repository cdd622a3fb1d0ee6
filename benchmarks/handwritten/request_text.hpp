// Hand-written baseline: a request written with {fmt} into a caller's buffer, as careful code
// without apidecl would do it: bounded writes, percent-encoded path and query values, and
// XML-escaped element text.
#ifndef APIDECL_BENCHMARKS_HANDWRITTEN_REQUEST_TEXT_HPP
#define APIDECL_BENCHMARKS_HANDWRITTEN_REQUEST_TEXT_HPP

#include <fmt/format.h>

#include <cstddef>
#include <string_view>
#include <utility>

namespace handwritten {

/// Text appended to a fixed buffer; `overflowed()` once something did not fit.
class request_text {
 public:
  request_text(char* data, std::size_t capacity) noexcept : data_(data), capacity_(capacity) {}

  template <class... Args>
  void print(fmt::format_string<Args...> format, Args&&... args) {
    std::size_t const room = size_ < capacity_ ? capacity_ - size_ : 0;
    size_ += fmt::format_to_n(data_ + size_, room, format, std::forward<Args>(args)...).size;
  }

  void put(char c) noexcept {
    if (size_ < capacity_) data_[size_] = c;
    ++size_;
  }

  /// RFC 3986: everything but ALPHA, DIGIT, "-", ".", "_" and "~" as %XX.
  void percent_encoded(std::string_view text) {
    for (char c : text) {
      bool const plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                         c == '.' || c == '_' || c == '~';
      if (plain)
        put(c);
      else
        print("%{:02X}", static_cast<unsigned char>(c));
    }
  }

  /// Element text with '&', '<' and '>' escaped.
  void xml_escaped(std::string_view text) {
    for (char c : text) {
      if (c == '&')
        print("&amp;");
      else if (c == '<')
        print("&lt;");
      else if (c == '>')
        print("&gt;");
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
