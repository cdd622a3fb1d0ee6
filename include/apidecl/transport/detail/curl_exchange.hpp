#ifndef APIDECL_TRANSPORT_DETAIL_CURL_EXCHANGE_HPP
#define APIDECL_TRANSPORT_DETAIL_CURL_EXCHANGE_HPP

#include <apidecl/core/failure.hpp>
#include <apidecl/core/header_list.hpp>
#include <apidecl/core/method.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/transport/call_options.hpp>
#include <apidecl/transport/curl_options.hpp>
#include <apidecl/transport/detail/body_pump.hpp>
#include <apidecl/transport/detail/redacted_error.hpp>

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

/// What the blocking and the multi curl transports share: one exchange on one easy handle, from
/// setting it up for a request to turning curl's outcome into a `transport_result`.
namespace apidecl::detail {

/// Initialises libcurl once per process. The first transport constructed does it; C++ makes the
/// initialisation of the static thread-safe. It is never undone: curl_global_cleanup at exit would
/// race with transports still alive in static objects.
inline CURLcode curl_initialised() noexcept {
  static CURLcode const code = curl_global_init(CURL_GLOBAL_DEFAULT);
  return code;
}

struct curl_easy_cleanup_deleter {
  void operator()(CURL* handle) const noexcept { curl_easy_cleanup(handle); }
};
struct curl_slist_deleter {
  void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};

/// The largest header block accepted, so that a hostile server cannot make it grow without end.
inline constexpr std::size_t curl_max_header_bytes = 256 * 1024;

/// What kind of failure curl's `code` is. The limits on the response and cancelling are the
/// transports' own, so they do not come from here.
inline transport_errc curl_errc(CURLcode code) noexcept {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
      return transport_errc::cannot_connect;
    case CURLE_OPERATION_TIMEDOUT:
      return transport_errc::timed_out;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
      return transport_errc::connection_lost;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_USE_SSL_FAILED:
      return transport_errc::tls_error;
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_TOO_MANY_REDIRECTS:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return transport_errc::protocol_error;
    default:
      return transport_errc::other;
  }
}

/// Whether curl fails with `code` only before it writes a request: resolving, connecting, the TLS
/// handshake, or a URL it will not use. A timeout belongs here too, because the caller also checks
/// that no byte of the request was written, which tells a connect timeout from a late one.
inline bool curl_fails_before_sending(CURLcode code) noexcept {
  transport_errc const kind = curl_errc(code);
  return kind == transport_errc::cannot_connect || kind == transport_errc::timed_out ||
         kind == transport_errc::tls_error || code == CURLE_URL_MALFORMAT || code == CURLE_UNSUPPORTED_PROTOCOL ||
         code == CURLE_FAILED_INIT;
}

/// One exchange on one easy handle: `prepare` sets the handle up for a request, the caller runs
/// it (curl_easy_perform, or a multi handle), and `finish` reads the outcome. A streamed request
/// body is read from its source as curl sends it; a response body the call's sink takes is given
/// to it as curl receives it, and never held here. The response views
/// this object's buffers, so it is valid until the next `prepare`. Movable between exchanges only:
/// curl keeps pointers to it while one runs.
class curl_exchange {
 public:
  curl_exchange() noexcept
      : handle_(curl_initialised() == CURLE_OK ? curl_easy_init() : nullptr) {}

  CURL* handle() const noexcept { return handle_.get(); }

  /// Sets the handle up to send `r`, whose body must outlive the exchange (the other parts are
  /// copied). Returns why it could not, if so.
  std::optional<transport_error> prepare(curl_options const& options, request const& r, call_options const& call) {
    header_text_.clear();
    header_section_ended_ = false;
    response_started_ = false;
    refused_resend_ = false;
    body_.clear();
    source_ = source_pump(r.body_source());
    sink_ = call.response_into;
    to_sink_ = sink_use::undecided;
    streamed_ = 0;
    stream_error_.clear();
    overflow_ = overflow::none;
    error_[0] = '\0';
    method_ = r.method_name();
    std::string_view base = options.base_url;
    while (!base.empty() && base.back() == '/') base.remove_suffix(1);
    url_.assign(base);
    path_begin_ = url_.size();
    if (r.target().empty() || r.target().front() != '/') url_ += '/';
    url_.append(r.target());
    if (!handle_) return setup_failed("no libcurl handle");

    bool const streams_body = static_cast<bool>(r.body_source());
    bool const sends_body = method_allows_body(r.method()) || !r.body().empty() || streams_body;
    if (!collect_headers(r, sends_body)) return setup_failed("out of memory");

    CURL* const h = handle_.get();
    CURLcode rc = CURLE_OK;
    auto keep_first = [&rc](CURLcode c) noexcept {
      if (rc == CURLE_OK) rc = c;
    };
    // A request like the last one (same transport options, method and body or not) changes only
    // the options set below the setup: setting up the handle again would cost more instructions
    // than the rest of the request building.
    handle_setup const wanted{&options, this, r.method(), sends_body, streams_body};
    if (!(setup_ == wanted)) {
      set_up(options, r, keep_first);
      setup_ = rc == CURLE_OK ? wanted : handle_setup{};
    }
    keep_first(curl_easy_setopt(h, CURLOPT_URL, url_.c_str()));
    keep_first(curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers_.get()));
    keep_first(curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                                timeout_ms(call.connect_timeout, options.connect_timeout)));
    keep_first(curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms(call.total_timeout, options.total_timeout)));
    body_limit_ = options.max_response_body;
    if (streams_body) {
      keep_first(curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(source_.left())));
    } else if (sends_body) {
      // Not copied by curl: the caller keeps the body alive. A null pointer would make curl read stdin.
      keep_first(curl_easy_setopt(h, CURLOPT_POSTFIELDS, r.body().empty() ? "" : r.body().data()));
      keep_first(curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body().size())));
    }
    if (rc != CURLE_OK) return setup_failed(curl_easy_strerror(rc));
    return std::nullopt;
  }

  /// The outcome of the exchange, once curl reports `code` for it.
  transport_result finish(CURLcode code) const {
    // libcurl (7.88) completes a response whose connection closed within its header section as
    // if the section had ended there: it is a response cut short, whatever curl says.
    if (code == CURLE_OK && !header_section_ended_)
      return failed(transport_errc::connection_lost, true, "the connection closed within the response's header section");
    if (code == CURLE_OK) {
      int const status = response_status();
      // A body the sink takes may be empty: the sink is told of its response all the same.
      if (to_sink_ == sink_use::undecided && sink_.takes(status))
        if (sink_status const refused = sink_.begin(status, header_list(header_text_)))
          return failed(transport_errc::body_stream_failed, true, stream_failure_text("body sink", *refused));
      return response{status, header_list(header_text_), body_, streamed_};
    }
    if (!stream_error_.empty()) return failed(transport_errc::body_stream_failed, request_written(), stream_error_);
    if (overflow_ == overflow::body)
      return failed(transport_errc::response_too_large, true, "the response body is larger than max_response_body");
    if (overflow_ == overflow::headers)
      return failed(transport_errc::response_too_large, true, "the response headers are larger than 256 KiB");
    if (refused_resend_)
      return failed(transport_errc::connection_lost, true, "the connection closed before an answer; not sent again");
    std::string_view const why = error_[0] != '\0' ? error_ : curl_easy_strerror(code);
    if (!request_written()) return failed(curl_errc(code), !curl_fails_before_sending(code), why);
    // curl sends again, on a new connection, a request whose reused connection closed without a
    // reply. If that connection then fails, the request has left all the same.
    if (curl_errc(code) == transport_errc::cannot_connect)
      return failed(transport_errc::connection_lost, true, "connection lost, then " + std::string(why));
    return failed(curl_errc(code), true, why);
  }

  /// The outcome of an exchange ended before curl finished it. Nothing was sent if no byte of the
  /// request was written.
  transport_error cancelled() const { return failed(transport_errc::cancelled, request_written(), "cancelled"); }

  /// Gives back the memory of a large response, for an exchange that waits to be reused.
  void release_large_buffers() noexcept {
    constexpr std::size_t kept = 64 * 1024;
    if (body_.capacity() > kept) std::string().swap(body_);
    if (header_text_.capacity() > kept) std::string().swap(header_text_);
  }

 private:
  enum class overflow { none, headers, body };

  // What the handle was last set up for. `exchange` is where curl's callbacks find this object,
  // which a move changes.
  struct handle_setup {
    curl_options const* options = nullptr;
    curl_exchange const* exchange = nullptr;
    method verb = method::get;
    bool sends_body = false;
    bool streams_body = false;
    bool operator==(handle_setup const& other) const noexcept {
      return options == other.options && exchange == other.exchange && verb == other.verb &&
             sends_body == other.sends_body && streams_body == other.streams_body;
    }
  };

  // Resets the handle, keeping its connection cache so the next exchange reuses the connection,
  // and sets every option that stays the same from one request like `r` to the next.
  template <class KeepFirst>
  void set_up(curl_options const& options, request const& r, KeepFirst& keep_first) {
    CURL* const h = handle_.get();
    curl_easy_reset(h);
#if LIBCURL_VERSION_NUM >= 0x075500
    keep_first(curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https"));
    keep_first(curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"));
#else
    keep_first(curl_easy_setopt(h, CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS)));
    keep_first(curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS)));
#endif
    keep_first(curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L));  // no SIGALRM: transports may live on any thread
    // The target goes out as built: curl would otherwise resolve "/a/../b" to "/b", a path never signed.
    keep_first(curl_easy_setopt(h, CURLOPT_PATH_AS_IS, 1L));
    keep_first(curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_));
    keep_first(curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &curl_exchange::on_header));
    keep_first(curl_easy_setopt(h, CURLOPT_HEADERDATA, this));
    keep_first(curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &curl_exchange::on_body));
    keep_first(curl_easy_setopt(h, CURLOPT_WRITEDATA, this));
#if LIBCURL_VERSION_NUM >= 0x075000
    keep_first(curl_easy_setopt(h, CURLOPT_PREREQFUNCTION, &curl_exchange::before_sending));
    keep_first(curl_easy_setopt(h, CURLOPT_PREREQDATA, this));
#endif
    if (!options.user_agent.empty()) keep_first(curl_easy_setopt(h, CURLOPT_USERAGENT, options.user_agent.c_str()));
    if (options.proxy) keep_first(curl_easy_setopt(h, CURLOPT_PROXY, options.proxy->c_str()));  // "": none
    if (options.max_redirects > 0) {
      keep_first(curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L));
      keep_first(curl_easy_setopt(h, CURLOPT_MAXREDIRS, static_cast<long>(options.max_redirects)));
    }
    if (options.accept_compressed) keep_first(curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, ""));
    bool const verify = !options.insecure_skip_tls_verification;
    keep_first(curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, verify ? 1L : 0L));
    keep_first(curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, verify ? 2L : 0L));
    if (!options.ca_file.empty()) keep_first(curl_easy_setopt(h, CURLOPT_CAINFO, options.ca_file.c_str()));
    if (options.max_pooled_connections > 0)
      keep_first(curl_easy_setopt(h, CURLOPT_MAXCONNECTS, static_cast<long>(options.max_pooled_connections)));
    if (r.body_source()) {
      // An upload reads its body from the callback, with the size set per request; curl's
      // upload is a PUT unless told the method.
      keep_first(curl_easy_setopt(h, CURLOPT_UPLOAD, 1L));
      keep_first(curl_easy_setopt(h, CURLOPT_READFUNCTION, &curl_exchange::on_read));
      keep_first(curl_easy_setopt(h, CURLOPT_READDATA, this));
      keep_first(curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, std::string(method_).c_str()));
      return;
    }
    switch (r.method()) {
      case method::get: keep_first(curl_easy_setopt(h, CURLOPT_HTTPGET, 1L)); break;
      case method::head: keep_first(curl_easy_setopt(h, CURLOPT_NOBODY, 1L)); break;
      case method::post: keep_first(curl_easy_setopt(h, CURLOPT_POST, 1L)); break;
      default: keep_first(curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, std::string(method_).c_str())); break;
    }
  }

  // The call's own timeout if it has one, else the transport's; curl reads 0 as none.
  static long timeout_ms(std::chrono::milliseconds call, std::chrono::milliseconds transport) noexcept {
    std::chrono::milliseconds const chosen = call.count() > 0 ? call : transport;
    return chosen.count() > 0 ? static_cast<long>(chosen.count()) : 0L;
  }

  // The request's headers as curl takes them ("name;" sends a field with an empty value), and,
  // with a body, two that stop curl from adding its own ("name:" does): no "Expect: 100-continue"
  // round trip before a large body, and no form type it would invent.
  bool collect_headers(request const& r, bool sends_body) {
    headers_.reset();
    for (header_field const& field : r.headers()) {
      std::string line(field.name);
      if (field.value.empty()) line += ';';
      else line.append(": ").append(field.value);
      if (!add_line(line)) return false;
    }
    bool const typed = r.headers().find("Content-Type").has_value();
    return !sends_body || (add_line("Expect:") && (typed || add_line("Content-Type:")));
  }

  bool add_line(std::string const& line) {
    curl_slist* const list = curl_slist_append(headers_.get(), line.c_str());
    if (!list) return false;  // the list is left as it was
    (void)headers_.release();  // the same list, one longer; or a new one if it was empty
    headers_.reset(list);
    return true;
  }

  // Whether curl wrote any byte of the request: it counts bytes as the socket accepts them, and
  // keeps counting over redirects and its own retries on a reused connection.
  bool request_written() const noexcept {
    long written = 0;
    return handle_ && curl_easy_getinfo(handle_.get(), CURLINFO_REQUEST_SIZE, &written) == CURLE_OK && written > 0;
  }

  transport_error setup_failed(std::string_view why) const { return failed(transport_errc::other, false, why); }

  // The error, with a detail naming the request by method and path: never its query.
  transport_error failed(transport_errc code, bool may_have_reached_server, std::string_view why) const {
    return redacted_error(code, may_have_reached_server, why, method_, std::string_view(url_).substr(path_begin_));
  }

  // A new status line starts a new response (1xx, a followed redirect, a proxy's CONNECT):
  // only the final response's fields are kept, without status lines or the blank line.
  static std::size_t on_header(char* data, std::size_t size, std::size_t count, void* self) noexcept {
    curl_exchange& x = *static_cast<curl_exchange*>(self);
    std::string_view const line(data, size * count);
    x.response_started_ = true;
    if (line.substr(0, 5) == "HTTP/") {
      x.header_text_.clear();
      x.to_sink_ = sink_use::undecided;
      x.header_section_ended_ = false;
    } else if (line == "\r\n" || line == "\n") {
      x.header_section_ended_ = true;
    } else {
      if (line.size() > curl_max_header_bytes - x.header_text_.size()) {
        x.overflow_ = overflow::headers;
        return 0;  // stops the transfer
      }
      x.header_text_.append(line);
    }
    return line.size();
  }

  // curl sends a request again, on another connection, when the reused connection it went out on
  // closes before any answer, whatever its method (Curl_retry_request): a request that may have
  // reached the server would reach it twice, unseen by the Retry policy, which alone decides. So
  // sending is refused once the request is out and before any answer, and the exchange ends as
  // connection_lost. A redirect, followed after an answer, is sent as usual. (libcurl before 7.80
  // has no hook here, and still sends again.)
  static int before_sending(void* self, char*, char*, int, int) noexcept {
    curl_exchange& x = *static_cast<curl_exchange*>(self);
    if (!x.request_written() || x.response_started_) return CURL_PREREQFUNC_OK;
    x.refused_resend_ = true;
    return CURL_PREREQFUNC_ABORT;
  }

  int response_status() const noexcept {
    long status = 0;
    curl_easy_getinfo(handle_.get(), CURLINFO_RESPONSE_CODE, &status);
    return static_cast<int>(status);
  }

  // The next bytes of a streamed request body; a source that fails ends the transfer.
  static std::size_t on_read(char* buffer, std::size_t size, std::size_t count, void* self) noexcept {
    curl_exchange& x = *static_cast<curl_exchange*>(self);
    expected<std::size_t, stream_failure> const got = x.source_.next(buffer, size * count);
    if (got) return *got;
    x.stream_error_ = stream_failure_text("body source", got.error());
    return CURL_READFUNC_ABORT;
  }

  // Gives the body to the sink if it takes the response's status; else keeps it, stopping as
  // soon as it would pass the limit, and never reserving past it.
  static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* self) noexcept {
    curl_exchange& x = *static_cast<curl_exchange*>(self);
    std::size_t const n = size * count;
    if (x.to_sink_ == sink_use::undecided && x.sink_) {
      int const status = x.response_status();
      x.to_sink_ = x.sink_.takes(status) ? sink_use::yes : sink_use::no;
      if (x.to_sink_ == sink_use::yes)
        if (sink_status const refused = x.sink_.begin(status, header_list(x.header_text_)))
          return x.stop_streaming(*refused);
    }
    if (x.to_sink_ == sink_use::yes) {
      if (sink_status const failed = x.sink_.write(std::string_view(data, n))) return x.stop_streaming(*failed);
      x.streamed_ += n;
      return n;
    }
    if (n > x.body_limit_ - x.body_.size()) {
      x.overflow_ = overflow::body;
      return 0;  // stops the transfer
    }
    if (x.body_.size() + n > x.body_.capacity())
      x.body_.reserve(std::min(x.body_limit_, std::max(x.body_.size() + n, 2 * x.body_.capacity())));
    x.body_.append(data, n);
    return n;
  }

  std::size_t stop_streaming(stream_failure const& why) {
    stream_error_ = stream_failure_text("body sink", why);
    return 0;  // stops the transfer
  }

  enum class sink_use { undecided, yes, no };

  std::unique_ptr<CURL, curl_easy_cleanup_deleter> handle_;
  std::unique_ptr<curl_slist, curl_slist_deleter> headers_;
  std::string url_;
  std::size_t path_begin_ = 0;
  std::string_view method_;
  std::string header_text_;
  bool header_section_ended_ = false;  // the blank line after the last status line's fields was read
  bool response_started_ = false;      // a byte of a response has come
  bool refused_resend_ = false;        // before_sending stopped curl sending the request again
  std::string body_;
  std::size_t body_limit_ = 0;
  source_pump source_;
  body_sink_ref sink_;
  sink_use to_sink_ = sink_use::undecided;  // whether the final response's body goes to sink_
  std::uint64_t streamed_ = 0;
  std::string stream_error_;                 // why the source or the sink stopped the transfer
  handle_setup setup_;
  overflow overflow_ = overflow::none;
  char error_[CURL_ERROR_SIZE] = {};
};

}  // namespace apidecl::detail

#endif
