#ifndef APIDECL_TRANSPORT_ASIO_HPP
#define APIDECL_TRANSPORT_ASIO_HPP

#include <apidecl/core/failure.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/transport/asio_options.hpp>
#include <apidecl/transport/async_transport.hpp>
#include <apidecl/transport/call_options.hpp>
#include <apidecl/transport/detail/asio_engine.hpp>
#include <apidecl/transport/detail/asio_exchange.hpp>
#include <apidecl/transport/transport.hpp>

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <type_traits>
#include <utility>

namespace apidecl {

/// A Transport and an AsyncTransport over Boost.Asio and OpenSSL (link `apidecl::asio`), with
/// HTTP/1.1 written and read by apidecl itself: keep-alive connections to one base URL, http or
/// https, pooled (`max_pooled_connections`, `max_host_connections`, `idle_timeout`).
///
///     apidecl::asio_options o;
///     o.base_url = "https://sandbox.cielo24.com";
///     apidecl::asio_transport http(o);                       // owns its io_context
///     auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
///
/// Three ways of calling, over the same exchanges and connections:
/// - `send(r)` blocks: it runs the io_context until the exchange ends. The response's views stay
///   valid until the next `send`.
/// - `start(r, handler)`, `poll()`, `cancel(id)`, `in_flight()`, exactly as AsyncTransport says:
///   handlers are called from `poll` only, which runs the handlers Asio has ready without blocking
///   (`io_context::poll`); `start` copies the request.
/// - `async_exchange(r, handler)`, for Asio programs: the handler is called through its
///   associated executor, by default from the io_context's own run loop (`run`, `poll`, or a
///   `send` or `poll` of this transport), in whichever thread runs it. This is what an Asio
///   completion token builds on.
///
/// TLS is verified by default, with the system's authorities or `ca_file`: the chain, and that
/// the certificate names the base URL's host (or IP address); SNI is sent for host names. A
/// failure comes back as a `transport_error`, with the codes of the curl transports:
///
///     cannot_connect      the host does not resolve, or refuses the connection (never left)
///     timed_out           connect_timeout or total_timeout passed (never left, if connecting)
///     connection_lost     closed or reset before the response was complete, or nothing came back
///     tls_error           the handshake failed, or the certificate was not trusted (never left)
///     response_too_large  the body passed max_response_body, or the headers 256 KiB
///     protocol_error      not HTTP/1.x as expected
///     body_stream_failed  a streamed body's source or sink failed (the connection is closed)
///     cancelled           cancelled by the caller
///     other               a malformed base_url (never left), or send called from the run loop
///
/// `may_have_reached_server` is false only when no byte of the request was written. A request
/// whose reused connection fails while it is being written goes again, once, on a fresh
/// connection, since the server cannot have acted on part of a request; once written whole it is
/// never sent again (the client's Retry policy decides). A connection the server has closed
/// while it was idle is found out before it is reused. Redirects are never followed. The detail
/// names the request by method and path; its query, where tokens travel, is shown as "?***".
///
/// It streams bodies (core/body_source.hpp, core/body_sink.hpp), the same for the three ways of
/// calling: a request's `body_source()` is sent after its head (its Content-Length, already in
/// the head), read from the source 64 KiB at most at a time; the body of a response whose status
/// the call's `response_into` takes is given to that sink as it is read (Content-Length, chunked
/// or until the connection closes), in pieces of at most the receive buffer's size, never held,
/// and not bounded by
/// `max_response_body`, as with curl. A request on a reused connection that fails while it is
/// written goes again with its streamed body only if no byte of the body was read yet or the
/// source rewinds; it is never sent short.
///
/// Allocation: once its buffers have grown to the largest request and response seen, an exchange
/// on a reused connection allocates nothing (a `start` or `async_exchange` handler that fits 64
/// bytes is stored in place; Asio's operations use memory kept with each exchange). What does
/// allocate: opening a connection (the resolver's results, the socket's registration, the TLS
/// session), a response or request larger than any before (16 KiB at first; buffers past
/// 64 KiB are given back after the exchange, except `send`'s), an error's text, more exchanges in
/// flight at once than ever before, a failure decided outside the run loop for `async_exchange`
/// (posted), an `async_exchange` handler bound to another executor (dispatched there), and the
/// first streamed request body an exchange sends (a 64 KiB buffer, which the exchange keeps, as
/// it keeps buffers of that size). A streamed response body costs no buffer of its own: it passes
/// through the receive buffer to the sink. The buffers' bytes are not initialized: only the pages
/// a response fills cost memory.
///
/// Not thread-safe: one thread uses the transport and runs its io_context. The io_context must
/// outlive the transport; a moved-from transport may only be assigned to or destroyed.
/// Destroying the transport abandons unfinished exchanges without calling their handlers;
/// operations still in flight on a caller's io_context end harmlessly the next time it runs.
///
/// Built with exceptions off (`BOOST_NO_EXCEPTIONS`), Boost asks the program to define
/// `boost::throw_exception`, as Boost.ThrowException documents; Asio reaches it only where an
/// overload without an error_code is used, which this transport never does, so it can abort.
class asio_transport {
 public:
  /// Streams request bodies from their source and response bodies to the call's sink.
  static constexpr bool streams_bodies = true;

  using executor_type = boost::asio::io_context::executor_type;

  /// A transport with an io_context of its own, run by `send` and `poll`. One thread does all its
  /// I/O, so the reactor takes no lock for each operation; the scheduler still locks, for the
  /// name resolver's thread.
  explicit asio_transport(asio_options options = {})
      : owned_(std::make_unique<boost::asio::io_context>(BOOST_ASIO_CONCURRENCY_HINT_UNSAFE_IO)),
        engine_(std::make_shared<detail::asio_engine>(*owned_, std::move(options))) {}

  /// A transport on the caller's io_context, which `send` and `poll` run too, and which must
  /// outlive the transport.
  explicit asio_transport(boost::asio::io_context& context, asio_options options = {})
      : engine_(std::make_shared<detail::asio_engine>(context, std::move(options))) {}

  ~asio_transport() { close(); }

  asio_transport(asio_transport&&) noexcept = default;
  asio_transport& operator=(asio_transport&& other) noexcept {
    if (this != &other) {
      close();
      owned_ = std::move(other.owned_);
      engine_ = std::move(other.engine_);
    }
    return *this;
  }
  asio_transport(asio_transport const&) = delete;
  asio_transport& operator=(asio_transport const&) = delete;

  /// Sends `r` and waits for the outcome, running the io_context meanwhile (other exchanges
  /// advance too; `start`'s handlers still wait for `poll`).
  transport_result send(request const& r) { return send(r, call_options{}); }

  /// Sends `r` with the timeouts of `call` in place of the transport's own.
  transport_result send(request const& r, call_options const& call) {
    boost::asio::io_context& context = engine_->context();
    if (context.get_executor().running_in_this_thread())
      return transport_error{transport_errc::other, false,
                             "send called from a handler the io_context runs: use async_exchange there"};
    detail::asio_exchange& x = engine_->start_blocking(r, call);
    using clock = std::chrono::steady_clock;
    // The deadlines bound this wait rather than a timer, which each exchange would arm and cancel.
    while (x.phase != detail::asio_phase::decided) {
      if (context.stopped()) context.restart();
      clock::time_point const due = engine_->due(x);
      std::size_t const ran = due == clock::time_point::max() ? context.run_one() : context.run_one_until(due);
      if (ran > 0 || x.phase == detail::asio_phase::decided) continue;
      if (clock::now() < due)
        return transport_error{transport_errc::other, true, "the io_context stopped before the exchange ended"};
      engine_->expire(x);
    }
    leave_runnable(context);
    return x.result();
  }

  /// Starts sending a copy of `r`; the next `poll` after it ends calls `on_done`.
  exchange_id start(request const& r, exchange_handler on_done) { return start(r, call_options{}, std::move(on_done)); }

  /// Starts sending a copy of `r` with the timeouts of `call` in place of the transport's own.
  exchange_id start(request const& r, call_options const& call, exchange_handler on_done) {
    return engine_->start(r, call, detail::asio_report::on_poll, std::move(on_done));
  }

  /// Runs the handlers Asio has ready without blocking, then calls the handlers of the exchanges
  /// `start`ed that have ended. Returns how many of those it called; 0 when called from inside a
  /// handler, which must not.
  std::size_t poll() {
    if (!engine_ || engine_->reporting()) return 0;
    boost::asio::io_context& context = engine_->context();
    if (context.get_executor().running_in_this_thread()) return 0;
    if (context.stopped()) context.restart();
    context.poll();
    leave_runnable(context);
    return engine_->report_ended();
  }

  /// As `poll()`, after running the io_context for up to `wait` until an exchange `start`ed ends:
  /// for a caller with no loop of its own. Returns at once when none is in flight.
  std::size_t poll(std::chrono::milliseconds wait) {
    if (!engine_ || engine_->reporting()) return 0;
    boost::asio::io_context& context = engine_->context();
    if (context.get_executor().running_in_this_thread()) return 0;
    auto const until = std::chrono::steady_clock::now() + wait;
    while (engine_->in_flight() > 0 && !engine_->any_ended()) {
      if (context.stopped()) context.restart();
      if (context.run_one_until(until) == 0) break;
    }
    return poll();
  }

  /// Ends an exchange whose outcome is not known yet: its handler is called with
  /// `transport_errc::cancelled` (by the next `poll`, or from the run loop for `async_exchange`).
  /// False, and nothing changes, for any other id.
  bool cancel(exchange_id id) { return engine_ && engine_->cancel(id); }

  /// Exchanges `start`ed or `async_exchange`d whose handler has not been called yet.
  std::size_t in_flight() const noexcept { return engine_ ? engine_->in_flight() : 0; }

  /// Starts sending a copy of `r`, and calls `handler(apidecl::transport_result const&)` when it
  /// ends, never from inside this call; the result's views are valid during the call only.
  /// `handler` may be move-only. For Asio programs: run the io_context yourself (or let `send`
  /// and `poll` run it). The handler is invoked through its associated executor (by default this
  /// transport's, from the io_context's run loop): one bound to a strand or another io_context
  /// runs there, through `asio::dispatch`, its executor kept from running out of work until then;
  /// the exchange then waits for it to return before it is reused, so that transport and
  /// io_context must outlive that call. The associated allocator is not used. `cancel(id)` works
  /// as for `start`.
  template <class Handler>
  exchange_id async_exchange(request const& r, call_options const& call, Handler&& handler) {
    static_assert(std::is_invocable_v<Handler&, transport_result const&>,
                  "apidecl: async_exchange's handler must be callable as handler(apidecl::transport_result const&)");
    auto const executor = boost::asio::get_associated_executor(handler, get_executor());
    if constexpr (std::is_same_v<std::decay_t<decltype(executor)>, executor_type>)
      if (executor == get_executor())
        return engine_->start(r, call, detail::asio_report::in_run_loop, std::forward<Handler>(handler));
    return engine_->start_on(executor, r, call, std::forward<Handler>(handler));
  }
  template <class Handler>
  exchange_id async_exchange(request const& r, Handler&& handler) {
    return async_exchange(r, call_options{}, std::forward<Handler>(handler));
  }

  /// The executor of the io_context the transport runs on.
  executor_type get_executor() const noexcept { return engine_->context().get_executor(); }
  /// The io_context the transport runs on: its own, or the one it was given.
  boost::asio::io_context& context() const noexcept { return engine_->context(); }

  asio_options const& options() const noexcept { return engine_->options(); }

 private:
  // Running out of work stops an io_context until restarted: one the caller shares with this
  // transport is never left stopped, so that the caller's own run() still runs.
  static void leave_runnable(boost::asio::io_context& context) {
    if (context.stopped()) context.restart();
  }

  // Ends every exchange uncalled. An io_context of its own is run once more so that aborted
  // operations give back what they hold; what is still in flight after that (a name being
  // resolved) is destroyed with the io_context, which frees the engine with it.
  void close() noexcept {
    if (engine_) {
      engine_->shutdown();
      if (owned_) {
        owned_->restart();
        owned_->poll();
      }
    }
    engine_.reset();
    owned_.reset();
  }

  std::unique_ptr<boost::asio::io_context> owned_;  // first: destroyed after the engine lets go
  std::shared_ptr<detail::asio_engine> engine_;
};

static_assert(is_transport_v<asio_transport>);
static_assert(has_send_with_call_options_v<asio_transport>);
static_assert(is_async_transport_v<asio_transport>);
static_assert(has_start_with_call_options_v<asio_transport>);
static_assert(transport_streams_bodies_v<asio_transport>);

}  // namespace apidecl

#endif
