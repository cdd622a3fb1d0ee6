#ifndef APIDECL_OBSERVERS_TRACING_HPP
#define APIDECL_OBSERVERS_TRACING_HPP

#include <apidecl/client/observer.hpp>
#include <apidecl/core/method.hpp>
#include <apidecl/core/short_text.hpp>
#include <apidecl/core/writer.hpp>
#include <apidecl/observers/detail/line.hpp>
#include <apidecl/observers/tracer.hpp>

#include <cstdint>
#include <string_view>
#include <utility>

/// A ready Observer that records a span for every attempt, after OpenTelemetry's semantic
/// conventions for HTTP client spans, with a Tracer the caller implements (tracer.hpp):
///
///     auto api = apidecl::make_client(http, apidecl::tracing_observer(my_tracer, {"api.cielo24.com", 443}));
///
/// Each request sent is a span, a retry included, as the conventions ask: named
/// "{method} {url.template}" ("POST /api/quote/{quote_id}/authorize"), never after a URL, so
/// that one endpoint is one span name; with `http.request.method`, `url.template`, `server.address` and
/// `server.port` (as given), `http.response.status_code` when there was a response,
/// `http.request.resend_count` from the second attempt on, and on failure `error.type` (the
/// status as text from 400 on, else the transport error's name, e.g. "timed_out") and an error
/// status.
///
/// A span is made when its attempt ends, from that event alone, and back-dated by the attempt's
/// duration: a client may have several calls in flight, and the events do not say which call
/// they belong to, so a span opened when the request left could not be told apart from another
/// call's. Observers cannot add header fields (observer.hpp), so no trace context is propagated.
namespace apidecl {

/// Where the client sends its requests, for the spans' `server.*` attributes.
struct traced_server {
  short_text<256> address;  ///< the host name or address, e.g. "api.cielo24.com"; empty: not recorded
  int port = 0;             ///< 0: not recorded
};

template <class Tracer>
class tracing_observer {
 public:
  explicit tracing_observer(Tracer tracer, traced_server server = {}) : tracer_(std::move(tracer)), server_(server) {
    (void)detail::check_tracer<Tracer>();
  }

  void on(attempt_ended const& e) {
    if constexpr (is_tracer_v<Tracer>) record(e);  // else the constructor said why
  }

  Tracer& tracer() noexcept { return tracer_; }

 private:
  void record(attempt_ended const& e) {
    detail::fixed_line<512> name;
    detail::write_endpoint(name.out(), e.endpoint);
    auto span = tracer_.start_span(name.text(), e.duration);
    span.set_attribute("http.request.method", method_name(e.endpoint.method));
    span.set_attribute("url.template", e.endpoint.path_template);
    if (!server_.address.view().empty()) span.set_attribute("server.address", server_.address.view());
    if (server_.port != 0) span.set_attribute("server.port", std::int64_t{server_.port});
    if (e.number > 1) span.set_attribute("http.request.resend_count", std::int64_t{e.number - 1});
    if (e.status != 0) span.set_attribute("http.response.status_code", std::int64_t{e.status});
    detail::fixed_line<8> status;
    std::string_view error_type;
    if (e.error) {
      error_type = transport_errc_name(e.error->code);
    } else if (e.status >= 400) {
      detail::write_integer(status.out(), e.status);
      error_type = status.text();
    }
    if (!error_type.empty()) {
      span.set_attribute("error.type", error_type);
      span.set_error(error_type);
    }
    span.end();
  }

  Tracer tracer_;
  traced_server server_;
};

}  // namespace apidecl

#endif
