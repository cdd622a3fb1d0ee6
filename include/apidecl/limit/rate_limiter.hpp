#ifndef APIDECL_LIMIT_RATE_LIMITER_HPP
#define APIDECL_LIMIT_RATE_LIMITER_HPP

#include <apidecl/client/observer.hpp>
#include <apidecl/core/method.hpp>
#include <apidecl/limit/limiter.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string_view>
#include <utility>
#include <vector>

namespace apidecl {

/// At most `requests` attempts per `per`, evenly spaced, of which `burst` may go back to back
/// after a quiet spell. With `burst` 1, any window of length `per` holds at most `requests`
/// attempts, which is how a service that counts "per minute" counts.
struct rate {
  std::size_t requests = 1;
  std::chrono::milliseconds per{1000};
  std::size_t burst = 1;
};

/// A Limiter of token buckets: one `rate` for every endpoint, and any number of further rates
/// for some endpoints (`also_for`), an attempt going only when every bucket that applies has a
/// token, taking one from each at once, so that no bucket loses a token to an attempt another
/// one holds back. A 429's Retry-After (`pause_until`) stops every bucket until then, for at most
/// `longest_pause` (a minute unless said), so that a server asking for hours cannot stop the
/// client for hours: the attempt after it meets the 429 again if the service meant it.
///
/// A handle to shared state: copies, and so every client made with one, share the buckets, from
/// any thread (a mutex guards them; `acquire` never blocks on anything else). Each bucket is a
/// generic cell rate algorithm in whole milliseconds, the spacing `per / requests` rounded up,
/// so the rate is never exceeded.
///
///     apidecl::rate_limiter limits(apidecl::rate{30, std::chrono::minutes(1)});
///     limits.also_for(apidecl::rate{2, std::chrono::minutes(1)}, ondemand::add_project);
///     auto a = apidecl::make_client(http_a, limits);  // a and b share the 30 a minute
///     auto b = apidecl::make_client(http_b, limits);
class rate_limiter {
 public:
  explicit rate_limiter(rate every_endpoint, std::chrono::milliseconds longest_pause = std::chrono::minutes(1))
      : state_(std::make_shared<state>()) {
    state_->buckets.push_back(bucket(every_endpoint, {}));
    state_->longest_pause = longest_pause;
  }

  /// Adds a bucket of `r` for calls to `endpoints` (descriptor objects) alone.
  template <class... Endpoints>
  rate_limiter& also_for(rate r, Endpoints const&...) {
    static_assert(sizeof...(Endpoints) > 0, "apidecl: rate_limiter::also_for needs at least one endpoint");
    return also_for(r, {endpoint_info_of<Endpoints>...});
  }
  /// Adds a bucket of `r` for calls to the endpoints with the method and path template of one of
  /// `endpoints`, whose texts must outlive the limiter (string literals, as descriptors hold).
  rate_limiter& also_for(rate r, std::vector<endpoint_info> endpoints) {
    std::lock_guard<std::mutex> const lock(state_->mutex);
    state_->buckets.push_back(bucket(r, std::move(endpoints)));
    return *this;
  }

  std::chrono::milliseconds acquire(endpoint_info const& e, std::chrono::milliseconds now) {
    std::lock_guard<std::mutex> const lock(state_->mutex);
    std::chrono::milliseconds wait = state_->paused_until - now;
    for (bucket const& b : state_->buckets)
      if (b.applies_to(e)) wait = std::max(wait, b.wait(now));
    if (wait.count() > 0) return wait;
    for (bucket& b : state_->buckets)
      if (b.applies_to(e)) b.take(now);
    return std::chrono::milliseconds(0);
  }

  void pause_until(std::chrono::milliseconds t, std::chrono::milliseconds now) {
    std::lock_guard<std::mutex> const lock(state_->mutex);
    state_->paused_until = std::max(state_->paused_until, std::min(t, now + state_->longest_pause));
  }

 private:
  class bucket {
   public:
    bucket(rate r, std::vector<endpoint_info> endpoints)
        : spacing_((r.per.count() + static_cast<long long>(std::max<std::size_t>(r.requests, 1)) - 1) /
                   static_cast<long long>(std::max<std::size_t>(r.requests, 1))),
          tolerance_(spacing_ * static_cast<long long>(std::max<std::size_t>(r.burst, 1) - 1)),
          endpoints_(std::move(endpoints)) {}

    // Every endpoint when none is named.
    bool applies_to(endpoint_info const& e) const noexcept {
      if (endpoints_.empty()) return true;
      return std::any_of(endpoints_.begin(), endpoints_.end(), [&](endpoint_info const& mine) {
        return mine.method == e.method && mine.path_template == e.path_template;
      });
    }
    // How long until a token is there; zero or less if one is.
    std::chrono::milliseconds wait(std::chrono::milliseconds now) const noexcept {
      return std::max(next_, now) - tolerance_ - now;
    }
    void take(std::chrono::milliseconds now) noexcept { next_ = std::max(next_, now) + spacing_; }

   private:
    std::chrono::milliseconds spacing_;
    std::chrono::milliseconds tolerance_;
    std::chrono::milliseconds next_{std::chrono::milliseconds::min() / 2};  // the theoretical time of the next attempt
    std::vector<endpoint_info> endpoints_;
  };

  struct state {
    std::mutex mutex;
    std::vector<bucket> buckets;
    std::chrono::milliseconds paused_until{std::chrono::milliseconds::min() / 2};
    std::chrono::milliseconds longest_pause{0};
  };

  std::shared_ptr<state> state_;
};

}  // namespace apidecl

#endif
