#ifndef APIDECL_RETRY_EXPONENTIAL_BACKOFF_HPP
#define APIDECL_RETRY_EXPONENTIAL_BACKOFF_HPP

#include <apidecl/retry/attempt.hpp>
#include <apidecl/retry/retry_decision.hpp>
#include <apidecl/retry/rules.hpp>
#include <apidecl/retry/splitmix64.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <type_traits>
#include <utility>

namespace apidecl {

/// Retries what the safety rules allow, up to `max_attempts` attempts in all, after a delay drawn
/// uniformly from [0, min(cap, base * 2^(n-1))] after attempt n: exponential backoff with full
/// jitter, so that clients that failed together come back spread out rather than together.
///
///     apidecl::exponential_backoff backoff{100ms, 10s, 5};          // seeds itself
///     apidecl::exponential_backoff repeatable{100ms, 10s, 5, apidecl::splitmix64(42)};
///
/// `Random` gives uniformly distributed 64-bit unsigned numbers when called: `apidecl::splitmix64`
/// (the default, eight bytes), `std::mt19937_64` (2.5 kB, copied with the policy) or the user's
/// own. Pass one with a fixed seed for repeatable delays; otherwise the policy seeds its own from
/// `splitmix64::unique_seed()`, so no two policies draw alike. Delays come out the same on every
/// platform, as no standard distribution (whose results vary between libraries) is involved.
template <class Random = splitmix64>
class exponential_backoff {
  using drawn_t = std::decay_t<decltype(std::declval<Random&>()())>;
  static_assert(std::is_unsigned_v<drawn_t> && sizeof(drawn_t) == 8,
                "apidecl: exponential_backoff's Random must return uniformly distributed 64-bit unsigned numbers "
                "when called, as apidecl::splitmix64 and std::mt19937_64 do");

 public:
  exponential_backoff(std::chrono::milliseconds base, std::chrono::milliseconds cap, int max_attempts,
                      Random random) noexcept(std::is_nothrow_move_constructible_v<Random>)
      : base_(std::max(base, std::chrono::milliseconds::zero())),
        cap_(std::max(cap, std::chrono::milliseconds::zero())),
        max_attempts_(max_attempts),
        random_(std::move(random)) {}

  exponential_backoff(std::chrono::milliseconds base, std::chrono::milliseconds cap, int max_attempts)
      : exponential_backoff(base, cap, max_attempts, Random(splitmix64::unique_seed())) {}

  retry_decision decide(attempt const& a) {
    return apply_retry_rules(a, max_attempts_, [&] { return draw_up_to(ceiling(a.number)); });
  }

  /// The longest delay after attempt `n`: min(cap, base * 2^(n-1)), computed without overflow.
  constexpr std::chrono::milliseconds ceiling(int n) const noexcept {
    std::chrono::milliseconds bound = base_;
    for (int i = 1; i < n && bound > std::chrono::milliseconds::zero() && bound < cap_; ++i)
      bound = bound > cap_ / 2 ? cap_ : bound * 2;
    return std::min(bound, cap_);
  }

 private:
  // Uniform in [0, bound]. Taking x % range alone would favour small delays a little; rejecting
  // the 2^64 % range lowest values first removes that bias.
  std::chrono::milliseconds draw_up_to(std::chrono::milliseconds bound) {
    std::uint64_t const range = static_cast<std::uint64_t>(bound.count()) + 1;
    std::uint64_t const rejected_below = (0 - range) % range;
    std::uint64_t x = random_();
    while (x < rejected_below) x = random_();
    return std::chrono::milliseconds(static_cast<std::chrono::milliseconds::rep>(x % range));
  }

  std::chrono::milliseconds base_;
  std::chrono::milliseconds cap_;
  int max_attempts_;
  Random random_;
};

}  // namespace apidecl

#endif
