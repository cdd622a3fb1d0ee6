#ifndef APIDECL_STREAM_FILE_HPP
#define APIDECL_STREAM_FILE_HPP

#include <apidecl/core/body_sink.hpp>
#include <apidecl/core/body_source.hpp>
#include <apidecl/core/expected.hpp>
#include <apidecl/core/header_list.hpp>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string_view>

#include <sys/types.h>
#include <unistd.h>

/// A file as a request body (`file_source`, a BodySource) or a response body (`file_sink`, a
/// BodySink), through POSIX stdio: no exceptions, the errno in every failure. Both open with a
/// factory that says why it could not:
///
///     auto media = apidecl::file_source::open("talk.mp4");
///     if (!media) return;  // media.error().what, media.error().error_number
///     api.call(cielo24::add_media_file, ..., apidecl::body = apidecl::stream_from(*media));
namespace apidecl {

namespace detail {
struct file_closer {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};
using file_handle = std::unique_ptr<std::FILE, file_closer>;
}  // namespace detail

/// A file read from its start to the size it had when opened; rewinds.
class file_source {
 public:
  static expected<file_source, stream_failure> open(char const* path) noexcept {
    detail::file_handle file(std::fopen(path, "rb"));
    if (!file) return stream_failure{"cannot open the file", errno};
    if (fseeko(file.get(), 0, SEEK_END) != 0) return stream_failure{"cannot seek in the file", errno};
    off_t const end = ftello(file.get());
    if (end < 0 || fseeko(file.get(), 0, SEEK_SET) != 0) return stream_failure{"cannot seek in the file", errno};
    return file_source(std::move(file), static_cast<std::uint64_t>(end));
  }

  std::uint64_t size() const noexcept { return size_; }
  /// The bytes read so far: the progress of an upload.
  std::uint64_t position() const noexcept { return position_; }

  source_read read(char* buffer, std::size_t capacity) noexcept {
    std::size_t const got = std::fread(buffer, 1, capacity, file_.get());
    if (got == 0 && std::ferror(file_.get())) return stream_failure{"cannot read the file", errno};
    position_ += got;
    return got;
  }

  bool rewind() noexcept {
    std::clearerr(file_.get());
    if (fseeko(file_.get(), 0, SEEK_SET) != 0) return false;
    position_ = 0;
    return true;
  }

 private:
  file_source(detail::file_handle file, std::uint64_t size) noexcept : file_(std::move(file)), size_(size) {}

  detail::file_handle file_;
  std::uint64_t size_ = 0;
  std::uint64_t position_ = 0;
};

/// A file written with each response body it takes, made anew (emptied) as each one begins, so
/// that a retried download does not append to the failed one's bytes.
class file_sink {
 public:
  static expected<file_sink, stream_failure> create(char const* path) noexcept {
    detail::file_handle file(std::fopen(path, "wb"));
    if (!file) return stream_failure{"cannot create the file", errno};
    return file_sink(std::move(file));
  }

  /// The bytes written for the response being taken: the progress of a download.
  std::uint64_t written() const noexcept { return written_; }
  /// The status of the response it took last, 0 if none.
  int status() const noexcept { return status_; }

  sink_status begin(int status, header_list) noexcept {
    status_ = status;
    if (written_ == 0) return std::nullopt;
    written_ = 0;
    if (std::fflush(file_.get()) != 0 || ftruncate(fileno(file_.get()), 0) != 0 ||
        fseeko(file_.get(), 0, SEEK_SET) != 0)
      return stream_failure{"cannot empty the file to start again", errno};
    return std::nullopt;
  }

  sink_status write(std::string_view chunk) noexcept {
    if (std::fwrite(chunk.data(), 1, chunk.size(), file_.get()) != chunk.size())
      return stream_failure{"cannot write the file", errno};
    written_ += chunk.size();
    return std::nullopt;
  }

  /// Writes what stdio still holds to the file: its failure (a full disk) is seen here.
  sink_status flush() noexcept {
    if (std::fflush(file_.get()) != 0) return stream_failure{"cannot write the file", errno};
    return std::nullopt;
  }

 private:
  explicit file_sink(detail::file_handle file) noexcept : file_(std::move(file)) {}

  detail::file_handle file_;
  std::uint64_t written_ = 0;
  int status_ = 0;
};

static_assert(is_body_source_v<file_source> && is_rewindable_source_v<file_source>);
static_assert(is_body_sink_v<file_sink>);

}  // namespace apidecl

#endif
