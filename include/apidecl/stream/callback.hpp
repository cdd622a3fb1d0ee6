#ifndef APIDECL_STREAM_CALLBACK_HPP
#define APIDECL_STREAM_CALLBACK_HPP

#include <apidecl/core/body_sink.hpp>
#include <apidecl/core/body_source.hpp>
#include <apidecl/core/header_list.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

/// A BodySource or BodySink from a function, for bytes that come from or go to the caller's own
/// code (a decoder, a socket, a hash) without a type of their own:
///
///     auto sink = apidecl::callback_sink([&](std::string_view chunk) { hash.update(chunk); return apidecl::sink_status{}; });
///     options.response_into = apidecl::stream_to(sink);
namespace apidecl {

/// A BodySource of `size` bytes that `read(char*, std::size_t) -> source_read` gives; it does not
/// rewind, so a call that streams it is never sent twice.
template <class Read>
class callback_source {
 public:
  callback_source(std::uint64_t size, Read read) : size_(size), read_(std::move(read)) {}
  std::uint64_t size() const noexcept { return size_; }
  source_read read(char* buffer, std::size_t capacity) { return read_(buffer, capacity); }

 private:
  std::uint64_t size_;
  Read read_;
};

/// A BodySink that hands each chunk to `write(std::string_view) -> sink_status`, and counts them.
template <class Write>
class callback_sink {
 public:
  explicit callback_sink(Write write) : write_(std::move(write)) {}

  /// The bytes given for the response being taken, and its status: the progress of a download.
  std::uint64_t written() const noexcept { return written_; }
  int status() const noexcept { return status_; }

  /// A callback sink has nothing to empty: a retried response's bytes follow the earlier one's
  /// only if a response began and wrote, which it refuses.
  sink_status begin(int status, header_list) noexcept {
    if (written_ > 0) return stream_failure{"cannot take a second response after bytes of the first"};
    status_ = status;
    return std::nullopt;
  }
  sink_status write(std::string_view chunk) {
    if (sink_status failed = write_(chunk)) return failed;
    written_ += chunk.size();
    return std::nullopt;
  }

 private:
  Write write_;
  std::uint64_t written_ = 0;
  int status_ = 0;
};

template <class Write>
callback_sink(Write) -> callback_sink<Write>;

}  // namespace apidecl

#endif
