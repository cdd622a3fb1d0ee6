#ifndef APIDECL_TRANSPORT_ASYNC_TRANSPORT_HPP
#define APIDECL_TRANSPORT_ASYNC_TRANSPORT_HPP

#include <apidecl/core/request.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/detail/type_list.hpp>
#include <apidecl/transport/call_options.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <type_traits>
#include <utility>

/// **AsyncTransport requirement.** An HTTP stack that runs several exchanges at once without
/// blocking and without a thread of its own, driven by its owner's loop (a game's frame, a GUI's
/// idle handler). A type `T` is an AsyncTransport if, for a `T& t`, a `T const& ct`, an
/// `apidecl::request const& r`, an `apidecl::exchange_handler h` and an `apidecl::exchange_id id`,
///
///     apidecl::exchange_id started = t.start(r, std::move(h));
///     std::size_t ended = t.poll();
///     bool cancelled = t.cancel(id);
///     std::size_t running = ct.in_flight();
///
/// are valid, with these semantics:
/// - `start` copies from `r` everything it needs (the caller may reuse the request's buffer as
///   soon as it returns), never blocks and never calls `h`. Each started exchange ends in exactly
///   one call of its handler, made from inside a later `poll`, unless `t` is destroyed first (then
///   the handlers of unfinished exchanges are destroyed uncalled). A request that cannot even be
///   started is reported that way too, as a `transport_error`.
/// - `poll` advances every exchange without blocking, calls the handlers of those that ended and
///   returns how many it called. A handler's `transport_result`, and the views of its response,
///   are valid only during the call. A handler may call `start` and `cancel` on `t` (a retry
///   starts its next attempt from there) but not `poll`.
/// - `cancel` ends an exchange whose outcome is not known yet: a later `poll` calls its handler
///   with `transport_errc::cancelled`, never `cancel` itself. It returns false, and changes
///   nothing, for an exchange whose outcome is known (even if its handler has not been called
///   yet) and for an unknown `id`.
/// - `in_flight` counts the exchanges started whose handler has not been called yet.
///
/// As with a Transport, nothing is retried and nothing is thrown. A transport may also take
/// per-call options, `t.start(r, o, std::move(h))` with an `apidecl::call_options const& o`
/// (`apidecl::has_start_with_call_options_v`).
///
/// Exemplar:
///
///     struct my_async_transport {
///       apidecl::exchange_id start(apidecl::request const& r, apidecl::exchange_handler on_done);
///       std::size_t poll();
///       bool cancel(apidecl::exchange_id id);
///       std::size_t in_flight() const;
///     };
///     static_assert(apidecl::is_async_transport_v<my_async_transport>);
namespace apidecl {

/// Names one exchange of an AsyncTransport, unique for the life of that transport.
enum class exchange_id : std::uint64_t {};

/// Called once when an exchange ends; what it receives is valid only during the call.
using exchange_handler = std::function<void(transport_result const&)>;

namespace detail {
template <class T, class = void>
struct has_start : std::false_type {};
template <class T>
struct has_start<T, std::enable_if_t<std::is_convertible_v<decltype(std::declval<T&>().start(
                                                               std::declval<request const&>(),
                                                               std::declval<exchange_handler>())),
                                                           exchange_id>>> : std::true_type {};

template <class T, class = void>
struct has_poll : std::false_type {};
template <class T>
struct has_poll<T, std::enable_if_t<std::is_convertible_v<decltype(std::declval<T&>().poll()), std::size_t>>>
    : std::true_type {};

template <class T, class = void>
struct has_cancel : std::false_type {};
template <class T>
struct has_cancel<
    T, std::enable_if_t<std::is_same_v<decltype(std::declval<T&>().cancel(std::declval<exchange_id>())), bool>>>
    : std::true_type {};

template <class T, class = void>
struct has_in_flight : std::false_type {};
template <class T>
struct has_in_flight<
    T, std::enable_if_t<std::is_convertible_v<decltype(std::declval<T const&>().in_flight()), std::size_t>>>
    : std::true_type {};

template <class T, class = void>
struct has_start_with_call_options : std::false_type {};
template <class T>
struct has_start_with_call_options<
    T, std::enable_if_t<std::is_convertible_v<
           decltype(std::declval<T&>().start(std::declval<request const&>(), std::declval<call_options const&>(),
                                             std::declval<exchange_handler>())),
           exchange_id>>> : std::true_type {};
}  // namespace detail

/// Whether `T` models AsyncTransport.
template <class T>
inline constexpr bool is_async_transport_v =
    detail::has_start<std::remove_reference_t<T>>::value && detail::has_poll<std::remove_reference_t<T>>::value &&
    detail::has_cancel<std::remove_reference_t<T>>::value && detail::has_in_flight<std::remove_reference_t<T>>::value;

/// Whether the AsyncTransport `T` takes per-call options: `t.start(r, call_options{...}, handler)`.
template <class T>
inline constexpr bool has_start_with_call_options_v =
    detail::has_start_with_call_options<std::remove_reference_t<T>>::value;

namespace diagnostic {
template <class AsyncTransport> inline constexpr bool async_transport_lacks_start = false;
template <class AsyncTransport> inline constexpr bool async_transport_lacks_poll = false;
template <class AsyncTransport> inline constexpr bool async_transport_lacks_cancel = false;
template <class AsyncTransport> inline constexpr bool async_transport_lacks_in_flight = false;
}  // namespace diagnostic

namespace detail {
/// Makes the one compiler error that says what `T` lacks first to be an AsyncTransport, if anything.
template <class T>
void diagnose_async_transport() noexcept {
  using U = std::remove_reference_t<T>;
  if constexpr (!has_start<U>::value)
    static_assert(diagnostic::async_transport_lacks_start<U>,
                  "apidecl: an AsyncTransport must provide "
                  "'apidecl::exchange_id start(apidecl::request const&, apidecl::exchange_handler)'");
  else if constexpr (!has_poll<U>::value)
    static_assert(diagnostic::async_transport_lacks_poll<U>,
                  "apidecl: an AsyncTransport must provide 'std::size_t poll()'");
  else if constexpr (!has_cancel<U>::value)
    static_assert(diagnostic::async_transport_lacks_cancel<U>,
                  "apidecl: an AsyncTransport must provide 'bool cancel(apidecl::exchange_id)'");
  else if constexpr (!has_in_flight<U>::value)
    static_assert(diagnostic::async_transport_lacks_in_flight<U>,
                  "apidecl: an AsyncTransport must provide 'std::size_t in_flight() const'");
}
}  // namespace detail

}  // namespace apidecl

#endif
