#ifndef APIDECL_CLOCK_SLEEPER_HPP
#define APIDECL_CLOCK_SLEEPER_HPP

#include <apidecl/detail/type_list.hpp>

#include <chrono>
#include <type_traits>
#include <utility>

/// **Clock and Sleeper requirements.** How a client times its attempts and waits between them,
/// kept apart from the Retry policy, which only says how long to wait.
///
/// A type `C` is a Clock if, for a `C& c`,
///
///     std::chrono::milliseconds t = c.now();
///
/// is valid: the time on a steady timeline, which never goes back and starts anywhere (the client
/// only subtracts one reading from another). A type `S` is a Sleeper if it is a Clock and, for an
/// `S& s` and a `std::chrono::milliseconds d`,
///
///     s.sleep_for(d);
///
/// is valid: it returns once `d` has passed on that timeline. The blocking client reads `now()`
/// when a call begins and after each attempt, and sleeps for each retry's delay. A non-blocking
/// client needs only a Clock: its poll loop sends the request again once `now()` reaches the time
/// the decision named. Neither throws. Models: `system_sleeper` (the steady clock and
/// `std::this_thread::sleep_for`) and `test_clock` (time that moves only when told); a game
/// engine supplies its own frame clock.
///
/// Exemplar:
///
///     struct my_sleeper {
///       std::chrono::milliseconds now();
///       void sleep_for(std::chrono::milliseconds);
///     };
///     static_assert(apidecl::is_sleeper_v<my_sleeper>);
namespace apidecl {

namespace detail {
template <class C, class = void>
struct is_clock : std::false_type {};
template <class C>
struct is_clock<C,
                std::enable_if_t<std::is_convertible_v<decltype(std::declval<C&>().now()), std::chrono::milliseconds>>>
    : std::true_type {};

template <class S, class = void>
struct can_sleep : std::false_type {};
template <class S>
struct can_sleep<S, std::void_t<decltype(std::declval<S&>().sleep_for(std::declval<std::chrono::milliseconds>()))>>
    : std::true_type {};
}  // namespace detail

/// Whether `C` models Clock.
template <class C>
inline constexpr bool is_clock_v = detail::is_clock<std::remove_reference_t<C>>::value;

/// Whether `S` models Sleeper.
template <class S>
inline constexpr bool is_sleeper_v = is_clock_v<S> && detail::can_sleep<std::remove_reference_t<S>>::value;

namespace diagnostic {
template <class Clock> inline constexpr bool clock_lacks_now = false;
template <class Sleeper> inline constexpr bool sleeper_lacks_sleep_for = false;
}  // namespace diagnostic

namespace detail {
/// Makes the one compiler error that says what `S` lacks to be a Sleeper (a Clock first), if
/// anything; both checks are right here, which keeps the compiler's backtrace short.
template <class S>
void diagnose_sleeper() noexcept {
  using U = std::remove_reference_t<S>;
  if constexpr (!is_clock_v<S>)
    static_assert(diagnostic::clock_lacks_now<U>,
                  "apidecl: a Clock or Sleeper must provide 'std::chrono::milliseconds now()' on a steady timeline");
  else if constexpr (!is_sleeper_v<S>)
    static_assert(diagnostic::sleeper_lacks_sleep_for<U>,
                  "apidecl: a Sleeper must provide 'void sleep_for(std::chrono::milliseconds)'");
}
}  // namespace detail

}  // namespace apidecl

#endif
