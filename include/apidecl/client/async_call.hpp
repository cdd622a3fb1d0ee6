#ifndef APIDECL_CLIENT_ASYNC_CALL_HPP
#define APIDECL_CLIENT_ASYNC_CALL_HPP

#include <apidecl/client/call_engine.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/core/result.hpp>
#include <apidecl/transport/async_transport.hpp>
#include <apidecl/transport/call_options.hpp>

#include <boost/asio/append.hpp>
#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/cancellation_type.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

/// `client::async_call` with Asio completion tokens: the call engine's third driver, beside the
/// blocking `call` and `start`/`poll`. Include this header (link `apidecl::asio`) and use a
/// Transport with Asio's asynchronous face, `apidecl::asio_transport`:
///
///     auto r = co_await api.async_call(cielo24::delete_job, cielo24::job_id = id, asio::use_awaitable);
///     api.async_call(cielo24::authorize_job, cielo24::job_id = id, [](auto const& r) { ... });
///     std::future<...> f = api.async_call(cielo24::authorize_job, cielo24::job_id = id, asio::use_future);
///
/// The completion signature is `void(apidecl::result<Endpoint>)`. The request is built (and its
/// arguments read) when `async_call` is called, whatever the token, so a deferred operation keeps
/// no reference to them. Each attempt is authenticated anew; waits between attempts are an Asio
/// timer, never a blocked thread. The operation supports per-operation cancellation (terminal,
/// partial and total, as Asio's cancellation slots deliver them): a call waiting to retry ends at
/// once, one with an exchange in flight when the transport stops it; either way its result is a
/// transport failure `transport_errc::cancelled`, and it is never retried. The handler is called
/// through its associated executor, never from inside `async_call`.
///
/// A Transport takes part if, for a `T& t`, an `apidecl::request const& r`, an
/// `apidecl::call_options const& o` and a handler `h` callable with `apidecl::transport_result
/// const&`, `t.async_exchange(r, o, std::move(h))` starts an exchange whose handler runs from the
/// io_context's loop and returns an `exchange_id` that `t.cancel` takes, and `t.get_executor()`
/// names that io_context's executor.
namespace apidecl {

namespace detail {
template <class T, class = void>
struct has_async_exchange : std::false_type {};
template <class T>
struct has_async_exchange<
    T, std::enable_if_t<std::is_convertible_v<decltype(std::declval<T&>().async_exchange(
                                                  std::declval<request const&>(), std::declval<call_options const&>(),
                                                  std::declval<void (*)(transport_result const&)>())),
                                              exchange_id> &&
                        !std::is_void_v<decltype(std::declval<T&>().get_executor())>>> : std::true_type {};

// What an asynchronous call keeps from its start, before any handler exists: the request built
// into its own storage, the engine, and the timer for waits. It never moves, as the engine
// refers to its storage.
template <class Endpoint, class Executor>
struct async_call_state {
  async_call_state(Endpoint const& endpoint, call_options const& options, std::chrono::milliseconds now,
                   Executor executor)
      : engine(endpoint, options, storage, now), timer(std::move(executor)) {}

  std::vector<char> storage;
  call_engine<Endpoint> engine;
  boost::asio::steady_timer timer;
  std::optional<exchange_id> exchange;
  call_step first = call_step::done;
};

// One asynchronous call with its handler: drives the engine from the transport's completions and
// the timer's, until the engine says done.
template <class Client, class Endpoint, class Handler>
class async_call_operation : public std::enable_shared_from_this<async_call_operation<Client, Endpoint, Handler>> {
  using executor_type = decltype(std::declval<Client&>().transport().get_executor());
  using state_type = async_call_state<Endpoint, executor_type>;

 public:
  async_call_operation(Client& api, std::unique_ptr<state_type> state, Handler handler)
      : api_(api), state_(std::move(state)), handler_(std::move(handler)) {}

  void start() {
    auto slot = boost::asio::get_associated_cancellation_slot(handler_);
    if (slot.is_connected()) {
      std::weak_ptr<async_call_operation> const weak = this->shared_from_this();
      slot.assign([weak](boost::asio::cancellation_type) {
        if (auto const self = weak.lock()) self->cancel();
      });
    }
    if (state_->first == call_step::done) return complete(/*from_initiation=*/true);
    drive(state_->first);
  }

 private:
  void drive(call_step step) {
    call_engine<Endpoint>& call = state_->engine;
    if (step == call_step::send) {
      state_->exchange = api_.transport().async_exchange(
          call.request(), call.attempt_options(api_.clock().now()),
          [self = this->shared_from_this()](transport_result const& received) {
            self->state_->exchange.reset();
            self->drive(self->state_->engine.received(received, self->api_.retry(), self->api_.serializers(),
                                                      self->api_.auth(), self->api_.limiter(), self->api_.observer(),
                                                      self->api_.clock().now()));
          });
    } else if (step == call_step::wait) {
      state_->timer.expires_after(std::max(call.due() - api_.clock().now(), std::chrono::milliseconds(0)));
      state_->timer.async_wait([self = this->shared_from_this()](boost::system::error_code const&) {
        self->drive(self->state_->engine.resume(self->api_.auth(), self->api_.limiter(), self->api_.observer(),
                                                self->api_.clock().now()));
      });
    } else if (step == call_step::renew) {
      log_in_and_go_on();
    } else {
      complete(/*from_initiation=*/false);
    }
  }

  // Logs the Session in with a call of its own, then goes on with this one.
  void log_in_and_go_on() {
    using auth_type = remove_cvref_t<decltype(api_.auth())>;
    if constexpr (is_session_v<auth_type>) {
      // The login's own operation never renews: not instantiating its renewal ends the recursion.
      if constexpr (!std::is_same_v<Endpoint, typename auth_type::login_endpoint>) log_in_with<auth_type>();
    }
  }
  template <class Session>
  void log_in_with() {
    async_call_support<Client>::log_in(api_, [self = this->shared_from_this()](auto const& logged_in) {
      auto& api = self->api_;
      self->drive(self->state_->engine.renewed(api.auth().accept(logged_in), api.auth(), api.limiter(),
                                               api.observer(), api.clock().now()));
    });
  }

  void cancel() {
    if (!state_->engine.cancel()) return;
    if (state_->exchange) api_.transport().cancel(*state_->exchange);
    else state_->timer.cancel();  // its handler resumes the engine, which ends the call
  }

  void complete(bool from_initiation) {
    auto slot = boost::asio::get_associated_cancellation_slot(handler_);
    if (slot.is_connected()) slot.clear();
    auto const executor = boost::asio::get_associated_executor(handler_, api_.transport().get_executor());
    auto completion = boost::asio::append(std::move(handler_), state_->engine.take_result());
    // A handler is never called from inside the function that started the operation.
    if (from_initiation) boost::asio::post(executor, std::move(completion));
    else boost::asio::dispatch(executor, std::move(completion));
  }

  Client& api_;
  std::unique_ptr<state_type> state_;
  Handler handler_;
};

template <class Client>
struct async_call_support<Client, std::enable_if_t<has_async_exchange<typename Client::transport_type>::value>> {
  static constexpr bool available = true;

  // `all` is the call's arguments, then the completion token.
  template <class Endpoint, class... ArgsAndToken>
  static auto call(Client& api, call_options const& options, Endpoint const& endpoint, ArgsAndToken&&... all) {
    auto everything = std::forward_as_tuple(std::forward<ArgsAndToken>(all)...);
    return call_split(api, options, endpoint, everything, std::make_index_sequence<sizeof...(ArgsAndToken) - 1>{});
  }

  // Logs the client's Session in with a call of its own, as every way of calling does
  // (client::with_login_arguments), and hands its result to `handler`.
  template <class Handler>
  static void log_in(Client& api, Handler&& handler) {
    api.with_login_arguments([&](auto const& login_endpoint, auto const& /*supplied: added by call*/,
                                 auto const&... credentials) {
      call(api, Client::no_options, login_endpoint, credentials..., std::forward<Handler>(handler));
    });
  }

 private:
  template <class Endpoint, class Tuple, std::size_t... I>
  static auto call_split(Client& api, call_options const& options, Endpoint const& endpoint, Tuple& everything,
                         std::index_sequence<I...>) {
    auto&& token = std::get<sizeof...(I)>(everything);
    using executor_type = decltype(api.transport().get_executor());
    auto state = std::make_unique<async_call_state<Endpoint, executor_type>>(endpoint, options, api.clock().now(),
                                                                             api.transport().get_executor());
    state->first = api.begin(state->engine,
                             api.template supplied<Endpoint, remove_cvref_t<std::tuple_element_t<I, Tuple>>...>(),
                             std::get<I>(everything)...);
    return boost::asio::async_initiate<decltype(token), void(result<Endpoint>)>(
        [&api](auto handler, std::unique_ptr<async_call_state<Endpoint, executor_type>> started) {
          std::make_shared<async_call_operation<Client, Endpoint, decltype(handler)>>(api, std::move(started),
                                                                                      std::move(handler))
              ->start();
        },
        token, std::move(state));
  }
};
}  // namespace detail

}  // namespace apidecl

#endif
