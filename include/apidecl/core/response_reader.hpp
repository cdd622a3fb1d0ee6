#ifndef APIDECL_CORE_RESPONSE_READER_HPP
#define APIDECL_CORE_RESPONSE_READER_HPP

#include <apidecl/core/body_sink.hpp>
#include <apidecl/core/failure.hpp>
#include <apidecl/core/header_list.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/detail/byte_table.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string_view>

/// Reading an HTTP/1.1 response from a byte stream into a caller's buffer, for a Transport written
/// over a bare socket (or a vendor's TLS) with no HTTP library: no heap, no exceptions, any split
/// of the bytes.
///
///     std::array<char, 2048> buffer;
///     apidecl::response_reader reader(buffer);
///     while (reader.state() == apidecl::read_state::need_more) {
///       std::string_view got = receive();  // empty once the peer has closed the stream
///       if (got.empty()) reader.finish();
///       else reader.feed(got);
///     }
///     return reader.result();  // from a Transport's send; or decode reader.response() directly
///
/// The buffer holds, in order, the reason phrase, the header fields as `header_list` text (one
/// `Name: value` per line, CRLF-terminated, no status line) and the body, de-chunked. Interim 1xx
/// responses (except 101) are read and dropped. Framing follows RFC 9112, section 6.
///
/// A body too large for any buffer goes to a BodySink instead (`reader_options::body_sink`): the
/// buffer then holds the head only, and the body's bytes are written to the sink as they are read.
namespace apidecl {

/// Where a response_reader is.
enum class read_state {
  need_more,  ///< feed more bytes, or call finish() at the end of the stream
  complete,   ///< response() holds the response
  failed,     ///< error() says why
};

/// What was wrong with the bytes received.
enum class read_errc {
  none,
  bad_status_line,                ///< not `HTTP/1.x NNN reason`
  bad_header,                     ///< a field line without a token name and ':', or with a control character
  folded_header,                  ///< a field line continued on the next (obs-fold, RFC 9112 5.2)
  header_too_large,               ///< the header section passed the limit or the buffer
  bad_content_length,             ///< not a decimal number, or too large to count
  conflicting_content_length,     ///< values that disagree, or one alongside Transfer-Encoding
  unsupported_transfer_encoding,  ///< anything but one `chunked`
  bad_chunk_size,                 ///< not a hexadecimal number, or a chunk line too long
  bad_chunk,                      ///< chunk data not followed by CRLF
  body_too_large,                 ///< the body passed the limit or the buffer
  body_sink_failed,               ///< the body sink refused the response or its bytes: `sink_failure()` says why
  truncated,                      ///< the stream ended before the response did
};

/// A short static description of `e`.
constexpr std::string_view error_text(read_errc e) noexcept;

/// Limits lower than the buffer's, and what the request was.
struct reader_options {
  /// The request was HEAD: the response has no body, whatever its fields say.
  bool head_request = false;
  /// The header section and the trailers, as received; also the longest chunk-size line.
  std::size_t max_header_bytes = static_cast<std::size_t>(-1);
  /// The body, de-chunked.
  std::size_t max_body_bytes = static_cast<std::size_t>(-1);
  /// Where the body of a response whose status the sink takes (`body_sink.takes(status)`) goes:
  /// `begin` once its header section is read, then `write` for each run of its bytes, de-chunked,
  /// none kept in the buffer. Such a body is bounded by neither `max_body_bytes` nor the buffer.
  body_sink_ref body_sink{};
};

/// How far one `feed` went.
struct read_progress {
  std::size_t consumed = 0;  ///< bytes used; the rest belong to the next response, or follow an error
  read_state state = read_state::need_more;
};

/// Reads one HTTP/1.x response incrementally into a caller's buffer (see the top of this header).
class response_reader {
 public:
  /// Reads into `data[0, capacity)`, which must outlive the reader and its response().
  response_reader(char* data, std::size_t capacity, reader_options options = {}) noexcept
      : data_(data), capacity_(capacity), options_(options) {}
  /// Reads into `buffer`: any contiguous range of char (an array, a std::array, a std::vector).
  template <class Buffer>
  explicit response_reader(Buffer& buffer, reader_options options = {}) noexcept
      : response_reader(std::data(buffer), std::size(buffer), options) {}

  /// Reads what it can of `bytes`. After `complete` or `failed` it consumes nothing more.
  read_progress feed(std::string_view bytes) noexcept;
  /// The stream has ended: completes a body read until the end, or fails as `truncated`.
  read_state finish() noexcept;

  read_state state() const noexcept { return state_; }
  /// Why the response could not be read; `none` unless state() is `failed`.
  read_errc error() const noexcept { return error_; }

  /// The response read: views into the buffer, an empty body and its size in `streamed` if the
  /// body went to the sink. Empty (status 0) until state() is `complete`.
  apidecl::response response() const noexcept;
  /// The reason phrase of the final status line, possibly empty; empty until state() is `complete`.
  std::string_view reason() const noexcept { return state_ == read_state::complete ? view(0, reason_size_) : ""; }
  /// response(), or the error as a Transport reports it (an unfinished read as `truncated`), for a
  /// Transport's `send` to return.
  transport_result result() const noexcept;

  /// Whether this response's body goes to the sink: known once its header section is read.
  bool streaming() const noexcept { return streaming_; }
  /// Why the sink refused, when error() is `body_sink_failed`.
  stream_failure sink_failure() const noexcept { return sink_failure_; }

  /// Starts over for the next response on the same connection; earlier views become invalid.
  void reset(reader_options options) noexcept;
  void reset() noexcept { reset(options_); }

 private:
  enum class phase {
    status_line, field_line, chunk_size, chunk_size_tail, chunk_extension, chunk_data, chunk_data_end,
    trailer_line, fixed_body, body_until_end, done,
  };

  read_progress fail(read_errc e, std::size_t consumed) noexcept;
  std::string_view view(std::size_t from, std::size_t to) const noexcept { return {data_ + from, to - from}; }
  std::size_t header_limit() const noexcept;
  std::size_t body_limit() const noexcept;
  std::size_t body_size() const noexcept { return size_ - fields_end_; }
  std::size_t copy_body(std::string_view bytes, std::size_t most) noexcept;
  read_errc stream_body(std::string_view bytes) noexcept;
  read_errc end_status_line() noexcept;
  read_errc end_field_line() noexcept;
  read_errc read_framing_field(std::string_view name, std::string_view value) noexcept;
  read_errc end_header_section() noexcept;
  read_errc step(char c) noexcept;
  read_errc line_byte(char c) noexcept;
  read_errc chunk_size_byte(char c) noexcept;
  read_errc end_chunk_size_line() noexcept;
  void complete() noexcept;

  char* data_;
  std::size_t capacity_;
  reader_options options_;
  read_state state_ = read_state::need_more;
  read_errc error_ = read_errc::none;
  phase phase_ = phase::status_line;
  int status_ = 0;
  std::size_t reason_size_ = 0;
  std::size_t fields_end_ = 0;     // the fields are [reason_size_, fields_end_), the body starts there
  std::size_t size_ = 0;           // bytes written to the buffer
  std::size_t line_begin_ = 0;     // where the line being read was stored
  std::size_t header_bytes_ = 0;   // of the current message (trailers included), as received
  std::size_t line_bytes_ = 0;     // of the current chunk-size line
  std::uint64_t remaining_ = 0;    // of the Content-Length body or the current chunk
  std::uint64_t content_length_ = 0;
  std::uint64_t streamed_ = 0;     // body bytes given to the sink
  stream_failure sink_failure_{};
  bool streaming_ = false;         // the body goes to options_.body_sink
  bool has_content_length_ = false;
  bool chunked_ = false;
  bool cr_ = false;                // a CR ended the chunk framing read so far: only LF may follow
  bool line_empty_ = true;         // the trailer line read so far holds nothing but CR
};

// Definitions.

constexpr std::string_view error_text(read_errc e) noexcept {
  switch (e) {
    case read_errc::none: return "no error";
    case read_errc::bad_status_line: return "malformed status line";
    case read_errc::bad_header: return "malformed header field";
    case read_errc::folded_header: return "folded header field";
    case read_errc::header_too_large: return "header section too large";
    case read_errc::bad_content_length: return "malformed Content-Length";
    case read_errc::conflicting_content_length: return "conflicting Content-Length";
    case read_errc::unsupported_transfer_encoding: return "unsupported Transfer-Encoding";
    case read_errc::bad_chunk_size: return "malformed chunk size";
    case read_errc::bad_chunk: return "chunk not followed by CRLF";
    case read_errc::body_too_large: return "body too large";
    case read_errc::body_sink_failed: return "the body sink failed";
    case read_errc::truncated: return "stream ended before the response was complete";
  }
  return "unknown error";
}

namespace detail::http {
// What a field name (a token, RFC 9110, 5.6.2) and a field value or reason phrase (VCHAR,
// obs-text, SP, HTAB: 5.5) may hold, one look-up per byte.
constexpr bool is_token_byte(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}
constexpr bool is_field_text_byte(char c) noexcept {
  auto const u = static_cast<unsigned char>(c);
  return (u >= 0x20 || c == '\t') && u != 0x7f;
}
inline constexpr auto token_bytes = byte_table(is_token_byte);
inline constexpr auto field_text_bytes = byte_table(is_field_text_byte);
constexpr bool is_token_char(char c) noexcept { return token_bytes[static_cast<unsigned char>(c)]; }
constexpr bool is_field_text(std::string_view text) noexcept {
  return all_in(field_text_bytes, text.data(), text.size());
}
constexpr std::string_view trim_whitespace(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
}  // namespace detail::http

inline read_progress response_reader::feed(std::string_view bytes) noexcept {
  std::size_t used = 0;
  while (used < bytes.size() && state_ == read_state::need_more) {
    // Bodies are copied in runs; everything else is read byte by byte, so any split works alike.
    if (phase_ == phase::fixed_body || phase_ == phase::chunk_data) {
      std::size_t const left = bytes.size() - used;
      std::size_t const n = remaining_ < left ? static_cast<std::size_t>(remaining_) : left;
      if (streaming_) {
        if (read_errc const e = stream_body(bytes.substr(used, n)); e != read_errc::none) return fail(e, used);
      } else {
        copy_body(bytes.substr(used), n);
      }
      used += n;
      remaining_ -= n;
      if (remaining_ == 0 && phase_ == phase::fixed_body) complete();
      else if (remaining_ == 0) phase_ = phase::chunk_data_end;
      continue;
    }
    if (phase_ == phase::body_until_end && streaming_) {
      if (read_errc const e = stream_body(bytes.substr(used)); e != read_errc::none) return fail(e, used);
      used = bytes.size();
      continue;
    }
    if (phase_ == phase::body_until_end) {
      std::size_t const room = body_limit() - body_size();
      if (bytes.size() - used > room) return fail(read_errc::body_too_large, used + room + 1);
      used += copy_body(bytes.substr(used), bytes.size() - used);
      continue;
    }
    // A line's bytes up to its LF are stored in one run, as line_byte would store them one by one;
    // the LF, a byte past a limit and the status line's first five go through step.
    if (phase_ == phase::field_line || (phase_ == phase::status_line && size_ >= 5)) {
      std::size_t const line_end = bytes.find('\n', used);
      std::size_t const line = (line_end == std::string_view::npos ? bytes.size() : line_end) - used;
      std::size_t const headers_room = header_limit() - header_bytes_, buffer_room = capacity_ - size_;
      std::size_t const room = headers_room < buffer_room ? headers_room : buffer_room;
      std::size_t const n = line < room ? line : room;
      std::memcpy(data_ + size_, bytes.data() + used, n);
      size_ += n;
      header_bytes_ += n;
      used += n;
      if (used == bytes.size()) continue;
    }
    read_errc const e = step(bytes[used++]);
    if (e != read_errc::none) return fail(e, used);
  }
  return {used, state_};
}

inline read_state response_reader::finish() noexcept {
  if (state_ != read_state::need_more) return state_;
  if (phase_ == phase::body_until_end) complete();
  else fail(read_errc::truncated, 0);
  return state_;
}

inline apidecl::response response_reader::response() const noexcept {
  if (state_ != read_state::complete) return {};
  return {status_, header_list(view(reason_size_, fields_end_)), view(fields_end_, size_), streamed_};
}

inline transport_result response_reader::result() const noexcept {
  if (state_ == read_state::complete) return response();
  read_errc const e = state_ == read_state::failed ? error_ : read_errc::truncated;
  transport_errc code = transport_errc::protocol_error;
  if (e == read_errc::truncated) code = transport_errc::connection_lost;
  if (e == read_errc::header_too_large || e == read_errc::body_too_large) code = transport_errc::response_too_large;
  if (e == read_errc::body_sink_failed) code = transport_errc::body_stream_failed;
  return transport_error{code, true, error_text(e)};
}

inline void response_reader::reset(reader_options options) noexcept {
  *this = response_reader(data_, capacity_, options);
}

inline read_progress response_reader::fail(read_errc e, std::size_t consumed) noexcept {
  state_ = read_state::failed;
  error_ = e;
  phase_ = phase::done;
  return {consumed, state_};
}

// The limits are the caller's, capped by the buffer.
inline std::size_t response_reader::header_limit() const noexcept {
  return options_.max_header_bytes < capacity_ ? options_.max_header_bytes : capacity_;
}
inline std::size_t response_reader::body_limit() const noexcept {
  std::size_t const room = capacity_ - fields_end_;
  return options_.max_body_bytes < room ? options_.max_body_bytes : room;
}

inline std::size_t response_reader::copy_body(std::string_view bytes, std::size_t most) noexcept {
  std::size_t const n = bytes.size() < most ? bytes.size() : most;
  std::memcpy(data_ + size_, bytes.data(), n);  // room was checked when the length became known
  size_ += n;
  return n;
}

inline void response_reader::complete() noexcept {
  state_ = read_state::complete;
  phase_ = phase::done;
}

// Gives body bytes to the sink; the buffer keeps none of them.
inline read_errc response_reader::stream_body(std::string_view bytes) noexcept {
  if (bytes.empty()) return read_errc::none;
  if (sink_status const refused = options_.body_sink.write(bytes)) {
    sink_failure_ = *refused;
    return read_errc::body_sink_failed;
  }
  streamed_ += bytes.size();
  return read_errc::none;
}

// One byte of a line or of chunk framing.
inline read_errc response_reader::step(char c) noexcept {
  switch (phase_) {
    case phase::status_line:
    case phase::field_line: return line_byte(c);
    case phase::chunk_size:
    case phase::chunk_size_tail:
    case phase::chunk_extension: return chunk_size_byte(c);
    case phase::chunk_data_end:
      if (c == '\r' && !cr_) {
        cr_ = true;
        return read_errc::none;
      }
      if (c != '\n') return read_errc::bad_chunk;
      cr_ = false;
      phase_ = phase::chunk_size;
      return read_errc::none;
    case phase::trailer_line:  // trailer fields are skipped, up to the empty line that ends them
      if (++header_bytes_ > header_limit()) return read_errc::header_too_large;
      if (c == '\n' && line_empty_) complete();
      line_empty_ = c == '\n' || (c == '\r' && line_empty_);
      return read_errc::none;
    case phase::fixed_body:
    case phase::chunk_data:
    case phase::body_until_end:
    case phase::done: break;  // feed copies bodies itself
  }
  return read_errc::none;
}

// A byte of the status line or of a field line, stored until the line ends.
inline read_errc response_reader::line_byte(char c) noexcept {
  if (++header_bytes_ > header_limit() || (c != '\n' && size_ == capacity_)) return read_errc::header_too_large;
  constexpr std::string_view version = "HTTP/";
  if (phase_ == phase::status_line && size_ < version.size() && c != version[size_])
    return read_errc::bad_status_line;  // said at once, for a peer that does not speak HTTP
  if (c != '\n') {
    data_[size_++] = c;
    return read_errc::none;
  }
  if (size_ > line_begin_ && data_[size_ - 1] == '\r') --size_;  // CRLF, or a lone LF (RFC 9112, 2.2)
  return phase_ == phase::status_line ? end_status_line() : end_field_line();
}

// A byte of a chunk-size line: hex digits, optional whitespace, a skipped extension, CRLF.
inline read_errc response_reader::chunk_size_byte(char c) noexcept {
  if (++line_bytes_ > header_limit()) return read_errc::bad_chunk_size;
  bool const digit = detail::hex_digit(c) >= 0;
  if (phase_ == phase::chunk_size && line_bytes_ == 1 && !digit) return read_errc::bad_chunk_size;
  if (cr_ || c == '\n') return c == '\n' ? end_chunk_size_line() : read_errc::bad_chunk_size;
  if (c == '\r') cr_ = true;
  else if (phase_ == phase::chunk_extension) return read_errc::none;  // nothing here uses extensions
  else if (phase_ == phase::chunk_size && digit) {
    if (remaining_ > (UINT64_MAX >> 4)) return read_errc::bad_chunk_size;
    remaining_ = remaining_ * 16 + static_cast<std::uint64_t>(detail::hex_digit(c));
  } else if (c == ' ' || c == '\t') phase_ = phase::chunk_size_tail;
  else if (c == ';') phase_ = phase::chunk_extension;
  else return read_errc::bad_chunk_size;
  return read_errc::none;
}

inline read_errc response_reader::end_chunk_size_line() noexcept {
  cr_ = false;
  line_bytes_ = 0;
  if (remaining_ == 0) {  // the last chunk: trailers follow
    phase_ = phase::trailer_line;
    line_empty_ = true;
    return read_errc::none;
  }
  if (!streaming_ && remaining_ > body_limit() - body_size()) return read_errc::body_too_large;
  phase_ = phase::chunk_data;
  return read_errc::none;
}

// `HTTP/1.x NNN reason`, stored from the buffer's start; only the reason phrase is kept.
inline read_errc response_reader::end_status_line() noexcept {
  std::string_view const line = view(0, size_);
  if (line.size() < 12) return read_errc::bad_status_line;
  bool const version = line.substr(0, 7) == "HTTP/1." && line[7] >= '0' && line[7] <= '9' && line[8] == ' ';
  bool const code = line[9] >= '1' && line[9] <= '5' && line[10] >= '0' && line[10] <= '9' && line[11] >= '0' &&
                    line[11] <= '9';
  if (!version || !code) return read_errc::bad_status_line;
  std::string_view const reason = line.substr(line.size() > 12 ? 13 : 12);  // never a null view, for memmove
  if ((line.size() > 12 && line[12] != ' ') || !detail::http::is_field_text(reason)) return read_errc::bad_status_line;
  status_ = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
  std::memmove(data_, reason.data(), reason.size());
  reason_size_ = size_ = line_begin_ = reason.size();
  phase_ = phase::field_line;
  return read_errc::none;
}

// A field line, or the empty line that ends the header section. The line is rewritten in place
// as `Name: value` CRLF, which may be two bytes longer than what was received ("A:b" LF).
inline read_errc response_reader::end_field_line() noexcept {
  std::string_view const line = view(line_begin_, size_);
  if (line.empty()) return end_header_section();
  if (line.front() == ' ' || line.front() == '\t') return read_errc::folded_header;
  std::size_t const colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos) return read_errc::bad_header;
  std::string_view const name = line.substr(0, colon);
  for (char c : name)
    if (!detail::http::is_token_char(c)) return read_errc::bad_header;  // whitespace before ':' too (RFC 9112, 5.1)
  std::string_view const value = detail::http::trim_whitespace(line.substr(colon + 1));
  if (!detail::http::is_field_text(value)) return read_errc::bad_header;
  if (read_errc const e = read_framing_field(name, value); e != read_errc::none) return e;

  std::size_t const value_at = line_begin_ + colon + (value.empty() ? 1 : 2);
  if (value_at + value.size() + 2 > capacity_) return read_errc::header_too_large;
  std::memmove(data_ + value_at, value.data(), value.size());
  if (!value.empty()) data_[value_at - 1] = ' ';
  size_ = value_at + value.size();
  data_[size_++] = '\r';
  data_[size_++] = '\n';
  line_begin_ = size_;
  return read_errc::none;
}

// Content-Length and Transfer-Encoding, which frame the body.
inline read_errc response_reader::read_framing_field(std::string_view name, std::string_view value) noexcept {
  if (iequals(name, "Transfer-Encoding")) {
    if (chunked_ || !iequals(value, "chunked")) return read_errc::unsupported_transfer_encoding;
    chunked_ = true;
  } else if (iequals(name, "Content-Length")) {
    // A list of equal values is one value (RFC 9110, 8.6).
    for (std::size_t from = 0; from <= value.size();) {
      std::size_t const comma = value.find(',', from);
      std::string_view const item = detail::http::trim_whitespace(value.substr(from, comma - from));
      if (item.empty()) return read_errc::bad_content_length;
      std::uint64_t n = 0;
      for (char c : item) {
        if (c < '0' || c > '9') return read_errc::bad_content_length;
        auto const digit = static_cast<std::uint64_t>(c - '0');
        constexpr std::uint64_t most = UINT64_MAX / 10;  // no run-time 64-bit division, which small cores lack
        if (n > most || (n == most && digit > UINT64_MAX % 10)) return read_errc::bad_content_length;
        n = n * 10 + digit;
      }
      if (has_content_length_ && n != content_length_) return read_errc::conflicting_content_length;
      content_length_ = n;
      has_content_length_ = true;
      if (comma == std::string_view::npos) break;
      from = comma + 1;
    }
  }
  return read_errc::none;
}

// Decides how the body is framed (RFC 9112, 6.3), or starts over after an interim response.
inline read_errc response_reader::end_header_section() noexcept {
  fields_end_ = size_;
  if (status_ < 200 && status_ != 101) {
    reset();  // an interim response: the final one follows
    return read_errc::none;
  }
  if (options_.body_sink.takes(status_)) {
    streaming_ = true;
    if (sink_status const refused = options_.body_sink.begin(status_, header_list(view(reason_size_, fields_end_)))) {
      sink_failure_ = *refused;
      return read_errc::body_sink_failed;
    }
  }
  if (options_.head_request || status_ < 200 || status_ == 204 || status_ == 304) {
    complete();
  } else if (chunked_) {
    if (has_content_length_) return read_errc::conflicting_content_length;  // a sign of request smuggling
    phase_ = phase::chunk_size;
    line_bytes_ = 0;
  } else if (has_content_length_) {
    if (!streaming_ && content_length_ > body_limit()) return read_errc::body_too_large;
    remaining_ = content_length_;
    phase_ = phase::fixed_body;
    if (remaining_ == 0) complete();
  } else {
    phase_ = phase::body_until_end;
  }
  return read_errc::none;
}

}  // namespace apidecl

#endif
