#ifndef APIDECL_CORE_BODY_SOURCE_HPP
#define APIDECL_CORE_BODY_SOURCE_HPP

#include <apidecl/core/expected.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

/// **BodySource requirement.** Where a request body too large for memory comes from (a 10 GB
/// media file), read piece by piece while the request is sent. A type `S` is a BodySource if, for
/// an `S& s`, a `char* p` and a `std::size_t n`,
///
///     std::uint64_t total = s.size();           // the bytes it gives in all: the Content-Length
///     apidecl::source_read got = s.read(p, n);  // writes up to n bytes at p: how many, or why not
///
/// are valid. `read` returns 0 only once the source is exhausted; fewer than `n` bytes is not an
/// end. A source that gives fewer bytes than `size()`, more than asked, or an error ends the
/// exchange with a `transport_errc::body_stream_failed` error: a request is never sent short.
/// Optionally, `bool ok = s.rewind();` starts the source again from its first byte: only a source
/// that rewinds is ever sent twice, whatever the Retry policy says.
///
/// Exemplar:
///
///     struct my_source {
///       std::uint64_t size() const noexcept;
///       apidecl::source_read read(char* buffer, std::size_t capacity) noexcept;
///       bool rewind() noexcept;  // optional
///     };
///     static_assert(apidecl::is_body_source_v<my_source>);
///
/// The library holds a source through `body_source_ref`, two pointers that do not own it: the
/// source must outlive the call. `apidecl::stream_from(source)` makes one, to pass as
/// `apidecl::body = apidecl::stream_from(source)` in place of the bytes of an endpoint whose body
/// is raw bytes (`request_body<std::string, Media>`): cielo24's add_media_file, onDemand's add_file.
namespace apidecl {

/// Why a body source or sink stopped: static text of its own, and the `errno` if it has one.
struct stream_failure {
  std::string_view what;  ///< static text: it is copied into the transport's error
  int error_number = 0;
};

/// What a BodySource's `read` returns: the bytes it wrote, or why it could not.
using source_read = expected<std::size_t, stream_failure>;

namespace detail {
template <class S, class = void>
struct is_body_source : std::false_type {};
template <class S>
struct is_body_source<
    S, std::enable_if_t<std::is_convertible_v<decltype(std::declval<S const&>().size()), std::uint64_t> &&
                        std::is_convertible_v<decltype(std::declval<S&>().read(std::declval<char*>(), std::size_t{})),
                                              source_read>>> : std::true_type {};
template <class S, class = void>
struct rewinds : std::false_type {};
template <class S>
struct rewinds<S, std::enable_if_t<std::is_convertible_v<decltype(std::declval<S&>().rewind()), bool>>>
    : std::true_type {};
}  // namespace detail

/// Whether `S` models BodySource.
template <class S>
inline constexpr bool is_body_source_v = detail::is_body_source<std::remove_cv_t<std::remove_reference_t<S>>>::value;

/// Whether the BodySource `S` can start again (`rewind()`).
template <class S>
inline constexpr bool is_rewindable_source_v = detail::rewinds<std::remove_cv_t<std::remove_reference_t<S>>>::value;

namespace diagnostic {
template <class Source> inline constexpr bool body_source_lacks_size_or_read = false;
}  // namespace diagnostic

namespace detail {
/// Makes the one compiler error that says what `S` lacks to be a BodySource, if anything.
template <class S>
constexpr void diagnose_body_source() noexcept {
  if constexpr (!is_body_source_v<S>)
    static_assert(diagnostic::body_source_lacks_size_or_read<std::remove_reference_t<S>>,
                  "apidecl: a BodySource must provide 'std::uint64_t size() const' and "
                  "'apidecl::source_read read(char*, std::size_t)'");
}
}  // namespace detail

/// A BodySource, type-erased and not owned: what a request carries and a transport reads. Empty
/// (false) when the request's body is in memory.
class body_source_ref {
 public:
  constexpr body_source_ref() noexcept = default;

  template <class Source, class = std::enable_if_t<is_body_source_v<Source> && !std::is_same_v<Source, body_source_ref>>>
  explicit body_source_ref(Source& source) noexcept
      : self_(&source),
        read_([](void* self, char* buffer, std::size_t capacity) noexcept -> source_read {
          return static_cast<Source*>(self)->read(buffer, capacity);
        }),
        size_([](void const* self) noexcept -> std::uint64_t { return static_cast<Source const*>(self)->size(); }) {
    if constexpr (is_rewindable_source_v<Source>)
      rewind_ = [](void* self) noexcept -> bool { return static_cast<Source*>(self)->rewind(); };
  }

  explicit operator bool() const noexcept { return self_ != nullptr; }
  std::uint64_t size() const noexcept { return size_(self_); }
  source_read read(char* buffer, std::size_t capacity) const noexcept { return read_(self_, buffer, capacity); }
  bool can_rewind() const noexcept { return rewind_ != nullptr; }
  /// Starts the source again; false if it cannot.
  bool rewind() const noexcept { return rewind_ != nullptr && rewind_(self_); }

 private:
  void* self_ = nullptr;
  source_read (*read_)(void*, char*, std::size_t) noexcept = nullptr;
  std::uint64_t (*size_)(void const*) noexcept = nullptr;
  bool (*rewind_)(void*) noexcept = nullptr;
};

/// The body argument of an endpoint whose body is streamed: `apidecl::body = apidecl::stream_from(file)`.
template <class Source>
body_source_ref stream_from(Source& source) noexcept {
  detail::diagnose_body_source<Source>();
  if constexpr (is_body_source_v<Source>) return body_source_ref(source);
  else return {};
}

/// Whether a body argument of type `Argument` is streamed in place of a declared body of type
/// `Declared`: a source streams the bytes of any body declared as raw bytes (`std::string`).
template <class Argument, class Declared>
inline constexpr bool is_streamed_body_for_v =
    std::is_same_v<Argument, body_source_ref> && std::is_same_v<Declared, std::string>;

}  // namespace apidecl

#endif
