#ifndef APIDECL_CLIENT_CLIENT_HPP
#define APIDECL_CLIENT_CLIENT_HPP

// The headers whose static_asserts report a misuse of a call come first: the compiler then
// shows a short chain of includes above the error.
#include <apidecl/clock/sleeper.hpp>
#include <apidecl/core/check_call.hpp>
#include <apidecl/core/check_codecs.hpp>
#include <apidecl/transport/async_transport.hpp>
#include <apidecl/transport/transport.hpp>

#include <apidecl/auth/auth.hpp>
#include <apidecl/auth/session.hpp>
#include <apidecl/client/call_engine.hpp>
#include <apidecl/client/pending_call.hpp>
#include <apidecl/client/policies.hpp>
#include <apidecl/client/streaming.hpp>
#include <apidecl/clock/system_sleeper.hpp>
#include <apidecl/core/build.hpp>
#include <apidecl/core/decode.hpp>
#include <apidecl/core/result.hpp>
#include <apidecl/limit/limiter.hpp>
#include <apidecl/retry/attempt.hpp>
#include <apidecl/retry/no_retry.hpp>
#include <apidecl/serializer/serializer.hpp>
#include <apidecl/serializer/serializer_set.hpp>
#include <apidecl/transport/call_options.hpp>

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
template <class Transport> inline constexpr bool async_call_needs_an_asio_transport = false;
template <class Clock> inline constexpr bool blocking_call_needs_a_sleeper = false;
template <class Transport> inline constexpr bool streamed_body_needs_a_streaming_transport = false;
template <class Auth> inline constexpr bool login_needs_a_session = false;
}  // namespace diagnostic

namespace detail {
// How `client::async_call` completes an Asio token: defined by <apidecl/client/async_call.hpp>
// for transports with Asio's asynchronous face; this primary template only says so.
template <class Client, class = void>
struct async_call_support {
  template <class... Anything>
  static after_error call(Client&, Anything&&...) {
    static_assert(diagnostic::async_call_needs_an_asio_transport<typename Client::transport_type>,
                  "apidecl: async_call needs <apidecl/client/async_call.hpp> and a Transport with "
                  "'async_exchange(apidecl::request const&, apidecl::call_options const&, Handler)' and "
                  "'get_executor()', such as apidecl::asio_transport");
    return {};
  }
};
}  // namespace detail

/// Calls endpoints through a `Transport`, encoding and decoding bodies with `Serializers` (a
/// `serializer_set`), authenticating requests with `Auth`, and sending a request again when its
/// `Retry` policy says so, timing attempts and waits with `Clock`, and keeping under the rate its
/// `Limiter` allows. Build one with `make_client`.
///
/// Blocking, over a Transport, with a Clock that is a Sleeper (the default, `system_sleeper`):
///
///     auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
///     auto r = api.call(cielo24::delete_job, cielo24::api_token = token, cielo24::job_id = id);
///
/// Non-blocking, over an AsyncTransport, completed from the caller's loop; any Clock will do (a
/// game's frame clock), since waits between attempts end in a later `poll()`:
///
///     auto pending = api.start(cielo24::delete_job, cielo24::api_token = token, cielo24::job_id = id);
///     while (!pending.ready()) { api.poll(); render_frame(); }
///
/// Both drive one engine (call_engine.hpp): each attempt is authenticated anew, decoded with the
/// endpoint object given, and timed by `Clock`. With a Session as Auth policy (session.hpp), a
/// call whose credentials are refused logs in again through this client and is repeated once.
/// `Transport` may be a reference type, for a
/// transport the caller owns: `make_client(http)` on an lvalue refers to it, on an rvalue keeps
/// it. A blocking call builds its request into a buffer the client owns and reuses: after the
/// first call of a given size it allocates nothing to build its request; a non-blocking call
/// owns its buffer. A client with calls in flight must stay where it is until they complete.
template <class Transport, class Serializers = serializer_set<>, class Auth = no_auth, class Retry = no_retry,
          class Clock = system_sleeper, class Observer = no_observer, class Limiter = no_limit>
class client {
 public:
  using transport_type = std::remove_reference_t<Transport>;

  explicit client(Transport transport, Serializers serializers = {}, Auth auth = {}, Retry retry = {},
                  Clock clock = {}, Observer observer = {}, Limiter limiter = {})
      : transport_(std::forward<Transport>(transport)),
        serializers_(std::move(serializers)),
        auth_(std::move(auth)),
        retry_(std::move(retry)),
        clock_(std::move(clock)),
        observer_(std::move(observer)),
        limiter_(std::move(limiter)) {}

  client(client const&) = delete;
  client& operator=(client const&) = delete;
  client(client&&) = default;  // only while nothing is in flight
  client& operator=(client&&) = delete;

  /// Calls `endpoint` with named `args`, to which the Auth policy may add its own (see auth.hpp),
  /// and returns once the Retry policy is done; see `result` for what comes back.
  template <class Endpoint, class... Args>
  result<Endpoint> call(Endpoint const& endpoint, Args const&... args) {
    return call_with(no_options, buffer_, endpoint, supplied<Endpoint, Args...>(), args...);
  }

  /// As `call(endpoint, args...)`, with `options` (per-exchange timeouts, a deadline for the
  /// whole call) in place of the transport's own limits. The Transport must take them
  /// (call_options.hpp).
  template <class Endpoint, class... Args>
  result<Endpoint> call(call_options const& options, Endpoint const& endpoint, Args const&... args) {
    if constexpr (is_transport_v<Transport> && !has_send_with_call_options_v<Transport>) {
      (void)sizeof(diagnostic::transport_takes_no_call_options<std::remove_reference_t<Transport>>);
      return detail::after_error{};
    } else {
      return call_with(options, buffer_, endpoint, supplied<Endpoint, Args...>(), args...);
    }
  }

  /// Starts calling `endpoint` with named `args` and returns at once; `poll()` completes it.
  template <class Endpoint, class... Args>
  pending_call<Endpoint> start(Endpoint const& endpoint, Args const&... args) {
    return start_with(no_options, endpoint, supplied<Endpoint, Args...>(), args...);
  }

  /// As `start(endpoint, args...)`, with `options` in place of the transport's own limits.
  template <class Endpoint, class... Args>
  pending_call<Endpoint> start(call_options const& options, Endpoint const& endpoint, Args const&... args) {
    if constexpr (is_async_transport_v<Transport> && !has_start_with_call_options_v<Transport>) {
      (void)sizeof(diagnostic::transport_takes_no_call_options<std::remove_reference_t<Transport>>);
      return detail::after_error{};
    } else {
      return start_with(options, endpoint, supplied<Endpoint, Args...>(), args...);
    }
  }

  /// Calls `endpoint` with named `args` and completes the Asio completion token that follows them
  /// (a callback, `asio::use_future`, `asio::deferred`, `asio::use_awaitable`, ...) with the
  /// `result<Endpoint>`. Needs <apidecl/client/async_call.hpp> and a transport such as
  /// `apidecl::asio_transport`: `co_await api.async_call(endpoint, args..., asio::use_awaitable)`.
  template <class Endpoint, class... ArgsAndToken>
  auto async_call(Endpoint const& endpoint, ArgsAndToken&&... args_and_token) {
    return detail::async_call_support<client>::call(*this, no_options, endpoint,
                                                    std::forward<ArgsAndToken>(args_and_token)...);
  }

  /// As `async_call(endpoint, args..., token)`, with `options` for each exchange and the call.
  template <class Endpoint, class... ArgsAndToken>
  auto async_call(call_options const& options, Endpoint const& endpoint, ArgsAndToken&&... args_and_token) {
    return detail::async_call_support<client>::call(*this, options, endpoint,
                                                    std::forward<ArgsAndToken>(args_and_token)...);
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

  /// Calls started and not completed, waiting retries included, and a Session's login started
  /// from `poll()` while a call waits for it.
  std::size_t in_flight() const noexcept { return in_flight_; }

  /// Ends `call` if it has not completed: one waiting to retry completes in the next `poll()`
  /// with a transport failure `transport_errc::cancelled`; one with an exchange in flight, with
  /// that exchange's outcome (`cancelled`, if the transport could still stop it), never retried.
  /// Returns whether the call was stopped: false if it had completed, was cancelled already, or
  /// its exchange's outcome was known (it then completes with that outcome).
  template <class Endpoint>
  bool cancel(pending_call<Endpoint> const& call) {
    detail::call_state<Endpoint>& state = *call.state_;
    if (!state.engine.cancel()) return false;
    if (state.exchange) return transport_.cancel(*state.exchange);
    return true;
  }

  /// Logs the Session in now, blocking (a call does so by itself when its credentials are
  /// refused): what the Session's `accept` said of the login's result.
  auth_result login() {
    if constexpr (!is_session_v<Auth>) {
      static_assert(diagnostic::login_needs_a_session<std::remove_reference_t<Auth>>,
                    "apidecl: login() needs a Session as the client's Auth policy (auth/session.hpp), such as "
                    "cielo24::password_session");
      return auth_result("no session");
    } else {
      return auth_.accept(with_login_arguments([&](auto const& login_endpoint, auto const& supplied, auto const&... credentials) {
        std::vector<char> storage;  // the call that logs in may be within another, which holds buffer_
        return call_with(no_options, storage, login_endpoint, supplied, credentials...);
      }));
    }
  }

  std::remove_reference_t<Transport>& transport() noexcept { return transport_; }
  Serializers const& serializers() const noexcept { return serializers_; }
  Auth& auth() noexcept { return auth_; }
  Retry& retry() noexcept { return retry_; }
  Clock& clock() noexcept { return clock_; }
  Observer& observer() noexcept { return observer_; }
  Limiter& limiter() noexcept { return limiter_; }

 private:
  template <class, class>
  friend struct detail::async_call_support;

  // A zero duration keeps the transport's own limit: the default options change nothing.
  static constexpr call_options no_options{};

  // A sink given to a Transport that does not stream bodies would be ignored, the body kept in
  // memory: the call fails instead, before anything is sent.
  static bool refuses_sink(call_options const& options) noexcept {
    return !transport_streams_bodies_v<Transport> && static_cast<bool>(options.response_into);
  }
  static failure sink_refused() noexcept {
    return failure(transport_error{transport_errc::body_stream_failed, false,
                                   "this transport does not stream response bodies to a sink"});
  }

  // The Auth policy's arguments that the endpoint declares and `Args` do not name; none while
  // an argument is not named, which the call's own check reports.
  template <class Endpoint, class... Args>
  auto supplied() const noexcept {
    if constexpr (!(detail::is_arg<Args>::value && ...)) return std::tuple<>{};
    else return detail::supplied_arguments<Endpoint, Args...>(auth_);
  }

  // A body streamed from a source through a transport that would hold it in memory: the one error
  // of a blocking and a non-blocking call alike.
  static void diagnose_streamed_body() noexcept {
    static_assert(diagnostic::streamed_body_needs_a_streaming_transport<std::remove_reference_t<Transport>>,
                  "apidecl: a body streamed from a source (apidecl::stream_from) needs a Transport "
                  "that streams bodies ('static constexpr bool streams_bodies = true;'), such as curl_transport");
  }

  // Each misuse is diagnosed here, one call below the entry point, where the compiler's backtrace
  // is shortest. `supplied` are the Auth policy's arguments, passed after `args`.
  template <class Endpoint, class... Supplied, class... Args>
  result<Endpoint> call_with([[maybe_unused]] call_options const& options, [[maybe_unused]] std::vector<char>& storage,
                             [[maybe_unused]] Endpoint const& endpoint,
                             [[maybe_unused]] std::tuple<Supplied...> const& supplied,
                             [[maybe_unused]] Args const&... args) {
    if constexpr (!is_transport_v<Transport>) {
      detail::diagnose_transport<Transport>();
      return detail::after_error{};
    } else if constexpr (!detail::is_valid_call<Endpoint, Args..., Supplied...>()) {
      detail::diagnose_call<Endpoint, Args..., Supplied...>();
      return detail::after_error{};
    } else if constexpr (!detail::carries_bodies<Endpoint, Serializers, detail::bodies::both>()) {
      detail::diagnose_codecs<Endpoint, Serializers, detail::bodies::both>();
      return detail::after_error{};
    } else if constexpr (detail::streams_request_body_v<Args...> && !transport_streams_bodies_v<Transport>) {
      diagnose_streamed_body();
      return detail::after_error{};
    } else if constexpr (!is_sleeper_v<Clock>) {
      // A sleep_for of the wrong shape is named as such; no sleep_for at all, as a Clock alone.
      if constexpr (detail::names_sleep_for<std::remove_reference_t<Clock>>::value) detail::diagnose_sleeper<Clock>();
      else static_assert(diagnostic::blocking_call_needs_a_sleeper<std::remove_reference_t<Clock>>,
                         "apidecl: a blocking call waits between attempts, so its client needs a Sleeper "
                         "('void sleep_for(std::chrono::milliseconds)'); a client with a Clock alone calls with start() "
                         "and poll()");
      return detail::after_error{};
    } else {
      if (refuses_sink(options)) return sink_refused();
      detail::call_engine<Endpoint> call(endpoint, options, storage, clock_.now());
      run(call, begin(call, supplied, args...), &detail::call_engine<Endpoint>::template decoded<Serializers>);
      return call.take_result();
    }
  }

  // Takes a blocking call from `step` to its end, sending, sleeping and logging in again as its
  // engine says: once per client, whatever the endpoint (`decode` is the endpoint's part).
  [[gnu::noinline]] void run(detail::call_engine_base& call, detail::call_step step,
                             detail::response_decoder<Serializers> decode) {
    while (step != detail::call_step::done) {
      if (step == detail::call_step::send) {
        transport_result const received = send(call.request(), call.attempt_options(clock_.now()));
        step = call.exchange_ended(received, retry_, decode, serializers_, auth_, limiter_, observer_, clock_.now());
      } else if (step == detail::call_step::wait) {
        clock_.sleep_for(call.due() - clock_.now());
        step = call.resume(auth_, limiter_, observer_, clock_.now());
      } else if constexpr (is_session_v<Auth>) {
        step = call.renewed(login(), auth_, limiter_, observer_, clock_.now());
      }
    }
  }

  template <class Endpoint, class... Supplied, class... Args>
  pending_call<Endpoint> start_with([[maybe_unused]] call_options const& options,
                                    [[maybe_unused]] Endpoint const& endpoint,
                                    [[maybe_unused]] std::tuple<Supplied...> const& supplied,
                                    [[maybe_unused]] Args const&... args) {
    if constexpr (!is_async_transport_v<Transport>) {
      detail::diagnose_async_transport<Transport>();
      return detail::after_error{};
    } else if constexpr (!detail::is_valid_call<Endpoint, Args..., Supplied...>()) {
      detail::diagnose_call<Endpoint, Args..., Supplied...>();
      return detail::after_error{};
    } else if constexpr (!detail::carries_bodies<Endpoint, Serializers, detail::bodies::both>()) {
      detail::diagnose_codecs<Endpoint, Serializers, detail::bodies::both>();
      return detail::after_error{};
    } else if constexpr (detail::streams_request_body_v<Args...> && !transport_streams_bodies_v<Transport>) {
      diagnose_streamed_body();
      return detail::after_error{};
    } else {
      auto state = std::make_shared<detail::call_state<Endpoint>>(endpoint, options, clock_.now());
      if (refuses_sink(options)) {
        state->complete(sink_refused());
        return pending_call<Endpoint>(std::move(state));
      }
      ++in_flight_;
      drive(state, begin(state->engine, supplied, args...));
      return pending_call<Endpoint>(std::move(state));
    }
  }

  // Calls `f(login_endpoint, supplied, credentials...)` with the Session's login endpoint, the
  // Auth policy's arguments it declares and the Session's `login_arguments()`: how every way of
  // calling logs in.
  template <class F>
  decltype(auto) with_login_arguments(F&& f) {
    return std::apply(
        [&](auto const&... credentials) -> decltype(auto) {
          using login_endpoint = typename Auth::login_endpoint;
          return f(login_endpoint{}, supplied<login_endpoint, detail::remove_cvref_t<decltype(credentials)>...>(),
                   credentials...);
        },
        auth_.login_arguments());
  }

  // Begins `call` with `args` and the Auth policy's `supplied` ones; through std::apply only when
  // there are some, as its instantiations are compile time that every endpoint would pay.
  template <class Endpoint, class... Supplied, class... Args>
  detail::call_step begin(detail::call_engine<Endpoint>& call, std::tuple<Supplied...> const& supplied,
                          Args const&... args) {
    if constexpr (is_session_v<Auth>) {
      if constexpr (detail::names_any_of<typename detail::auth_arguments<Auth>::type, Args...>::value)
        call.keep_credentials();
    }
    if constexpr (sizeof...(Supplied) == 0)
      return call.begin(serializers_, auth_, limiter_, observer_, args...);
    else
      return std::apply(
          [&](Supplied const&... more) { return call.begin(serializers_, auth_, limiter_, observer_, args..., more...); },
          supplied);
  }

  // Takes a non-blocking call through `step` and on until it must wait for an exchange or a retry.
  template <class Endpoint>
  void drive(std::shared_ptr<detail::call_state<Endpoint>> const& state, detail::call_step step) {
    detail::call_engine<Endpoint>& call = state->engine;
    if (step == detail::call_step::send) {
      auto on_done = [this, state](transport_result const& received) {
        state->exchange.reset();
        drive(state, state->engine.received(received, retry_, serializers_, auth_, limiter_, observer_, clock_.now()));
      };
      request const& r = call.request();
      if constexpr (has_start_with_call_options_v<Transport>)
        state->exchange = transport_.start(r, call.attempt_options(clock_.now()), std::move(on_done));
      else
        state->exchange = transport_.start(r, std::move(on_done));
    } else if (step == detail::call_step::wait) {
      waiting_.push_back({call.due(),
                          [this, state] { drive(state, state->engine.resume(auth_, limiter_, observer_, clock_.now())); },
                          [state] { return state->engine.cancelled(); }});
    } else if (step == detail::call_step::renew) {
      if constexpr (is_session_v<Auth>) {
        // Calls refused while a login is under way wait for it: one login renews them all.
        awaiting_login_.push_back([this, state](auth_result const& login) {
          drive(state, state->engine.renewed(login, auth_, limiter_, observer_, clock_.now()));
        });
        if (awaiting_login_.size() > 1) return;
        with_login_arguments([&](auto const& login_endpoint, auto const& supplied, auto const&... credentials) {
          return start_with(no_options, login_endpoint, supplied, credentials...);
        }).then([this](auto const& logged_in) {
          auth_result const login = auth_.accept(logged_in);
          std::vector<std::function<void(auth_result const&)>> renewed = std::move(awaiting_login_);
          awaiting_login_.clear();
          for (auto& resume : renewed) resume(login);
        });
      }
    } else {
      --in_flight_;
      ++completed_;
      state->complete(call.take_result());
    }
  }

  transport_result send(request const& r, [[maybe_unused]] call_options const& options) {
    if constexpr (has_send_with_call_options_v<Transport>) return transport_.send(r, options);
    else return transport_.send(r);
  }

  void send_due_retries() {
    if (waiting_.empty()) return;  // the common case, every frame: no clock read, no allocation
    std::chrono::milliseconds const now = clock_.now();
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
    for (waiting_retry& w : due) w.resume();
  }

  struct waiting_retry {
    std::chrono::milliseconds due;
    std::function<void()> resume;
    std::function<bool()> is_cancelled;
  };

  Transport transport_;
  Serializers serializers_;
  Auth auth_;
  Retry retry_;
  Clock clock_;
  Observer observer_;
  Limiter limiter_;
  std::vector<char> buffer_;
  std::vector<waiting_retry> waiting_;
  std::vector<std::function<void(auth_result const&)>> awaiting_login_;  // calls a Session's login renews
  std::size_t in_flight_ = 0;
  std::size_t completed_ = 0;
};

/// A client over `transport` with the given policies, in any order: Serializers (one per media
/// type), and at most one each of Auth policy (or Session), Retry policy, Limiter, Clock (or
/// Sleeper) and Observer (several observers compose into one with `|`).
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
    auto limiter =
        detail::select_one<detail::models_limiter, no_limit, diagnostic::more_than_one_limiter>(all(policies...));
    auto clock = detail::select_one<detail::models_clock, system_sleeper, diagnostic::more_than_one_clock>(all(policies...));
    auto observer = detail::select_one<detail::models_observer, no_observer, diagnostic::more_than_one_observer>(
        all(std::move(policies)...));
    return client<Transport, decltype(serializers), decltype(auth), decltype(retry), decltype(clock), decltype(observer),
                  decltype(limiter)>(std::forward<Transport>(transport), std::move(serializers), std::move(auth),
                                     std::move(retry), std::move(clock), std::move(observer), std::move(limiter));
  } else {
    (detail::diagnose_client_policy<Policies>(), ...);
    return detail::after_error{};
  }
}

}  // namespace apidecl

#endif
