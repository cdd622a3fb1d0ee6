#ifndef APIDECL_TRANSPORT_CURL_MULTI_HPP
#define APIDECL_TRANSPORT_CURL_MULTI_HPP

#include <apidecl/core/request.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/transport/async_transport.hpp>
#include <apidecl/transport/call_options.hpp>
#include <apidecl/transport/curl_options.hpp>
#include <apidecl/transport/detail/curl_exchange.hpp>

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace apidecl {

/// An AsyncTransport over libcurl's multi interface (link `apidecl::curl`), for loops that must
/// not block, such as a game's frame: `start` exchanges, call `poll()` once a frame, and each
/// exchange's handler is called from inside `poll` when it ends. It has no thread of its own and
/// is not thread-safe: use it from the thread that polls it.
///
///     apidecl::curl_multi_transport http(options);
///     http.start(request, [](apidecl::transport_result const& r) { ... });
///     while (running) { http.poll(); draw_frame(); }
///
/// Exchanges run side by side over a shared pool of connections (`max_pooled_connections`,
/// `max_host_connections`), with the options, limits and error mapping of `curl_transport`.
/// `cancel` and a request that cannot be started are reported by the next `poll`, never from
/// inside `start` or `cancel`; a cancelled exchange is reported as not having reached the server
/// if no byte of its request had been written. Destroying the transport abandons unfinished
/// exchanges without calling their handlers.
class curl_multi_transport {
 public:
  /// Streams request bodies from their source and response bodies to the call's sink (core/body_sink.hpp).
  static constexpr bool streams_bodies = true;

  explicit curl_multi_transport(curl_options options = {}) : options_(std::move(options)) {
    if (detail::curl_initialised() != CURLE_OK) return;
    multi_.reset(curl_multi_init());
    if (!multi_) return;
    if (options_.max_pooled_connections > 0)
      curl_multi_setopt(multi_.get(), CURLMOPT_MAXCONNECTS, static_cast<long>(options_.max_pooled_connections));
    curl_multi_setopt(multi_.get(), CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(options_.max_host_connections));
  }

  ~curl_multi_transport() { detach_all(); }

  curl_multi_transport(curl_multi_transport&&) noexcept = default;
  curl_multi_transport& operator=(curl_multi_transport&& other) noexcept {
    if (this != &other) {
      detach_all();
      options_ = std::move(other.options_);
      multi_ = std::move(other.multi_);
      running_ = std::move(other.running_);
      spare_ = std::move(other.spare_);
      last_id_ = other.last_id_;
    }
    return *this;
  }
  curl_multi_transport(curl_multi_transport const&) = delete;
  curl_multi_transport& operator=(curl_multi_transport const&) = delete;

  /// Starts sending `r`, a copy of it rather: the caller may reuse the request's buffer at once.
  exchange_id start(request const& r, exchange_handler on_done) { return start(r, call_options{}, std::move(on_done)); }

  /// Starts sending `r` with the timeouts of `call` in place of the transport's own.
  exchange_id start(request const& r, call_options const& call, exchange_handler on_done) {
    std::unique_ptr<exchange> x = reuse_or_make();
    x->id = exchange_id{++last_id_};
    x->on_done = std::move(on_done);
    x->body.assign(r.body());
    request const copy = request(r.method(), r.target(), r.headers().text(), x->body).with_body_source(r.body_source());
    if (std::optional<transport_error> error = x->io.prepare(options_, copy, call)) {
      x->outcome = std::move(error);
    } else if (CURLMcode const rc = multi_ ? curl_multi_add_handle(multi_.get(), x->io.handle()) : CURLM_BAD_HANDLE;
               rc != CURLM_OK) {
      x->outcome = transport_error{transport_errc::other, false, curl_multi_strerror(rc)};
    } else {
      x->attached = true;
    }
    exchange_id const id = x->id;
    running_.push_back(std::move(x));
    return id;
  }

  /// Advances every exchange without blocking and calls the handlers of those that ended.
  /// Returns how many handlers it called; 0 when called from inside a handler, which must not.
  std::size_t poll() {
    if (polling_) return 0;
    polling_guard const guard(polling_);
    int running = 0;
    CURLMcode const performed = multi_ ? curl_multi_perform(multi_.get(), &running) : CURLM_OK;
    if (performed != CURLM_OK) fail_attached(curl_multi_strerror(performed));

    // Outcomes decided outside curl before this poll: handlers may decide more, for the next one.
    std::vector<std::unique_ptr<exchange>> decided;
    for (std::size_t i = running_.size(); i-- > 0;)
      if (running_[i]->outcome) decided.push_back(take(i));
    std::size_t ended = 0;
    for (auto it = decided.rbegin(); it != decided.rend(); ++it) {
      exchange& x = **it;
      report(std::move(*it), *x.outcome);
      ++ended;
    }

    int queued = 0;
    while (CURLMsg* const message = multi_ ? curl_multi_info_read(multi_.get(), &queued) : nullptr) {
      if (message->msg != CURLMSG_DONE) continue;
      CURL* const easy = message->easy_handle;
      CURLcode const code = message->data.result;  // read before the message goes with the handle
      std::size_t const i = index_of(easy);
      if (i == running_.size()) continue;
      std::unique_ptr<exchange> x = take(i);
      curl_multi_remove_handle(multi_.get(), easy);
      x->attached = false;
      exchange& done = *x;
      report(std::move(x), done.io.finish(code));
      ++ended;
    }
    return ended;
  }

  /// As `poll()`, after waiting up to `wait` for activity on the exchanges' connections: for a
  /// caller with no loop of its own. Returns at once when no exchange is in flight.
  std::size_t poll(std::chrono::milliseconds wait) {
    if (polling_) return 0;
    auto const in_curl = [](std::unique_ptr<exchange> const& x) { return x->attached; };
    auto const decided = [](std::unique_ptr<exchange> const& x) { return x->outcome.has_value(); };
    bool const waiting = std::any_of(running_.begin(), running_.end(), in_curl) &&
                         std::none_of(running_.begin(), running_.end(), decided);
    if (waiting && multi_) {
      auto const ms = std::clamp<std::chrono::milliseconds::rep>(wait.count(), 0, 24 * 3600 * 1000);
      curl_multi_poll(multi_.get(), nullptr, 0, static_cast<int>(ms), nullptr);
    }
    return poll();
  }

  /// Ends an exchange whose handler has not been called yet; the next `poll` calls it with
  /// `transport_errc::cancelled`. False, and nothing changes, for any other id.
  bool cancel(exchange_id id) {
    auto const it = std::find_if(running_.begin(), running_.end(), [id](auto const& x) { return x->id == id; });
    if (it == running_.end() || (*it)->outcome) return false;
    exchange& x = **it;
    x.outcome = x.io.cancelled();
    if (x.attached) curl_multi_remove_handle(multi_.get(), x.io.handle());
    x.attached = false;
    return true;
  }

  /// Exchanges started whose handler has not been called yet.
  std::size_t in_flight() const noexcept { return running_.size(); }

  curl_options const& options() const noexcept { return options_; }

 private:
  struct exchange {
    detail::curl_exchange io;
    exchange_id id{};
    exchange_handler on_done;
    std::string body;  // the copy of the request's body curl sends from
    std::optional<transport_error> outcome;  // decided here rather than by curl: reported by the next poll
    bool attached = false;                   // added to the multi handle
  };

  // Marks the transport as polling until the scope ends, even if a handler throws.
  struct polling_guard {
    explicit polling_guard(bool& flag) noexcept : flag_(flag) { flag_ = true; }
    ~polling_guard() { flag_ = false; }
    polling_guard(polling_guard const&) = delete;
    polling_guard& operator=(polling_guard const&) = delete;
    bool& flag_;
  };

  struct multi_cleanup_deleter {
    void operator()(CURLM* multi) const noexcept { curl_multi_cleanup(multi); }
  };

  // Ended exchanges keep their easy handle for the next start, up to this many.
  static constexpr std::size_t max_spare = 64;

  std::unique_ptr<exchange> reuse_or_make() {
    if (spare_.empty()) return std::make_unique<exchange>();
    std::unique_ptr<exchange> x = std::move(spare_.back());
    spare_.pop_back();
    return x;
  }

  std::size_t index_of(CURL* easy) const noexcept {
    std::size_t i = 0;
    while (i < running_.size() && running_[i]->io.handle() != easy) ++i;
    return i;
  }

  std::unique_ptr<exchange> take(std::size_t i) noexcept {
    std::unique_ptr<exchange> x = std::move(running_[i]);
    running_.erase(running_.begin() + static_cast<std::ptrdiff_t>(i));
    return x;
  }

  // Calls the handler of `x`, which has left running_ so that the handler may start and cancel
  // freely, then keeps `x` for reuse.
  void report(std::unique_ptr<exchange> x, transport_result const& result) {
    exchange_handler const on_done = std::move(x->on_done);
    if (on_done) on_done(result);
    x->outcome.reset();
    x->body.clear();
    x->io.release_large_buffers();
    if (spare_.size() < max_spare) spare_.push_back(std::move(x));
  }

  void fail_attached(std::string_view why) {
    for (std::unique_ptr<exchange>& x : running_) {
      if (!x->attached) continue;
      curl_multi_remove_handle(multi_.get(), x->io.handle());
      x->attached = false;
      x->outcome = transport_error{transport_errc::other, true, why};
    }
  }

  void detach_all() noexcept {
    for (std::unique_ptr<exchange>& x : running_)
      if (x->attached) curl_multi_remove_handle(multi_.get(), x->io.handle());
    running_.clear();
  }

  curl_options options_;
  std::unique_ptr<CURLM, multi_cleanup_deleter> multi_;  // before the exchanges: cleaned up after them
  std::vector<std::unique_ptr<exchange>> running_;       // started, handler not called yet
  std::vector<std::unique_ptr<exchange>> spare_;
  std::uint64_t last_id_ = 0;
  bool polling_ = false;
};

static_assert(is_async_transport_v<curl_multi_transport>);
static_assert(has_start_with_call_options_v<curl_multi_transport>);

}  // namespace apidecl

#endif
