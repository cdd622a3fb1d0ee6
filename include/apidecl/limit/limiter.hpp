#ifndef APIDECL_LIMIT_LIMITER_HPP
#define APIDECL_LIMIT_LIMITER_HPP

#include <apidecl/client/observer.hpp>
#include <apidecl/detail/type_list.hpp>

#include <chrono>
#include <type_traits>
#include <utility>

/// **Limiter requirement.** Keeps a client under the rate a service accepts, before it sends
/// rather than after a 429. A type `L` is a Limiter if, for an `L& l`, an
/// `apidecl::endpoint_info const& e` (the endpoint about to be called, observer.hpp) and a
/// `std::chrono::milliseconds now` and `t` on the client's Clock,
///
///     std::chrono::milliseconds w = l.acquire(e, now);
///     l.pause_until(t, now);
///
/// are valid. `acquire` either takes a slot for one attempt at `e` and returns zero, or takes
/// nothing and returns how long to wait before asking again (positive). `pause_until` says that
/// the service, at `now`, asked for nothing before `t` (a 429's Retry-After): every `acquire`
/// until then waits, or until a bound of the limiter's own, since a server may ask for years.
/// Neither throws. The client asks before every attempt, retries included, and before the Auth
/// policy signs it, so a signature carries the time the attempt is sent; a blocking call sleeps
/// on its Sleeper, a non-blocking one waits in `poll()`, and a wait that would outlast the call's
/// deadline ends it at once with `transport_errc::timed_out`. Clients sharing a limiter must read
/// the same timeline (a steady clock). Models: `no_limit` (the default) and `rate_limiter`
/// (rate_limiter.hpp).
///
/// Exemplar, one request at a time per second:
///
///     struct one_per_second {
///       std::chrono::milliseconds next{0};
///       std::chrono::milliseconds acquire(apidecl::endpoint_info const&, std::chrono::milliseconds now) {
///         if (now < next) return next - now;
///         next = now + std::chrono::seconds(1);
///         return std::chrono::milliseconds(0);
///       }
///       void pause_until(std::chrono::milliseconds t, std::chrono::milliseconds now) {
///         next = std::max(next, std::min(t, now + std::chrono::minutes(1)));
///       }
///     };
///     static_assert(apidecl::is_limiter_v<one_per_second>);
namespace apidecl {

namespace detail {
template <class L, class = void>
struct has_acquire : std::false_type {};
template <class L>
struct has_acquire<L, std::enable_if_t<std::is_convertible_v<decltype(std::declval<L&>().acquire(
                                                                 std::declval<endpoint_info const&>(),
                                                                 std::declval<std::chrono::milliseconds>())),
                                                             std::chrono::milliseconds>>> : std::true_type {};
template <class L, class = void>
struct has_pause_until : std::false_type {};
template <class L>
struct has_pause_until<L, std::void_t<decltype(std::declval<L&>().pause_until(
                              std::declval<std::chrono::milliseconds>(), std::declval<std::chrono::milliseconds>()))>>
    : std::true_type {};
}  // namespace detail

/// Whether `L` models Limiter.
template <class L>
inline constexpr bool is_limiter_v =
    detail::has_acquire<std::remove_reference_t<L>>::value && detail::has_pause_until<std::remove_reference_t<L>>::value;

/// The limiter of a client that has none: every attempt goes at once.
struct no_limit {
  constexpr std::chrono::milliseconds acquire(endpoint_info const&, std::chrono::milliseconds) const noexcept {
    return std::chrono::milliseconds(0);
  }
  constexpr void pause_until(std::chrono::milliseconds, std::chrono::milliseconds) const noexcept {}
};

namespace diagnostic {
template <class Limiter> inline constexpr bool limiter_lacks_acquire = false;
template <class Limiter> inline constexpr bool limiter_lacks_pause_until = false;
}  // namespace diagnostic

namespace detail {
template <class L, class = void>
struct names_acquire : std::false_type {};
template <class L>
struct names_acquire<L, std::void_t<decltype(&L::acquire)>> : std::true_type {};

/// Makes the one compiler error that says what `L` lacks to be a Limiter, if anything.
template <class L>
void diagnose_limiter() noexcept {
  using U = std::remove_reference_t<L>;
  if constexpr (!has_acquire<U>::value)
    static_assert(diagnostic::limiter_lacks_acquire<U>,
                  "apidecl: a Limiter must provide 'std::chrono::milliseconds acquire(apidecl::endpoint_info const&, "
                  "std::chrono::milliseconds now)'");
  else if constexpr (!has_pause_until<U>::value)
    static_assert(diagnostic::limiter_lacks_pause_until<U>,
                  "apidecl: a Limiter must provide 'void pause_until(std::chrono::milliseconds t, std::chrono::milliseconds "
                  "now)'");
}
}  // namespace detail

}  // namespace apidecl

#endif
