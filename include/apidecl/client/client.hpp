#ifndef APIDECL_CLIENT_CLIENT_HPP
#define APIDECL_CLIENT_CLIENT_HPP

#include <apidecl/auth/auth.hpp>
#include <apidecl/client/owned_request.hpp>
#include <apidecl/client/pending_call.hpp>
#include <apidecl/client/policies.hpp>
#include <apidecl/core/build.hpp>
#include <apidecl/core/decode.hpp>
#include <apidecl/core/result.hpp>
#include <apidecl/core/serializer_set.hpp>
#include <apidecl/retry/attempt.hpp>
#include <apidecl/retry/no_retry.hpp>
#include <apidecl/retry/system_sleeper.hpp>
#include <apidecl/serializer/serializer.hpp>
#include <apidecl/transport/async_transport.hpp>
#include <apidecl/transport/call_options.hpp>
#include <apidecl/transport/transport.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace apidecl {

namespace diagnostic {
template <class Transport>
struct transport_takes_no_call_options {
  static_assert(detail::always_false<Transport>,
                "apidecl: per-call options need a Transport with 'send(apidecl::request const&, "
                "apidecl::call_options const&)' (or an AsyncTransport with 'start(apidecl::request const&, "
                "apidecl::call_options const&, apidecl::exchange_handler)')");
};
}  // namespace diagnostic

/// Calls endpoints through a `Transport`, encoding and decoding bodies with `Serializers` (a
/// `serializer_set`), authenticating requests with `Auth`, and sending a request again when its
/// `Retry` policy says so, waiting with `Sleeper`. Build one with `make_client`.
///
/// Blocking, over a Transport:
///
///     auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
///     auto r = api.call(cielo24::delete_job, cielo24::api_token = token, cielo24::job_id = id);
///
/// Non-blocking, over an AsyncTransport, completed from the caller's loop:
///
///     auto pending = api.start(cielo24::delete_job, cielo24::api_token = token, cielo24::job_id = id);
///     while (!pending.ready()) { api.poll(); render_frame(); }
///
/// `Transport` may be a reference type, for a transport the caller owns: `make_client(http)` on
/// an lvalue refers to it, on an rvalue keeps it. The request is built into a buffer the client
/// owns and reuses: after the first call of a given size, a blocking call allocates nothing to
/// build its request. A client with calls in flight must stay where it is until they complete.
template <class Transport, class Serializers = serializer_set<>, class Auth = no_auth, class Retry = no_retry,
          class Sleeper = system_sleeper>
class client {
 public:
  explicit client(Transport transport, Serializers serializers = {}, Auth auth = {}, Retry retry = {},
                  Sleeper sleeper = {})
      : transport_(std::forward<Transport>(transport)),
        serializers_(std::move(serializers)),
        auth_(std::move(auth)),
        retry_(std::move(retry)),
        sleeper_(std::move(sleeper)) {}

  client(client const&) = delete;
  client& operator=(client const&) = delete;
  client(client&&) = default;  // only while nothing is in flight
  client& operator=(client&&) = delete;

  /// Calls `endpoint` with named `args`, to which the Auth policy may add its own (see auth.hpp),
  /// and returns once the Retry policy is done; see `result` for what comes back.
  template <class Endpoint, class... Args>
  result<Endpoint> call(Endpoint const& endpoint, Args const&... args) {
    auto const supplied = detail::supplied_arguments<Endpoint, Args...>(auth_);
    return std::apply([&](auto const&... more) { return call_with(no_options, endpoint, args..., more...); }, supplied);
  }

  /// As `call(endpoint, args...)`, with `options` (a per-call timeout) in place of the transport's
  /// own limits for each attempt. The Transport must take them (call_options.hpp).
  template <class Endpoint, class... Args>
  result<Endpoint> call(call_options const& options, Endpoint const& endpoint, Args const&... args) {
    if constexpr (is_transport_v<Transport> && !has_send_with_call_options_v<Transport>) {
      (void)sizeof(diagnostic::transport_takes_no_call_options<std::remove_reference_t<Transport>>);
      return detail::after_error{};
    } else {
      auto const supplied = detail::supplied_arguments<Endpoint, Args...>(auth_);
      return std::apply([&](auto const&... more) { return call_with(options, endpoint, args..., more...); }, supplied);
    }
  }

  /// Starts calling `endpoint` with named `args` and returns at once; `poll()` completes it.
  template <class Endpoint, class... Args>
  pending_call<Endpoint> start(Endpoint const& endpoint, Args const&... args) {
    auto const supplied = detail::supplied_arguments<Endpoint, Args...>(auth_);
    return std::apply([&](auto const&... more) { return start_with(no_options, endpoint, args..., more...); },
                      supplied);
  }

  /// As `start(endpoint, args...)`, with `options` in place of the transport's own limits.
  template <class Endpoint, class... Args>
  pending_call<Endpoint> start(call_options const& options, Endpoint const& endpoint, Args const&... args) {
    if constexpr (is_async_transport_v<Transport> && !has_start_with_call_options_v<Transport>) {
      (void)sizeof(diagnostic::transport_takes_no_call_options<std::remove_reference_t<Transport>>);
      return detail::after_error{};
    } else {
      auto const supplied = detail::supplied_arguments<Endpoint, Args...>(auth_);
      return std::apply([&](auto const&... more) { return start_with(options, endpoint, args..., more...); },
                        supplied);
    }
  }

  /// Advances every call started and not completed without blocking: completes those whose
  /// exchange ended (calling their handlers) and sends the retries that are due. Returns how many
  /// calls it completed.
  std::size_t poll() {
    static_assert(is_async_transport_v<Transport>, "apidecl: poll() needs an AsyncTransport");
    completed_ = 0;
    transport_.poll();
    send_due_retries();
    return completed_;
  }

  /// Calls started and not completed, waiting retries included.
  std::size_t in_flight() const noexcept { return in_flight_; }

  /// Ends `call` if it has not completed: it completes, in a later `poll()`, with a transport
  /// failure `transport_errc::cancelled`. Returns whether there was something to cancel.
  template <class Endpoint>
  bool cancel(pending_call<Endpoint> const& call) {
    auto& state = *call.state_;
    if (state.outcome || state.cancelled) return false;
    state.cancelled = true;
    if (state.exchange) return transport_.cancel(*state.exchange);
    return true;  // waiting to retry: send_due_retries completes it
  }

  std::remove_reference_t<Transport>& transport() noexcept { return transport_; }
  Serializers const& serializers() const noexcept { return serializers_; }
  Auth& auth() noexcept { return auth_; }
  Retry& retry() noexcept { return retry_; }
  Sleeper& sleeper() noexcept { return sleeper_; }

 private:
  // A zero duration keeps the transport's own limit: the default options change nothing.
  static constexpr call_options no_options{};

  template <class Endpoint, class... Args>
  result<Endpoint> call_with([[maybe_unused]] call_options const& options, [[maybe_unused]] Endpoint const& endpoint,
                             Args const&... args) {
    if constexpr (is_transport_v<Transport> && detail::is_valid_call<Endpoint, Args...>()) {
      std::chrono::milliseconds const began = sleeper_.now();
      for (int number = 1;; ++number) {
        // Built again for each attempt, so that a signature carries the time it is sent at.
        build_result built = build_into_buffer<Endpoint>(args...);
        if (!built) return counted(result<Endpoint>(failure(built.error())), number - 1);
        transport_result const received = send(*built, options);
        retry_decision const decision = retry_.decide(make_attempt<Endpoint>(number, received, sleeper_.now() - began));
        if (!decision.should_retry()) return counted(outcome_of(endpoint, received), number);
        sleeper_.sleep_for(decision.delay());
      }
    } else if constexpr (!is_transport_v<Transport>) {
      detail::diagnose_transport<Transport>();
      return detail::after_error{};
    } else {
      detail::diagnose_call<Endpoint, Args...>();
      return detail::after_error{};
    }
  }

  template <class Endpoint, class... Args>
  pending_call<Endpoint> start_with([[maybe_unused]] call_options const& options, Endpoint const&,
                                    Args const&... args) {
    if constexpr (is_async_transport_v<Transport> && detail::is_valid_call<Endpoint, Args...>()) {
      auto state = std::make_shared<detail::call_state<Endpoint>>();
      build_result built = build_into_buffer<Endpoint>(args...);
      if (!built) {
        state->complete(counted(result<Endpoint>(failure(built.error())), 0));
        return pending_call<Endpoint>(std::move(state));
      }
      ++in_flight_;
      send_attempt(std::make_shared<exchange<Endpoint>>(
          exchange<Endpoint>{state, owned_request(*built), options, sleeper_.now(), 1}));
      return pending_call<Endpoint>(std::move(state));
    } else if constexpr (!is_async_transport_v<Transport>) {
      detail::diagnose_async_transport<Transport>();
      return detail::after_error{};
    } else {
      detail::diagnose_call<Endpoint, Args...>();
      return detail::after_error{};
    }
  }

  // A non-blocking call between its attempts: what it needs to send the request again.
  template <class Endpoint>
  struct exchange {
    std::shared_ptr<detail::call_state<Endpoint>> state;
    owned_request sent;
    call_options options;
    std::chrono::milliseconds began;
    int number;
  };

  template <class Endpoint>
  void send_attempt(std::shared_ptr<exchange<Endpoint>> x) {
    auto on_done = [this, x](transport_result const& received) {
      x->state->exchange.reset();
      retry_decision const decision =
          retry_.decide(make_attempt<Endpoint>(x->number, received, sleeper_.now() - x->began));
      if (decision.should_retry() && !x->state->cancelled) {
        ++x->number;
        waiting_.push_back({sleeper_.now() + decision.delay(), [this, x](bool cancelled) {
                              if (cancelled) return finish(*x->state, result<Endpoint>(cancelled_failure()), x->number - 1);
                              send_attempt(x);
                            }, [x] { return x->state->cancelled; }});
        return;
      }
      finish(*x->state, outcome_of(Endpoint{}, received), x->number);
    };
    request const r = x->sent.view();
    if constexpr (has_start_with_call_options_v<Transport>) x->state->exchange = transport_.start(r, x->options, on_done);
    else x->state->exchange = transport_.start(r, on_done);
  }

  transport_result send(request const& r, call_options const& options) {
    if constexpr (has_send_with_call_options_v<Transport>) return transport_.send(r, options);
    else return transport_.send(r);
  }

  void send_due_retries() {
    if (waiting_.empty()) return;  // the common case, every frame: no clock read, no allocation
    std::chrono::milliseconds const now = sleeper_.now();
    // Retries sent here may end in the next poll only, so walking a snapshot is enough.
    std::vector<waiting_retry> due;
    for (auto it = waiting_.begin(); it != waiting_.end();) {
      if (it->due <= now || it->is_cancelled()) {
        due.push_back(std::move(*it));
        it = waiting_.erase(it);
      } else {
        ++it;
      }
    }
    for (waiting_retry& w : due) w.resume(w.is_cancelled());
  }

  template <class Endpoint>
  void finish(detail::call_state<Endpoint>& state, result<Endpoint> outcome, int attempts) {
    --in_flight_;
    ++completed_;
    state.complete(counted(std::move(outcome), attempts));
  }

  static failure cancelled_failure() noexcept {
    return transport_error{transport_errc::cancelled, true, "cancelled while waiting to retry"};
  }

  template <class Endpoint>
  result<Endpoint> outcome_of(Endpoint const& endpoint, transport_result const& received) {
    if (!received) return failure(received.error());
    return decode(endpoint, *received, serializers_);
  }

  template <class Endpoint>
  static result<Endpoint> counted(result<Endpoint> r, int attempts) noexcept {
    r.record_attempts(attempts);
    return r;
  }

  // Builds and authenticates into the client's buffer, growing it once if the request needs more.
  template <class Endpoint, class... Args>
  build_result build_into_buffer(Args const&... args) {
    if (buffer_.empty()) buffer_.resize(initial_buffer_size);
    build_result built = build_and_authenticate<Endpoint>(args...);
    if (built || built.error().code != validation_error::code::request_too_large) return built;
    buffer_.resize(built.error().needed);
    return build_and_authenticate<Endpoint>(args...);
  }

  template <class Endpoint, class... Args>
  build_result build_and_authenticate(Args const&... args) {
    writer out(buffer_.data(), buffer_.size());
    build_result const built = build_into<Endpoint>(out, serializers_, args...);
    if (!built) return built;
    return detail::authenticate(auth_, *built, out);
  }

  struct waiting_retry {
    std::chrono::milliseconds due;
    std::function<void(bool cancelled)> resume;
    std::function<bool()> is_cancelled;
  };

  static constexpr std::size_t initial_buffer_size = 1024;

  Transport transport_;
  Serializers serializers_;
  Auth auth_;
  Retry retry_;
  Sleeper sleeper_;
  std::vector<char> buffer_;
  std::vector<waiting_retry> waiting_;
  std::size_t in_flight_ = 0;
  std::size_t completed_ = 0;
};

/// A client over `transport` with the given policies, in any order: Serializers (one per media
/// type), and at most one each of Auth policy, Retry policy and Sleeper.
///
///     auto lod = apidecl::make_client(http, apidecl::pugixml_serializer{},
///                                     ondemand::signer(keys, apidecl::openssl_sha256{}),
///                                     apidecl::exponential_backoff{100ms, 10s, 5} | apidecl::honour_retry_after(60s));
template <class Transport, class... Policies>
auto make_client(Transport&& transport, Policies... policies) {
  if constexpr ((detail::is_client_policy_v<Policies> && ...)) {
    using all = std::tuple<Policies...>;
    auto serializers = detail::select_serializers(all(policies...));
    auto auth = detail::select_one<detail::models_auth, no_auth, diagnostic::more_than_one_auth_policy>(all(policies...));
    auto retry =
        detail::select_one<detail::models_retry_policy, no_retry, diagnostic::more_than_one_retry_policy>(all(policies...));
    auto sleeper =
        detail::select_one<detail::models_sleeper, system_sleeper, diagnostic::more_than_one_sleeper>(all(std::move(policies)...));
    return client<Transport, decltype(serializers), decltype(auth), decltype(retry), decltype(sleeper)>(
        std::forward<Transport>(transport), std::move(serializers), std::move(auth), std::move(retry),
        std::move(sleeper));
  } else {
    (detail::diagnose_client_policy<Policies>(), ...);
    return detail::after_error{};
  }
}

}  // namespace apidecl

#endif
