#ifndef APIDECL_OBSERVERS_LINE_SINK_HPP
#define APIDECL_OBSERVERS_LINE_SINK_HPP

#include <apidecl/detail/type_list.hpp>

#include <string_view>
#include <type_traits>

/// **LineSink requirement.** Where the ready observers write their text: the logging observer its
/// lines, `write_prometheus` its exposition. A type `S` is a LineSink if, for an `S& s` and a
/// `std::string_view line`:
///
///     s(line)    takes one line of text, without its line break; the view is valid during the
///                call only, so a sink that keeps the line copies it
///
/// A lambda, a function pointer or a struct with `operator()` will do; the sink decides where
/// lines go (a file, a logger, a ring buffer) and whether it may allocate. The observers make each
/// line in a fixed buffer of their own and never allocate.
///
/// Exemplar:
///
///     struct count_lines {
///       int* lines;
///       void operator()(std::string_view) { ++*lines; }
///     };
///     static_assert(apidecl::is_line_sink_v<count_lines>);
namespace apidecl {

/// Whether `S` models LineSink.
template <class S>
inline constexpr bool is_line_sink_v = std::is_invocable_v<S&, std::string_view>;

namespace diagnostic {
template <class Sink> inline constexpr bool not_a_line_sink = false;
}  // namespace diagnostic

namespace detail {
/// Checks `Sink` at an entry point: the diagnostic is the one error a wrong sink gives.
template <class Sink>
constexpr bool check_line_sink() noexcept {
  if constexpr (!is_line_sink_v<Sink>)
    static_assert(diagnostic::not_a_line_sink<Sink>,
                  "apidecl: a LineSink must be callable with one line of text, as 'sink(std::string_view)'");
  return is_line_sink_v<Sink>;
}
}  // namespace detail

}  // namespace apidecl

#endif
