#ifndef APIDECL_CORE_REDACTION_HPP
#define APIDECL_CORE_REDACTION_HPP

#include <apidecl/core/method.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/core/writer.hpp>

#include <cstddef>
#include <string>
#include <string_view>

/// Secrets by construction: while a request is built and authenticated, the places of the values
/// declared secret (a `secret` parameter, a field an Auth policy adds with `add_secret`) are
/// recorded, and every text made of the request for an observer or a log shows them as `***`.
/// Nothing has to recognise a secret by its name afterwards.
namespace apidecl {

/// Where the secret values lie in the buffer a request was built in: byte ranges, at most
/// `capacity` of them, recorded in the order they were written. No heap.
class redactions {
 public:
  static constexpr std::size_t capacity = 16;
  struct span {
    std::size_t begin;
    std::size_t end;
  };

  /// Records the secret bytes [begin, end) of the buffer. Past `capacity`, the request is marked
  /// as holding more secrets than are known, and its texts hide every value.
  void add(std::size_t begin, std::size_t end) noexcept {
    if (begin == end) return;
    if (count_ == capacity) {
      overflowed_ = true;
      return;
    }
    spans_[count_++] = span{begin, end};
  }
  /// Forgets the spans from the `kept`-th on: an attempt authenticated anew drops the fields of
  /// the one before.
  void keep_first(std::size_t kept) noexcept {
    if (kept < count_) count_ = kept;
    overflowed_ = overflowed_ && count_ == capacity;
  }

  /// The bytes [begin, end) were replaced by [begin, new_end), the rest moved along: a span that
  /// was those bytes covers the new ones, the spans after them move (a session's renewed token).
  void replaced(std::size_t begin, std::size_t end, std::size_t new_end) noexcept {
    for (std::size_t i = 0; i < count_; ++i) {
      span& s = spans_[i];
      if (s.begin == begin && s.end == end) s.end = new_end;
      else if (s.begin >= end) s = span{s.begin - end + new_end, s.end - end + new_end};
    }
  }

  std::size_t size() const noexcept { return count_; }
  bool overflowed() const noexcept { return overflowed_; }
  span const* begin() const noexcept { return spans_; }
  span const* end() const noexcept { return spans_ + count_; }

 private:
  span spans_[capacity];  // only the first count_ are read: left unset, making a record costs nothing
  std::size_t count_ = 0;
  bool overflowed_ = false;
};

/// A request as an observer or a log sees it: its method, target, header fields and body, each
/// written with its secret values as `***`. A view: valid while the request and its buffer are.
class redacted_request {
 public:
  /// `buffer` is where `r` was built, the offsets of `secrets` counting from it.
  redacted_request(request const& r, char const* buffer, redactions const& secrets) noexcept
      : request_(r), buffer_(buffer), secrets_(&secrets) {}

  apidecl::method method() const noexcept { return request_.method(); }
  /// The path without the query: a path parameter declared secret shows as `***`.
  void write_path(writer& out) const noexcept { write(request_.path(), out); }
  void write_target(writer& out) const noexcept { write(request_.target(), out); }
  /// "Name: value" lines, each ended by CR LF.
  void write_headers(writer& out) const noexcept { write(request_.headers().text(), out); }
  void write_body(writer& out) const noexcept { write(request_.body(), out); }

  std::string target() const { return text_of(&redacted_request::write_target); }
  std::string headers() const { return text_of(&redacted_request::write_headers); }
  std::string body() const { return text_of(&redacted_request::write_body); }
  /// The request line and the header fields, as they went out but for the secrets.
  std::string head() const {
    std::string text(method_name(method()));
    text += ' ';
    text += target();
    text += " HTTP/1.1\r\n";
    text += headers();
    return text;
  }

 private:
  // Writes `part` of the request, each secret span within it replaced by ***.
  void write(std::string_view part, writer& out) const noexcept {
    if (secrets_->overflowed()) return out.append("***");
    std::size_t const first = static_cast<std::size_t>(part.data() - buffer_);
    std::size_t at = 0;
    for (redactions::span const& s : *secrets_) {
      if (s.end <= first || s.begin >= first + part.size()) continue;
      std::size_t const from = s.begin > first ? s.begin - first : 0;
      std::size_t const to = s.end - first < part.size() ? s.end - first : part.size();
      if (from > at) out.append({part.data() + at, from - at});
      if (to > at) out.append("***");
      if (to > at) at = to;
    }
    out.append({part.data() + at, part.size() - at});
  }

  std::string text_of(void (redacted_request::*write_part)(writer&) const noexcept) const {
    writer counting(nullptr, 0);
    (this->*write_part)(counting);
    std::string text(counting.size(), '\0');
    writer out(text.data(), text.size());
    (this->*write_part)(out);
    return text;
  }

  request request_;
  char const* buffer_;
  redactions const* secrets_;
};

}  // namespace apidecl

#endif
