#ifndef APIDECL_TRANSPORT_CALL_OPTIONS_HPP
#define APIDECL_TRANSPORT_CALL_OPTIONS_HPP

#include <apidecl/core/body_sink.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/core/response.hpp>

#include <chrono>
#include <type_traits>
#include <utility>

/// **Per-call options: an optional extension of the Transport requirement.** A Transport may also
/// accept, for a `T& t`, an `apidecl::request const& r` and an `apidecl::call_options const& o`,
///
///     apidecl::transport_result res = t.send(r, o);
///
/// which performs the exchange as `t.send(r)` does, with the limits of `o` in place of the
/// transport's own for this call only. The client passes them when its caller gives some
/// (`api.call(apidecl::call_options{...}, endpoint, args...)`), which does not compile over a
/// transport without the overload: a limit asked for is never silently ignored.
namespace apidecl {

/// Limits for one call. A zero duration keeps the transport's own setting, or sets no deadline.
struct call_options {
  /// Each exchange, connecting included.
  std::chrono::milliseconds total_timeout{0};
  /// Connecting only (name resolution, TCP and TLS handshakes).
  std::chrono::milliseconds connect_timeout{0};
  /// The whole call, from its start to its result, every attempt and every wait between them
  /// included. The client gives each exchange at most the time left (in `total_timeout`), tells
  /// the Retry policy that time (`attempt::time_left`) and never starts a wait that would outlast
  /// it, whatever the policy decides.
  std::chrono::milliseconds deadline{0};
  /// Where the body of a response with a byte body goes as it arrives, instead of memory
  /// (`apidecl::stream_to(sink)`, core/body_sink.hpp). Only a Transport that streams bodies
  /// (`transport_streams_bodies_v`) takes it; others fail the call with `body_stream_failed`.
  body_sink_ref response_into;
};

/// Whether the Transport `T` sends streamed request bodies and gives response bodies to a sink:
/// it says so with `static constexpr bool streams_bodies = true;`.
template <class T, class = void>
inline constexpr bool transport_streams_bodies_v = false;
template <class T>
inline constexpr bool transport_streams_bodies_v<T, std::enable_if_t<std::remove_reference_t<T>::streams_bodies>> = true;

namespace detail {
template <class T, class = void>
struct has_send_with_call_options : std::false_type {};
template <class T>
struct has_send_with_call_options<
    T, std::enable_if_t<std::is_convertible_v<decltype(std::declval<T&>().send(std::declval<request const&>(),
                                                                                std::declval<call_options const&>())),
                                              transport_result>>> : std::true_type {};
}  // namespace detail

/// Whether the Transport `T` takes per-call options: `t.send(r, call_options{...})`.
template <class T>
inline constexpr bool has_send_with_call_options_v =
    detail::has_send_with_call_options<std::remove_reference_t<T>>::value;

}  // namespace apidecl

#endif
