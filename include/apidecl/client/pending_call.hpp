#ifndef APIDECL_CLIENT_PENDING_CALL_HPP
#define APIDECL_CLIENT_PENDING_CALL_HPP

#include <apidecl/client/call_engine.hpp>
#include <apidecl/core/result.hpp>
#include <apidecl/transport/async_transport.hpp>
#include <apidecl/transport/call_options.hpp>

#include <cassert>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace apidecl {

namespace detail {
// A call started and not completed: its engine, the storage its request lives in between
// attempts, and what the caller and the client completing it share.
template <class Endpoint>
struct call_state {
  call_state(Endpoint const& endpoint, call_options const& options, std::chrono::milliseconds now)
      : engine(endpoint, options, storage, now) {}

  std::vector<char> storage;
  call_engine<Endpoint> engine;
  std::optional<result<Endpoint>> outcome;
  std::function<void(result<Endpoint> const&)> on_done;
  std::optional<exchange_id> exchange;  // the attempt in flight, none while waiting to retry

  void complete(result<Endpoint> r) {
    outcome.emplace(std::move(r));
    if (on_done) std::exchange(on_done, nullptr)(*outcome);
  }
};
}  // namespace detail

/// A call started with `client::start`: it completes in one of the client's `poll()`s (or at
/// once, if the request could not even be built). Test `ready()` from the loop, or attach a
/// handler with `then`; either way the result is the same `result<Endpoint>` a blocking call
/// returns. Copies refer to the same call; dropping them all does not cancel it.
template <class Endpoint>
class pending_call {
 public:
  explicit pending_call(std::shared_ptr<detail::call_state<Endpoint>> state) noexcept : state_(std::move(state)) {}

  /// Whether the result is there.
  bool ready() const noexcept { return state_->outcome.has_value(); }

  /// The result; only once `ready()`.
  result<Endpoint> const& get() const noexcept {
    assert(ready());
    return *state_->outcome;
  }

  /// Calls `handler` with the result when the call completes: from the `poll()` that completes
  /// it, or now if it already has. At most one handler; a later one replaces an earlier one.
  template <class Handler>
  pending_call const& then(Handler&& handler) const {
    if (ready()) std::forward<Handler>(handler)(*state_->outcome);
    else state_->on_done = std::forward<Handler>(handler);
    return *this;
  }

 private:
  template <class, class, class, class, class, class, class>
  friend class client;
  std::shared_ptr<detail::call_state<Endpoint>> state_;
};

}  // namespace apidecl

#endif
