#ifndef APIDECL_FMT_LOGGING_HPP
#define APIDECL_FMT_LOGGING_HPP

#include <apidecl/observers/logging.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <string_view>

/// The logging observer (observers/logging.hpp) printing with {fmt}:
///
///     auto api = apidecl::make_client(http, apidecl::fmt_logging_observer(stderr, {apidecl::log_level::retries}));
namespace apidecl {

/// A LineSink that prints each line to a `FILE*`, then a line break: one `fmt::print` per line,
/// so that lines of several threads do not interleave within a line.
struct file_line_sink {
  std::FILE* file;
  void operator()(std::string_view line) const { fmt::print(file, "{}\n", line); }
};

/// A logging observer that prints its lines to `file`.
inline logging_observer<file_line_sink> fmt_logging_observer(std::FILE* file, log_options options = {}) {
  return logging_observer<file_line_sink>(file_line_sink{file}, options);
}

}  // namespace apidecl

#endif
