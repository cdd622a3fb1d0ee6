#ifndef APIDECL_RETRY_SPLITMIX64_HPP
#define APIDECL_RETRY_SPLITMIX64_HPP

#include <atomic>
#include <chrono>
#include <cstdint>

namespace apidecl {

/// A small, fast source of uniformly distributed 64-bit numbers: SplitMix64 (Steele, Lea and
/// Flood, 2014), eight bytes of state. A UniformRandomBitGenerator, good enough to spread retries
/// apart and no more: never use it for secrets.
class splitmix64 {
 public:
  using result_type = std::uint64_t;

  constexpr explicit splitmix64(std::uint64_t seed) noexcept : state_(seed) {}

  static constexpr result_type min() noexcept { return 0; }
  static constexpr result_type max() noexcept { return ~result_type{0}; }

  constexpr result_type operator()() noexcept {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
  }

  /// A seed that differs from call to call and from process to process, cheaply: a counter, the
  /// steady clock's ticks and where the counter was loaded (address randomisation), mixed. Clients
  /// that fail together must not draw the same delays, or jitter would not spread them.
  static std::uint64_t unique_seed() noexcept {
    static std::atomic<std::uint64_t> calls{0};
    auto const ticks = static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    auto const place = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(&calls));
    splitmix64 mix(ticks ^ place ^ (calls.fetch_add(1, std::memory_order_relaxed) << 32));
    return mix();
  }

 private:
  std::uint64_t state_;
};

}  // namespace apidecl

#endif
