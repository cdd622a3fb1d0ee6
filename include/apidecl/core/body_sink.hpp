#ifndef APIDECL_CORE_BODY_SINK_HPP
#define APIDECL_CORE_BODY_SINK_HPP

#include <apidecl/core/body_source.hpp>
#include <apidecl/core/header_list.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

/// **BodySink requirement.** Where a response body too large for memory goes (a 2 GB media file,
/// a caption file), written piece by piece as it arrives. A type `K` is a BodySink if, for a
/// `K& k`, an `int status`, an `apidecl::header_list h` and a `std::string_view chunk`,
///
///     std::optional<apidecl::stream_failure> no = k.begin(status, h);  // a response it takes begins
///     std::optional<apidecl::stream_failure> bad = k.write(chunk);     // the next bytes of its body
///
/// are valid. Only the responses whose status declares a byte body (`std::string` as `text/plain`
/// or `application/octet-stream`) go to the sink; any other (cielo24's 400 JSON error) is decoded
/// as usual. `begin` comes before the first byte of each response the sink takes, again when a
/// retry's response begins: a sink that cannot start over says so there. A failure from either
/// ends the exchange with a `transport_errc::body_stream_failed` error; nothing is dropped silently.
/// A sink counts what it was given if its user needs progress (the ready-made ones do).
///
/// Exemplar:
///
///     struct my_sink {
///       std::optional<apidecl::stream_failure> begin(int status, apidecl::header_list headers) noexcept;
///       std::optional<apidecl::stream_failure> write(std::string_view chunk) noexcept;
///     };
///     static_assert(apidecl::is_body_sink_v<my_sink>);
///
/// The library holds a sink through `body_sink_ref`, not owned: the sink must outlive the call,
/// given as `apidecl::call_options::response_into`.
namespace apidecl {

/// What a BodySink's `begin` and `write` return: nothing, or why they failed.
using sink_status = std::optional<stream_failure>;

namespace detail {
template <class K, class = void>
struct is_body_sink : std::false_type {};
template <class K>
struct is_body_sink<
    K, std::enable_if_t<
           std::is_convertible_v<decltype(std::declval<K&>().begin(0, std::declval<header_list>())), sink_status> &&
           std::is_convertible_v<decltype(std::declval<K&>().write(std::string_view{})), sink_status>>>
    : std::true_type {};
}  // namespace detail

/// Whether `K` models BodySink.
template <class K>
inline constexpr bool is_body_sink_v = detail::is_body_sink<std::remove_cv_t<std::remove_reference_t<K>>>::value;

namespace diagnostic {
template <class Sink> inline constexpr bool body_sink_lacks_begin_or_write = false;
}  // namespace diagnostic

namespace detail {
/// Makes the one compiler error that says what `K` lacks to be a BodySink, if anything.
template <class K>
constexpr void diagnose_body_sink() noexcept {
  if constexpr (!is_body_sink_v<K>)
    static_assert(diagnostic::body_sink_lacks_begin_or_write<std::remove_reference_t<K>>,
                  "apidecl: a BodySink must provide 'std::optional<apidecl::stream_failure> begin(int, "
                  "apidecl::header_list)' and 'std::optional<apidecl::stream_failure> write(std::string_view)'");
}
}  // namespace detail

/// A BodySink, type-erased and not owned, with the statuses whose bodies it takes (the client sets
/// them from the endpoint). Empty (false) when responses are kept in memory.
class body_sink_ref {
 public:
  constexpr body_sink_ref() noexcept = default;

  template <class Sink, class = std::enable_if_t<is_body_sink_v<Sink> && !std::is_same_v<Sink, body_sink_ref>>>
  explicit body_sink_ref(Sink& sink) noexcept
      : self_(&sink),
        begin_([](void* self, int status, header_list headers) noexcept -> sink_status {
          return static_cast<Sink*>(self)->begin(status, headers);
        }),
        write_([](void* self, std::string_view chunk) noexcept -> sink_status {
          return static_cast<Sink*>(self)->write(chunk);
        }) {}

  explicit operator bool() const noexcept { return self_ != nullptr; }
  /// Whether a response with `status` goes to the sink.
  bool takes(int status) const noexcept { return self_ != nullptr && takes_ != nullptr && takes_(status); }
  sink_status begin(int status, header_list headers) const noexcept { return begin_(self_, status, headers); }
  sink_status write(std::string_view chunk) const noexcept { return write_(self_, chunk); }

  /// This sink, taking the responses whose status `takes` accepts.
  body_sink_ref for_statuses(bool (*takes)(int) noexcept) const noexcept {
    body_sink_ref copy = *this;
    copy.takes_ = takes;
    return copy;
  }

 private:
  void* self_ = nullptr;
  sink_status (*begin_)(void*, int, header_list) noexcept = nullptr;
  sink_status (*write_)(void*, std::string_view) noexcept = nullptr;
  bool (*takes_)(int) noexcept = nullptr;
};

/// The sink argument of a call: `options.response_into = apidecl::stream_to(file)`.
template <class Sink>
body_sink_ref stream_to(Sink& sink) noexcept {
  detail::diagnose_body_sink<Sink>();
  if constexpr (is_body_sink_v<Sink>) return body_sink_ref(sink);
  else return {};
}

}  // namespace apidecl

#endif
