#ifndef APIDECL_CLOCK_UTC_CLOCK_HPP
#define APIDECL_CLOCK_UTC_CLOCK_HPP

#include <apidecl/detail/type_list.hpp>
#include <apidecl/types/timestamp.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <type_traits>
#include <utility>

/// **UtcClock requirement.** The wall clock a signing Auth policy stamps requests with, injectable
/// so that tests are exact and devices can use their RTC. A type `C` is a UtcClock if, for a
/// `C& c`,
///
///     apidecl::utc_timestamp now = c.now();
///
/// is valid.
///
/// Exemplar, a clock that always says the same:
///
///     struct frozen_clock {
///       apidecl::utc_timestamp at;
///       apidecl::utc_timestamp now() const { return at; }
///     };
///     static_assert(apidecl::is_utc_clock_v<frozen_clock>);
namespace apidecl {

namespace detail {
template <class C, class = void>
struct is_utc_clock : std::false_type {};
template <class C>
struct is_utc_clock<C, std::enable_if_t<std::is_convertible_v<decltype(std::declval<C&>().now()), utc_timestamp>>>
    : std::true_type {};
}  // namespace detail

/// Whether `C` models UtcClock.
template <class C>
inline constexpr bool is_utc_clock_v = detail::is_utc_clock<std::remove_reference_t<C>>::value;

namespace diagnostic {
template <class C> inline constexpr bool utc_clock_lacks_now = false;
}  // namespace diagnostic

namespace detail {
/// Makes the one compiler error that says what `C` lacks to be a UtcClock, if anything.
template <class C>
void diagnose_utc_clock() noexcept {
  if constexpr (!is_utc_clock_v<C>) static_assert(diagnostic::utc_clock_lacks_now<std::remove_reference_t<C>>,
                                                  "apidecl: a UtcClock must provide 'apidecl::utc_timestamp now()'");
}
}  // namespace detail

/// The system's wall clock, to the microsecond.
struct system_utc_clock {
  utc_timestamp now() const noexcept {
    using namespace std::chrono;
    auto const since_epoch = duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
    std::int64_t const seconds = since_epoch / 1000000 - (since_epoch % 1000000 < 0 ? 1 : 0);
    auto const micros = static_cast<std::uint32_t>(since_epoch - seconds * 1000000);
    return utc_timestamp::from_unix_time(seconds, micros * 1000, 6).value_or(utc_timestamp{});
  }
};

}  // namespace apidecl

#endif
