#ifndef APIDECL_TRANSPORT_MOCK_HPP
#define APIDECL_TRANSPORT_MOCK_HPP

#include <apidecl/core/request.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/transport/async_transport.hpp>
#include <apidecl/transport/call_options.hpp>
#include <apidecl/transport/detail/body_pump.hpp>
#include <apidecl/transport/transport.hpp>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace apidecl {

/// A scripted Transport for tests and examples: it records every request it is given and answers
/// with the next reply of its script, in order. When the script runs out it answers with a
/// `transport_error` (the request never left), so a test sees an unexpected extra call.
///
/// It is an AsyncTransport too: `start` records the request at once, and each `poll` answers every
/// exchange started before it, in the order they started, from the same script. It takes per-call
/// options (call_options.hpp) and records them with each request, so a test can check the limits
/// the client asked for.
///
/// It streams bodies: a streamed request body is read from its source, in pieces of
/// `chunk_size()` bytes, into the recorded body; a scripted body whose status goes to the call's
/// sink is written to it in such pieces. A source or sink that fails ends the exchange as a real
/// transport does, with `transport_errc::body_stream_failed`.
class mock_transport {
 public:
  static constexpr bool streams_bodies = true;

  /// A copy of a request as the mock received it.
  struct recorded_request {
    apidecl::method method = apidecl::method::get;
    std::string target;
    std::string headers;
    std::string body;
    call_options options;  ///< the per-call options it was sent with, all zero if none

    std::string_view path() const noexcept { return request(method, target, {}, {}).path(); }
    std::optional<std::string_view> header(std::string_view name) const noexcept {
      return header_list(headers).find(name);
    }
    /// The request line as it goes on the wire, e.g. "GET /api/job/delete?v=1&... HTTP/1.1".
    std::string request_line() const {
      return std::string(method_name(method)) + ' ' + target + " HTTP/1.1";
    }
  };

  /// Adds a reply with `status`, `body` and `headers` ("Name: value" lines) to the script.
  mock_transport& respond(int status, std::string body = {}, std::string headers = {}) {
    script_.push_back(reply{status, std::move(body), std::move(headers), std::nullopt});
    return *this;
  }

  /// Adds a transport failure to the script.
  mock_transport& fail(transport_error error) {
    script_.push_back(reply{0, {}, {}, std::move(error)});
    return *this;
  }

  /// Streams bodies in pieces of `bytes` (at least 1) from now on; 64 KiB until then.
  mock_transport& chunk_size(std::size_t bytes) noexcept {
    chunk_size_ = bytes > 0 ? bytes : 1;
    return *this;
  }

  transport_result send(request const& r, call_options const& options = {}) {
    if (std::optional<transport_error> failed = record(r, options)) {
      (void)next_reply();  // the server's answer is used up, its body given to no sink
      return *failed;
    }
    return next_reply(options);
  }

  exchange_id start(request const& r, exchange_handler on_done) { return start(r, call_options{}, std::move(on_done)); }
  exchange_id start(request const& r, call_options const& options, exchange_handler on_done) {
    std::optional<transport_error> failed = record(r, options);
    started_.push_back({exchange_id{++last_id_}, std::move(on_done), false, options, std::move(failed)});
    return started_.back().id;
  }

  std::size_t poll() {
    std::deque<exchange> ending;
    ending.swap(started_);  // exchanges that handlers start now end at the next poll
    for (exchange& x : ending) {
      if (x.cancelled) {
        x.on_done(transport_error{transport_errc::cancelled, true, "mock transport: cancelled"});
        continue;
      }
      if (x.source_failed) {
        (void)next_reply();
        x.on_done(*x.source_failed);
        continue;
      }
      transport_result const answer = next_reply(x.options);
      x.on_done(answer);
    }
    return ending.size();
  }

  bool cancel(exchange_id id) noexcept {
    for (exchange& x : started_)
      if (x.id == id && !x.cancelled) return x.cancelled = true;
    return false;
  }

  std::size_t in_flight() const noexcept { return started_.size(); }

  std::vector<recorded_request> const& requests() const noexcept { return requests_; }
  /// Replies not used yet.
  std::size_t pending() const noexcept { return script_.size(); }

 private:
  struct reply {
    int status = 0;
    std::string body;
    std::string headers;
    std::optional<transport_error> error;
  };
  struct exchange {
    exchange_id id;
    exchange_handler on_done;
    bool cancelled;
    call_options options;
    std::optional<transport_error> source_failed;
  };

  // Records `r`, reading a streamed body from its source: why that failed, if it did (what was
  // read is recorded all the same).
  std::optional<transport_error> record(request const& r, call_options const& options) {
    requests_.push_back(recorded_request{r.method(), std::string(r.target()), std::string(r.headers().text()),
                                         std::string(r.body()), options});
    if (!r.body_source()) return std::nullopt;
    std::string& body = requests_.back().body;
    detail::source_pump pump(r.body_source());
    std::string piece(chunk_size_, '\0');
    while (pump.left() > 0) {
      expected<std::size_t, stream_failure> const got = pump.next(piece.data(), piece.size());
      if (!got)
        return transport_error{transport_errc::body_stream_failed, !body.empty(),
                               detail::stream_failure_text("body source", got.error())};
      body.append(piece.data(), *got);
    }
    return std::nullopt;
  }

  transport_result next_reply(call_options const& options = {}) {
    if (script_.empty())
      return transport_error{transport_errc::other, false, "mock transport: no scripted reply is left"};
    current_ = std::move(script_.front());
    script_.pop_front();
    if (current_.error) return *current_.error;
    header_list const headers(current_.headers);
    if (!options.response_into.takes(current_.status)) return response{current_.status, headers, current_.body};
    // The sink takes this body: in pieces, as a network would give it.
    body_sink_ref const sink = options.response_into;
    if (sink_status const refused = sink.begin(current_.status, headers))
      return transport_error{transport_errc::body_stream_failed, true, detail::stream_failure_text("body sink", *refused)};
    std::string_view rest = current_.body;
    while (!rest.empty()) {
      std::string_view const piece = rest.substr(0, chunk_size_);
      if (sink_status const failed = sink.write(piece))
        return transport_error{transport_errc::body_stream_failed, true, detail::stream_failure_text("body sink", *failed)};
      rest.remove_prefix(piece.size());
    }
    return response{current_.status, headers, {}, current_.body.size()};
  }

  std::deque<reply> script_;
  reply current_;  // owns what the last response views
  std::vector<recorded_request> requests_;
  std::deque<exchange> started_;
  std::uint64_t last_id_ = 0;
  std::size_t chunk_size_ = 64 * 1024;
};

static_assert(is_transport_v<mock_transport>);
static_assert(is_async_transport_v<mock_transport>);
static_assert(has_send_with_call_options_v<mock_transport> && has_start_with_call_options_v<mock_transport>);
static_assert(transport_streams_bodies_v<mock_transport>);

}  // namespace apidecl

#endif
