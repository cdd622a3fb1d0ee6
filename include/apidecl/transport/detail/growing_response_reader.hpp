#ifndef APIDECL_TRANSPORT_DETAIL_GROWING_RESPONSE_READER_HPP
#define APIDECL_TRANSPORT_DETAIL_GROWING_RESPONSE_READER_HPP

#include <apidecl/core/response.hpp>
#include <apidecl/core/response_reader.hpp>

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>

/// The core's `response_reader` over a buffer that starts small and grows to what the limits
/// allow, for a transport that reads from a socket: a small response costs a small buffer, a large
/// one is still read, and once the buffers have grown to what a connection's responses need, no
/// response allocates.
namespace apidecl::detail {

/// Bytes left uninitialized: the pages of a buffer cost memory only once written, so that many
/// exchanges in flight, each with its buffers, hold about what their responses fill.
class uninitialized_buffer {
 public:
  char* data() noexcept { return bytes_.get(); }
  char const* data() const noexcept { return bytes_.get(); }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }

  /// Makes it `size` bytes long, keeping its first `kept`.
  void resize(std::size_t size, std::size_t kept = 0) {
    std::unique_ptr<char[]> resized(new char[size]);
    if (kept > 0) std::memcpy(resized.get(), bytes_.get(), kept);
    bytes_ = std::move(resized);
    size_ = size;
  }

  void release() noexcept {
    bytes_.reset();
    size_ = 0;
  }

 private:
  std::unique_ptr<char[]> bytes_;
  std::size_t size_ = 0;
};

/// Reads one response at a time (see the top of this header). The stream's bytes land in a
/// receive buffer (`receive_area()`, then `received(n)`) and are read from there into the
/// reader's buffer, where the response's views point: header fields rewritten in place, body
/// de-chunked. When the response outgrows the reader's buffer, both buffers double and the
/// response is read again from its first byte, which the receive buffer keeps for that until the
/// reader's buffer is as large as the limits can need (after that the receive buffer is reused
/// for each read). Doubling keeps the work linear in the response's size. A body that goes to a
/// sink (`reader_options::body_sink`) is not kept: it passes through the receive buffer only.
class growing_response_reader {
 public:
  /// The size both buffers start at, enough for most API responses.
  static constexpr std::size_t initial_size = 16 * 1024;
  /// Buffers larger than this are given back by `release_large_buffers`.
  static constexpr std::size_t kept_size = 64 * 1024;

  /// Starts reading a new response within `limits`. The buffers keep their size: after the first
  /// response, nothing is allocated unless a response is larger than any before.
  void start(reader_options limits) {
    limits_ = limits;
    std::size_t const headers_stored = saturating_add(limits.max_header_bytes, limits.max_header_bytes);
    ceiling_ = saturating_add(headers_stored, limits.max_body_bytes);
    if (parsed_.empty()) resize(initial_size);
    reader_ = response_reader(parsed_.data(), parsed_.size(), limits_);
    kept_ = 0;
    received_any_ = false;
    leftover_ = false;
    version_size_ = 0;
  }

  /// Where the stream's next bytes go. Never empty while `state()` is `need_more`.
  char* receive_data() noexcept { return raw_.data() + kept_; }
  std::size_t receive_size() const noexcept { return raw_.size() - kept_; }

  /// `n` bytes were written at `receive_data()`.
  read_state received(std::size_t n) {
    if (n == 0) return state();
    received_any_ = true;
    std::string_view const fresh(raw_.data() + kept_, n);
    for (std::size_t i = 0; i < n && version_size_ < sizeof version_; ++i) version_[version_size_++] = fresh[i];
    kept_ += n;
    note(reader_.feed(fresh), n);
    while (outgrown() || (retaining() && kept_ == raw_.size() && state() == read_state::need_more)) grow();
    if (!retaining()) kept_ = 0;  // the reader's buffer can hold all the limits allow: no second reading
    return state();
  }

  /// The stream has ended: completes a body read until the end, or fails as truncated.
  read_state finish() noexcept { return reader_.finish(); }

  read_state state() const noexcept { return reader_.state(); }
  /// Whether any byte of this response has arrived.
  bool received_any() const noexcept { return received_any_; }
  /// Whether bytes followed the end of the response: a server that answers twice, which no
  /// connection should be trusted after.
  bool leftover() const noexcept { return leftover_; }
  /// Whether the response's status line says HTTP/1.1 or a later 1.x, whose connections stay
  /// open unless a Connection field says otherwise (RFC 9112, 9.3).
  bool persistent_by_default() const noexcept {
    return version_size_ == sizeof version_ && std::string_view(version_, 7) == "HTTP/1." && version_[7] >= '1' &&
           version_[7] <= '9';
  }
  response_reader const& reader() const noexcept { return reader_; }

  /// Gives back buffers a large response made grow, for a reader that waits to be reused.
  void release_large_buffers() {
    if (parsed_.size() <= kept_size) return;
    parsed_.release();
    raw_.release();
    kept_ = 0;
    resize(initial_size);
    reader_ = response_reader(parsed_.data(), parsed_.size(), limits_);
  }

 private:
  static std::size_t saturating_add(std::size_t a, std::size_t b) noexcept {
    return a > static_cast<std::size_t>(-1) - b ? static_cast<std::size_t>(-1) : a + b;
  }

  // While the reader's buffer is smaller than the limits can need, a too-large failure may be the
  // buffer's rather than the limits', so the response's bytes are kept to read again. Never once
  // the body goes to a sink, which has taken bytes that cannot be taken back: the buffer holds
  // the head only, whose size was settled when it ended.
  bool retaining() const noexcept { return parsed_.size() < ceiling_ && !reader_.streaming(); }

  bool outgrown() const noexcept {
    read_errc const e = reader_.error();
    return retaining() && (e == read_errc::header_too_large || e == read_errc::body_too_large);
  }

  void note(read_progress progress, std::size_t fed) noexcept {
    leftover_ = progress.state == read_state::complete && progress.consumed < fed;
  }

  void resize(std::size_t size) {
    parsed_.resize(size);  // read again from raw_ after this
    if (raw_.size() < size) raw_.resize(size, kept_);
  }

  // Doubles the buffers (the reader's up to the ceiling) and reads the response again from its
  // first byte.
  void grow() {
    std::size_t const doubled = parsed_.size() > ceiling_ / 2 ? ceiling_ : 2 * parsed_.size();
    resize(doubled);
    reader_ = response_reader(parsed_.data(), parsed_.size(), limits_);
    note(reader_.feed(std::string_view(raw_.data(), kept_)), kept_);
  }

  uninitialized_buffer parsed_;  // the reader's buffer: reason, fields, body
  uninitialized_buffer raw_;     // bytes as received; the first kept_ are this response's so far
  std::size_t kept_ = 0;
  std::size_t ceiling_ = 0;   // a reader's buffer this large fails only where the limits say
  reader_options limits_{};
  response_reader reader_{nullptr, 0};
  bool received_any_ = false;
  bool leftover_ = false;
  char version_[8] = {};  // the first bytes received: "HTTP/1.1"
  std::size_t version_size_ = 0;
};

}  // namespace apidecl::detail

#endif
