#ifndef APIDECL_OBSERVERS_TRACER_HPP
#define APIDECL_OBSERVERS_TRACER_HPP

#include <apidecl/detail/type_list.hpp>

#include <chrono>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>

/// **Tracer requirement.** What the tracing observer (tracing.hpp) records its spans with: a few
/// lines over a tracing library (OpenTelemetry's C++ API: docs/observers.md), or a printer in a
/// test. For a `T& t`, a `std::string_view name, key, text`, a `std::int64_t number` and a
/// `std::chrono::milliseconds began_ago`:
///
///     t.start_span(name, began_ago)   a Span `s`, returned by value: a client span named `name`,
///                                     which began `began_ago` before now (the observer makes a
///                                     span when the attempt it stands for has ended)
///     s.set_attribute(key, text)      a string attribute
///     s.set_attribute(key, number)    an integer attribute
///     s.set_error(text)               the span failed: OpenTelemetry's status Error, `text` the
///                                     error's type
///     s.end()                         the span ends now
///
/// Every view is valid during the call only: a tracer that keeps one copies it.
///
/// Exemplar:
///
///     struct print_spans {
///       struct span {
///         void set_attribute(std::string_view key, std::string_view value) { std::printf("  %.*s=%.*s\n", int(key.size()), key.data(), int(value.size()), value.data()); }
///         void set_attribute(std::string_view key, std::int64_t value) { std::printf("  %.*s=%lld\n", int(key.size()), key.data(), static_cast<long long>(value)); }
///         void set_error(std::string_view) { std::puts("  failed"); }
///         void end() { std::puts("  ended"); }
///       };
///       span start_span(std::string_view name, std::chrono::milliseconds) {
///         std::printf("span %.*s\n", int(name.size()), name.data());
///         return {};
///       }
///     };
///     static_assert(apidecl::is_tracer_v<print_spans>);
namespace apidecl {

namespace detail {
template <class T, class = void>
struct starts_spans : std::false_type {};
template <class T>
struct starts_spans<T, std::void_t<decltype(std::declval<T&>().start_span(std::string_view(), std::chrono::milliseconds()))>>
    : std::true_type {};

template <class S, class = void>
struct is_span : std::false_type {};
template <class S>
struct is_span<S, std::void_t<decltype(std::declval<S&>().set_attribute(std::string_view(), std::string_view())),
                              decltype(std::declval<S&>().set_attribute(std::string_view(), std::int64_t())),
                              decltype(std::declval<S&>().set_error(std::string_view())),
                              decltype(std::declval<S&>().end())>> : std::true_type {};

template <class T, bool = starts_spans<T>::value>
struct span_of_tracer {
  using type = void;
};
template <class T>
struct span_of_tracer<T, true> {
  using type = std::decay_t<decltype(std::declval<T&>().start_span(std::string_view(), std::chrono::milliseconds()))>;
};
}  // namespace detail

/// Whether `T` models Tracer, its spans included.
template <class T>
inline constexpr bool is_tracer_v = detail::starts_spans<T>::value && detail::is_span<typename detail::span_of_tracer<T>::type>::value;

namespace diagnostic {
template <class Tracer> inline constexpr bool tracer_lacks_start_span = false;
template <class Span> inline constexpr bool span_lacks_operations = false;
}  // namespace diagnostic

namespace detail {
/// Checks `Tracer` at an entry point: only the first of the two diagnostics fires.
template <class Tracer>
constexpr bool check_tracer() noexcept {
  if constexpr (!starts_spans<Tracer>::value)
    static_assert(diagnostic::tracer_lacks_start_span<Tracer>,
                  "apidecl: a Tracer must provide "
                  "'start_span(std::string_view name, std::chrono::milliseconds began_ago)' returning a Span");
  else if constexpr (!is_span<typename span_of_tracer<Tracer>::type>::value)
    static_assert(diagnostic::span_lacks_operations<typename span_of_tracer<Tracer>::type>,
                  "apidecl: a Span must provide 'set_attribute(std::string_view, std::string_view)', "
                  "'set_attribute(std::string_view, std::int64_t)', 'set_error(std::string_view)' and 'end()'");
  return is_tracer_v<Tracer>;
}
}  // namespace detail

}  // namespace apidecl

#endif
