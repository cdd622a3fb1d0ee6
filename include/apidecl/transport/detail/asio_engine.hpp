#ifndef APIDECL_TRANSPORT_DETAIL_ASIO_ENGINE_HPP
#define APIDECL_TRANSPORT_DETAIL_ASIO_ENGINE_HPP

#include <apidecl/core/failure.hpp>
#include <apidecl/core/header_list.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/core/response_reader.hpp>
#include <apidecl/transport/asio_options.hpp>
#include <apidecl/transport/async_transport.hpp>
#include <apidecl/transport/call_options.hpp>
#include <apidecl/transport/detail/asio_connection.hpp>
#include <apidecl/transport/detail/asio_exchange.hpp>
#include <apidecl/transport/detail/asio_handler_memory.hpp>
#include <apidecl/transport/detail/base_url.hpp>
#include <apidecl/transport/detail/body_pump.hpp>
#include <apidecl/transport/detail/redacted_error.hpp>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/prefer.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/system/error_code.hpp>

#include <openssl/ssl.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

/// The machinery of `asio_transport`: its exchanges, its connections and the life of each
/// exchange, written once for the three ways of calling (send, start and poll, async_exchange).
namespace apidecl::detail {

/// The largest header block accepted, as with curl.
inline constexpr std::size_t asio_max_header_bytes = 256 * 1024;

/// Everything the transport shares with the handlers of its operations, which keep it alive
/// (a shared_ptr each) until they have run, so that a transport may be destroyed with operations
/// in flight on an io_context that outlives it. Not thread-safe: one thread runs the io_context.
///
/// An exchange goes: acquire a connection (an idle one that is still open, a new one if the limit
/// allows, else wait for one), write the request in one gather write (a streamed body follows,
/// read from its source one piece at a time), read the response (a body the call's sink takes is
/// given to it as it is read), then either park the connection for the next exchange or close
/// it. A deadline (the connect timeout until a connection is ready, then the total timeout) and
/// `cancel` abort it: an exchange waiting or opening a connection is decided at once; one writing
/// or reading has its connection closed, and is decided when that operation calls back, so that
/// no buffer is reused while Asio may still touch it.
class asio_engine : public std::enable_shared_from_this<asio_engine> {
 public:
  using clock = std::chrono::steady_clock;
  using error_code = boost::system::error_code;

  asio_engine(boost::asio::io_context& context, asio_options options)
      : context_(context), options_(std::move(options)), url_(parse_base_url(options_.base_url)) {
    if (url_ && url_->tls) set_up_tls();
  }

  asio_engine(asio_engine const&) = delete;
  asio_engine& operator=(asio_engine const&) = delete;

  boost::asio::io_context& context() const noexcept { return context_; }
  asio_options const& options() const noexcept { return options_; }

  /// Starts an exchange of a copy of `r`, reported to `on_done` as `report` says.
  template <class Handler>
  exchange_id start(request const& r, call_options const& call, asio_report report, Handler&& on_done) {
    asio_exchange& x = add_running();
    x.on_done.emplace(std::forward<Handler>(on_done));
    return launch_copy(x, r, call, report);
  }

  /// As `start` from the run loop, for a handler whose associated executor is not the
  /// transport's: it is called through `asio::dispatch` on `executor`, whose work is tracked
  /// until then, as Asio's composed operations do. The exchange, whose buffers the result views,
  /// is lent to the handler meanwhile, and given back on the transport's executor after it.
  template <class Executor, class Handler>
  exchange_id start_on(Executor const& executor, request const& r, call_options const& call, Handler&& handler) {
    using tracked_executor = std::decay_t<decltype(boost::asio::prefer(
        executor, boost::asio::execution::outstanding_work.tracked))>;
    asio_exchange& x = add_running();
    x.on_done.emplace([keep = shared_from_this(), &x,
                       work = std::optional<tracked_executor>(
                           boost::asio::prefer(executor, boost::asio::execution::outstanding_work.tracked)),
                       handler = std::decay_t<Handler>(std::forward<Handler>(handler))](transport_result const&) mutable {
      x.lent = true;
      boost::asio::dispatch(*work, [keep, &x, handler = std::move(handler)]() mutable {
        handler(x.result());
        boost::asio::post(keep->context(), [keep, &x] { keep->give_back(x); });
      });
      work.reset();  // the dispatched handler is the executor's work from here
    });
    return launch_copy(x, r, call, asio_report::in_run_loop);
  }

  /// Starts the exchange `send` waits for, of `r` itself, which outlives it.
  asio_exchange& start_blocking(request const& r, call_options const& call) {
    if (!blocking_) blocking_ = std::make_unique<asio_exchange>(context_);
    launch(*blocking_, r, call, asio_report::on_return);
    return *blocking_;
  }

  /// When `x` times out next: its connect deadline until it has a connection ready, then its
  /// total one; never once it is being aborted (the operation it waits for calls back).
  clock::time_point due(asio_exchange const& x) const noexcept {
    if (x.error) return clock::time_point::max();
    bool const connecting = x.phase == asio_phase::waiting || x.phase == asio_phase::opening;
    return connecting ? std::min(x.connect_deadline, x.total_deadline) : x.total_deadline;
  }

  /// Ends `x` as timed out if its deadline has passed; `send` calls it when its wait for the run
  /// loop reaches `due(x)`, the other ways of calling when the exchange's timer goes off.
  void expire(asio_exchange& x) {
    if (x.phase == asio_phase::decided || x.error) return;
    clock::time_point const now = clock::now();
    bool const connecting = x.phase == asio_phase::waiting || x.phase == asio_phase::opening;
    if (connecting && now >= x.connect_deadline)
      abort(x, failure(x, transport_errc::timed_out, false, "timed out connecting"), true);
    else if (now >= x.total_deadline)
      abort(x, failure(x, transport_errc::timed_out, x.write_started, "timed out"), true);
    else
      arm_timer(x);
  }

  /// The exchange `id` ends as cancelled; see AsyncTransport. False if its outcome is known.
  bool cancel(exchange_id id) {
    asio_exchange* const x = find(id);
    if (!x || x->report == asio_report::on_return || x->phase == asio_phase::decided || x->error) return false;
    abort(*x, failure(*x, transport_errc::cancelled, x->write_started, "cancelled"), false);
    return true;
  }

  /// Calls the handlers of the exchanges started with `start` that have ended, and returns how
  /// many. Exchanges that end meanwhile (a handler may start and cancel) wait for the next call.
  std::size_t report_ended() {
    if (reporting_) return 0;
    // Until the scope ends, even if a handler throws: then those not reported yet wait for the
    // next call, ahead of any that ended meanwhile.
    struct reporting_scope {
      explicit reporting_scope(asio_engine& e) noexcept : engine(e) { engine.reporting_ = true; }
      ~reporting_scope() {
        std::vector<asio_exchange*>& ready = engine.ready_;
        engine.decided_.insert(engine.decided_.begin(), ready.begin() + static_cast<std::ptrdiff_t>(reported),
                               ready.end());
        ready.clear();
        engine.reporting_ = false;
      }
      reporting_scope(reporting_scope const&) = delete;
      reporting_scope& operator=(reporting_scope const&) = delete;
      asio_engine& engine;
      std::size_t reported = 0;
    } scope(*this);
    ready_.assign(decided_.begin(), decided_.end());  // not a swap: each vector keeps the capacity it grew to
    decided_.clear();
    while (scope.reported < ready_.size()) report(*ready_[scope.reported++]);
    return scope.reported;
  }

  bool any_ended() const noexcept { return !decided_.empty(); }
  bool reporting() const noexcept { return reporting_; }

  /// Exchanges started with `start` or `async_exchange` whose handler has not been called yet.
  std::size_t in_flight() const noexcept { return running_.size(); }

  /// Ends everything for a transport that goes away: connections are closed, timers cancelled and
  /// handlers destroyed uncalled. Operations still in flight find the engine closed when they
  /// call back, and touch nothing.
  void shutdown() noexcept {
    closed_ = true;
    for (std::shared_ptr<asio_connection>& c : idle_) c->close();
    idle_.clear();
    auto const end = [](asio_exchange& x) noexcept {
      if (x.connection) x.connection->close();  // kept, not released: its operations may be in flight
      x.timer.cancel();
      x.on_done.reset();
    };
    for (std::unique_ptr<asio_exchange>& x : running_) end(*x);
    if (blocking_) end(*blocking_);
    waiting_.clear();
    decided_.clear();
  }

 private:
  static constexpr std::size_t max_spare = 64;
  static constexpr std::size_t kept_request_size = 64 * 1024;
  /// The most of a streamed request body read from its source at a time.
  static constexpr std::size_t upload_piece_size = 64 * 1024;

  void set_up_tls() {
    SSL_CTX* const handle = SSL_CTX_new(TLS_client_method());
    if (!handle) {
      tls_failure_ = "cannot create a TLS context";
      return;
    }
    tls_.emplace(handle);  // which owns it from here
    SSL_CTX_set_min_proto_version(handle, TLS1_2_VERSION);
    error_code ec;
    bool const verify = !options_.insecure_skip_tls_verification;
    tls_->set_verify_mode(verify ? boost::asio::ssl::verify_peer : boost::asio::ssl::verify_none, ec);
    if (!ec && verify && !options_.ca_file.empty()) tls_->load_verify_file(options_.ca_file, ec);
    else if (!ec && verify) tls_->set_default_verify_paths(ec);
    if (!ec) return;
    tls_failure_ = "cannot load the certificate authorities: " + ec.message();
    tls_.reset();
  }

  // A spare exchange, or a new one, among those running.
  asio_exchange& add_running() {
    running_.push_back(spare_.empty() ? std::make_unique<asio_exchange>(context_) : take_spare());
    return *running_.back();
  }

  // Launches `x` with a copy of `r` of its own.
  exchange_id launch_copy(asio_exchange& x, request const& r, call_options const& call, asio_report report) {
    x.copy.assign(r.target());
    x.copy.append(r.headers().text());
    x.copy.append(r.body());
    std::string_view const all = x.copy;
    std::size_t const target = r.target().size(), fields = r.headers().text().size();
    launch(x,
           request(r.method(), all.substr(0, target), all.substr(target, fields), all.substr(target + fields))
               .with_body_source(r.body_source()),
           call, report);
    return x.id;
  }

  std::unique_ptr<asio_exchange> take_spare() {
    std::unique_ptr<asio_exchange> x = std::move(spare_.back());
    spare_.pop_back();
    return x;
  }

  static clock::time_point deadline(clock::time_point now, std::chrono::milliseconds call,
                                    std::chrono::milliseconds transport) noexcept {
    std::chrono::milliseconds const chosen = call.count() > 0 ? call : transport;
    if (chosen.count() <= 0 || chosen >= clock::time_point::max() - now) return clock::time_point::max();
    return now + chosen;
  }

  asio_exchange* find(exchange_id id) const noexcept {
    for (std::unique_ptr<asio_exchange> const& x : running_)
      if (x->id == id) return x.get();
    return blocking_ && blocking_->id == id ? blocking_.get() : nullptr;
  }

  transport_error failure(asio_exchange const& x, transport_errc code, bool may_have_reached_server,
                          std::string_view why) const {
    return redacted_error(code, may_have_reached_server, why, x.sent.method_name(), x.sent.target());
  }

  void launch(asio_exchange& x, request const& r, call_options const& call, asio_report report) {
    x.id = exchange_id{++last_id_};
    x.report = report;
    x.sent = r;
    x.error.reset();
    x.connection.reset();
    x.reused = x.retried = x.write_started = false;
    x.written = 0;
    clock::time_point const now = clock::now();
    x.connect_deadline = deadline(now, call.connect_timeout, options_.connect_timeout);
    x.total_deadline = deadline(now, call.total_timeout, options_.total_timeout);
    x.upload = source_pump(r.body_source());
    x.sink = call.response_into;
    if (!url_) return fail(x, transport_errc::other, false, "malformed base_url", false);
    if (url_->tls && !tls_) return fail(x, transport_errc::tls_error, false, tls_failure_, false);
    x.pieces.assign(x.sent, *url_, options_.user_agent);
    x.phase = asio_phase::waiting;
    acquire(x, now);
  }

  // Sets the exchange's timer to `due(x)`, once the exchange knows whether it has a connection:
  // one taken from the pool arms it once, for the total deadline. `send` waits with a deadline of
  // its own instead, and arms nothing.
  void arm_timer(asio_exchange& x) {
    if (x.report == asio_report::on_return) return;
    clock::time_point const at = due(x);
    if (at == x.timer_due) return;
    x.timer_due = at;
    if (at == clock::time_point::max()) {
      x.timer.cancel();  // a connect deadline passed with the connecting; no wait keeps the io_context busy
      return;
    }
    x.timer.expires_at(at);
    x.timer.async_wait(asio_bind_memory(x.timer_memory, [keep = shared_from_this(), id = x.id](error_code ec) {
      if (!ec) keep->on_timer(id);
    }));
  }

  // A wait that ends may be stale (replaced, or its exchange decided): the deadlines decide.
  void on_timer(exchange_id id) {
    if (closed_) return;
    asio_exchange* const x = find(id);
    if (!x) return;
    x->timer_due = clock::time_point::max();
    expire(*x);
  }

  bool room() const noexcept { return options_.max_host_connections == 0 || open_ < options_.max_host_connections; }

  bool stale(asio_connection const& c, clock::time_point now) const noexcept {
    return options_.idle_timeout.count() > 0 && now - c.idle_since >= options_.idle_timeout;
  }

  // The most recently parked connection that is still open, else a new one, else a turn in line.
  void acquire(asio_exchange& x, clock::time_point now) {
    while (!idle_.empty() && stale(*idle_.front(), now)) {  // the oldest come first
      idle_.front()->close();
      idle_.erase(idle_.begin());
      --open_;
    }
    while (!idle_.empty()) {
      std::shared_ptr<asio_connection> c = std::move(idle_.back());
      idle_.pop_back();
      if (c->still_open()) return use(x, std::move(c), true);
      c->close();
      --open_;
    }
    if (room()) return open(x);
    x.phase = asio_phase::waiting;
    waiting_.push_back(&x);
    arm_timer(x);
  }

  void open(asio_exchange& x) {
    ++open_;
    x.connection = std::make_shared<asio_connection>(context_, url_->tls ? &*tls_ : nullptr);
    x.connection->opener = &x;
    x.phase = asio_phase::opening;
    arm_timer(x);
    asio_connection* const c = x.connection.get();
    c->async_open(*url_, !options_.insecure_skip_tls_verification,
                  [keep = shared_from_this(), c](error_code ec, asio_open_step step) {
                    keep->on_opened(*c, ec, step);
                  });
  }

  void on_opened(asio_connection& c, error_code ec, asio_open_step step) {
    if (closed_ || !c.opener) return;  // abandoned: closed and counted off already
    asio_exchange& x = *static_cast<asio_exchange*>(c.opener);
    c.opener = nullptr;
    if (!ec) return use(x, std::move(x.connection), false);
    drop(x.connection);
    bool const handshake = step == asio_open_step::handshake;
    transport_errc code = handshake ? transport_errc::tls_error : transport_errc::cannot_connect;
    std::string why = ec.message();
    if (std::string_view const refused = c.verify_failure(); !refused.empty())
      why = "certificate verify failed: " + std::string(refused);
    if (x.retried && x.written > 0) {  // some of the request had left on the connection that failed
      code = transport_errc::connection_lost;
      why = "connection lost, then " + why;
    }
    fail(x, code, x.retried && x.written > 0, why, true);
  }

  void use(asio_exchange& x, std::shared_ptr<asio_connection> c, bool reused) {
    x.connection = std::move(c);
    x.reused = reused;
    x.phase = asio_phase::writing;
    arm_timer(x);
    write(x);
  }

  // Most requests fit in the socket's send buffer: written at once, they go on to the response
  // without a turn of the run loop. The rest, and every TLS request, is written asynchronously;
  // so is the head of a streamed body, whose source is then read from the run loop, where a
  // failure of its own may be reported at once.
  void write(asio_exchange& x) {
    x.phase = asio_phase::writing;
    x.write_started = true;
    std::size_t const at_once = x.upload.left() > 0 ? 0 : x.connection->write_now(x.gather());
    x.written += at_once;
    if (at_once == x.pieces.bytes()) return read(x, true);
    x.io_pending = true;
    x.connection->async_write(x.gather(at_once), asio_bind_memory(x.io_memory, [keep = shared_from_this(), &x](
                                                                                   error_code ec, std::size_t n) {
                                keep->on_written(x, ec, n);
                              }));
  }

  // A request that fails on a reused connection is sent again, once, on a fresh connection, only
  // when the write itself failed: then the request did not leave whole, and no server acts on part
  // of a request. A connection that fails after the whole request was written, before any byte
  // of a response, is not retried, although that is also what a server closing an idle connection
  // looks like: a server that read the request and then crashed or restarted looks the same, and
  // a request that is not idempotent must not go twice behind the caller's back. The caller's
  // Retry policy decides, told that the request may have reached the server. Most idle closes
  // never get that far: `still_open` finds them before the request is written. A streamed body
  // goes again only from its first byte: not yet read from its source, or its source rewound.
  void on_written(asio_exchange& x, error_code ec, std::size_t n) {
    x.io_pending = false;
    x.written += n;
    if (closed_) return;
    if (x.error) return end_aborted(x);
    if (!ec && x.upload.left() > 0) return write_body(x);
    if (!ec) return read(x, true);
    if (x.reused && !x.retried && restart_body(x)) {
      x.retried = true;
      x.connection->close();  // its place goes to the retry, not to an exchange waiting for one
      x.connection.reset();
      --open_;
      return open(x);
    }
    drop(x.connection);
    fail(x, io_errc(ec), x.written > 0, "sending the request: " + ec.message(), true);
  }

  // The next piece of a streamed body, read from its source into the exchange's own buffer. A
  // source that fails ends the exchange; the server has the head, and the connection, a request
  // cut short, is closed.
  void write_body(asio_exchange& x) {
    if (x.upload_piece.empty()) x.upload_piece.resize(upload_piece_size);
    expected<std::size_t, stream_failure> const got = x.upload.next(x.upload_piece.data(), x.upload_piece.size());
    if (!got) {
      drop(x.connection);
      return fail(x, transport_errc::body_stream_failed, true, stream_failure_text("body source", got.error()), true);
    }
    x.io_pending = true;
    x.connection->async_write(
        boost::asio::const_buffer(x.upload_piece.data(), *got),
        asio_bind_memory(x.io_memory, [keep = shared_from_this(), &x](error_code ec, std::size_t n) {
          keep->on_written(x, ec, n);
        }));
  }

  // Whether the request can go again whole on a fresh connection: its streamed body, if any, from
  // its first byte.
  static bool restart_body(asio_exchange& x) {
    body_source_ref const source = x.sent.body_source();
    if (!source || x.upload.left() == source.size()) return true;
    if (!source.rewind()) return false;
    x.upload = source_pump(source);
    return true;
  }

  void read(asio_exchange& x, bool first) {
    if (first) {
      reader_options limits;
      limits.head_request = x.sent.method() == method::head;
      limits.max_header_bytes = asio_max_header_bytes;
      limits.max_body_bytes = options_.max_response_body;  // not for a body the sink takes
      limits.body_sink = x.sink;
      x.response.start(limits);
    }
    x.phase = asio_phase::reading;
    x.io_pending = true;
    x.connection->async_read_some(
        x.response.receive_data(), x.response.receive_size(),
        asio_bind_memory(x.io_memory, [keep = shared_from_this(), &x](error_code ec, std::size_t n) {
          keep->on_read(x, ec, n);
        }));
  }

  void on_read(asio_exchange& x, error_code ec, std::size_t n) {
    x.io_pending = false;
    if (closed_) return;
    if (x.error) return end_aborted(x);
    read_state state = x.response.received(n);
    // The end of the stream ends a body read until then; over TLS only when the peer said so
    // (close_notify): a TCP close alone could be an attacker cutting the body short.
    bool const said_end = ec == boost::asio::error::eof;
    bool const closed_by_peer = said_end || ec == boost::asio::ssl::error::stream_truncated;
    if (state == read_state::need_more && said_end) state = x.response.finish();
    if (state == read_state::need_more && !ec) return read(x, false);
    if (state == read_state::complete) {
      bool const reusable = !ec && !x.response.leftover() && keeps_connection(x.response);
      release(std::move(x.connection), reusable);
      return decide(x, true);
    }
    drop(x.connection);
    if (state == read_state::failed && x.response.reader().error() == read_errc::body_sink_failed)
      return fail(x, transport_errc::body_stream_failed, true,
                  stream_failure_text("body sink", x.response.reader().sink_failure()), true);
    if (state == read_state::failed && x.response.reader().error() != read_errc::truncated) {
      transport_error const e = x.response.reader().result().error();
      return fail(x, e.code, true, e.detail, true);
    }
    if (closed_by_peer && !x.response.received_any())
      return fail(x, transport_errc::connection_lost, true, "the server closed the connection without answering", true);
    if (closed_by_peer)
      return fail(x, transport_errc::connection_lost, true, "the server closed the connection mid-response", true);
    fail(x, io_errc(ec), true, "receiving the response: " + ec.message(), true);
  }

  // Whether the connection may carry another exchange after this response. The reader has
  // rewritten each field as `Name: value` CRLF, so its lines are read as they are.
  static bool keeps_connection(growing_response_reader const& r) noexcept {
    if (!r.persistent_by_default()) return false;
    constexpr std::string_view name = "Connection:";
    for (std::string_view fields = r.reader().response().headers.text(); !fields.empty();) {
      std::size_t const end = fields.find('\n');
      std::string_view const line = fields.substr(0, end);
      fields = end == std::string_view::npos ? std::string_view{} : fields.substr(end + 1);
      if (line.size() < name.size() || line[name.size() - 1] != ':' || !iequals(line.substr(0, name.size()), name))
        continue;
      std::string_view options = line.substr(name.size(), line.size() - name.size() - 1);  // without the CR
      while (!options.empty()) {
        std::size_t const comma = options.find(',');
        std::string_view option = options.substr(0, comma);
        while (!option.empty() && (option.front() == ' ' || option.front() == '\t')) option.remove_prefix(1);
        while (!option.empty() && (option.back() == ' ' || option.back() == '\t')) option.remove_suffix(1);
        if (iequals(option, "close")) return false;
        options = comma == std::string_view::npos ? std::string_view{} : options.substr(comma + 1);
      }
    }
    return true;
  }

  static transport_errc io_errc(error_code ec) noexcept {
    bool const tls = ec.category() == boost::asio::error::get_ssl_category();
    return tls ? transport_errc::tls_error : transport_errc::connection_lost;
  }

  // To the exchange waiting longest, else parked idle, else closed.
  void release(std::shared_ptr<asio_connection> c, bool reusable) {
    if (!reusable || (options_.max_pooled_connections == 0 && waiting_.empty())) return drop(c);
    if (!waiting_.empty()) {
      asio_exchange& next = *waiting_.front();
      waiting_.erase(waiting_.begin());
      return use(next, std::move(c), true);
    }
    c->idle_since = clock::now();
    idle_.push_back(std::move(c));
    if (idle_.size() > options_.max_pooled_connections) {
      idle_.front()->close();
      idle_.erase(idle_.begin());
      --open_;
    }
  }

  // Closes a connection for good, which gives its place to an exchange waiting for one.
  void drop(std::shared_ptr<asio_connection>& c) {
    if (!c) return;
    c->close();
    c.reset();
    --open_;
    if (waiting_.empty() || !room()) return;
    asio_exchange& next = *waiting_.front();
    waiting_.erase(waiting_.begin());
    open(next);
  }

  // Ends `x` with `error`: at once if no operation of its own is in flight, else by closing its
  // connection, so that the write or read calls back (with operation_aborted) and ends it.
  void abort(asio_exchange& x, transport_error error, bool in_handler) {
    x.error = std::move(error);
    switch (x.phase) {
      case asio_phase::waiting:
        waiting_.erase(std::remove(waiting_.begin(), waiting_.end(), &x), waiting_.end());
        return decide(x, in_handler);
      case asio_phase::opening:
        x.connection->opener = nullptr;
        drop(x.connection);
        return decide(x, in_handler);
      case asio_phase::writing:
      case asio_phase::reading:
        x.connection->close();
        return;
      case asio_phase::idle:
      case asio_phase::decided:
        return;
    }
  }

  // A write or read aborted by `abort` has called back.
  void end_aborted(asio_exchange& x) {
    drop(x.connection);
    decide(x, true);
  }

  void fail(asio_exchange& x, transport_errc code, bool may_have_reached_server, std::string_view why,
            bool in_handler) {
    x.error = failure(x, code, may_have_reached_server, why);
    decide(x, in_handler);
  }

  // The outcome is known: `send` reads it, `poll` reports it, or it is reported now (from the run
  // loop: a handler's context) or from a posted handler (never from inside an initiating call).
  void decide(asio_exchange& x, bool in_handler) {
    x.phase = asio_phase::decided;
    if (x.timer_due != clock::time_point::max()) {
      x.timer_due = clock::time_point::max();
      x.timer.cancel();
    }
    switch (x.report) {
      case asio_report::on_return: return;
      case asio_report::on_poll: decided_.push_back(&x); return;
      case asio_report::in_run_loop:
        if (in_handler) return report(x);
        boost::asio::post(context_, [keep = shared_from_this(), &x, id = x.id] {
          if (!keep->closed_ && x.id == id && x.phase == asio_phase::decided) keep->report(x);
        });
        return;
    }
  }

  // Calls the handler of `x`, which has left running_ so that the handler may start and cancel
  // freely, then keeps `x` for a later exchange.
  void report(asio_exchange& x) {
    auto const at = std::find_if(running_.begin(), running_.end(),
                                 [&x](std::unique_ptr<asio_exchange> const& y) { return y.get() == &x; });
    struct recycle_scope {  // keeps `x` for later once the handler returns, or throws, unless it was lent
      ~recycle_scope() {
        if (owned->lent) engine.lent_.push_back(std::move(owned));
        else engine.recycle(std::move(owned));
      }
      asio_engine& engine;
      std::unique_ptr<asio_exchange> owned;
    } scope{*this, std::move(*at)};
    running_.erase(at);
    x.phase = asio_phase::idle;
    x.on_done(x.result());
  }

  // A lent exchange's handler has returned.
  void give_back(asio_exchange& x) {
    auto const at = std::find_if(lent_.begin(), lent_.end(),
                                 [&x](std::unique_ptr<asio_exchange> const& y) { return y.get() == &x; });
    std::unique_ptr<asio_exchange> owned = std::move(*at);
    lent_.erase(at);
    owned->lent = false;
    recycle(std::move(owned));
  }

  void recycle(std::unique_ptr<asio_exchange> x) {
    x->on_done.reset();
    x->response.release_large_buffers();
    if (x->copy.capacity() > kept_request_size) std::string().swap(x->copy);
    // An exchange whose blocks an operation still holds (a cancelled timer's wait) stays, however
    // many are spare: freeing it would free memory Asio has yet to give back.
    if (spare_.size() < max_spare || x->io_memory.in_use() || x->timer_memory.in_use()) spare_.push_back(std::move(x));
  }

  boost::asio::io_context& context_;
  asio_options options_;
  std::optional<base_url> url_;
  std::optional<boost::asio::ssl::context> tls_;
  std::string tls_failure_;  // why there is no TLS context, for an https base_url

  std::vector<std::unique_ptr<asio_exchange>> running_;  // started, handler not called yet
  std::unique_ptr<asio_exchange> blocking_;              // send's, reused by each
  std::vector<std::unique_ptr<asio_exchange>> spare_;
  std::vector<std::unique_ptr<asio_exchange>> lent_;    // reported, to a handler on another executor
  std::vector<asio_exchange*> decided_;                  // on_poll, for the next poll
  std::vector<asio_exchange*> ready_;                    // those the current poll reports
  std::vector<asio_exchange*> waiting_;                  // for a connection, first come first
  std::vector<std::shared_ptr<asio_connection>> idle_;   // parked, most recent last
  std::size_t open_ = 0;                                 // connections open or opening
  std::uint64_t last_id_ = 0;
  bool reporting_ = false;
  bool closed_ = false;
};

}  // namespace apidecl::detail

#endif
