#ifndef APIDECL_TRANSPORT_CURL_HPP
#define APIDECL_TRANSPORT_CURL_HPP

#include <apidecl/core/request.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/transport/call_options.hpp>
#include <apidecl/transport/curl_options.hpp>
#include <apidecl/transport/detail/curl_exchange.hpp>
#include <apidecl/transport/transport.hpp>

#include <utility>

namespace apidecl {

/// A Transport over libcurl's easy interface (link `apidecl::curl`): `send` blocks the calling
/// thread until the exchange ends. One easy handle serves every call, so the connection stays
/// open from one call to the next (keep-alive) and is reopened transparently when the server has
/// closed it. Not thread-safe: one transport per thread, or a lock around it.
///
///     apidecl::curl_options o;
///     o.base_url = "https://sandbox.cielo24.com";
///     apidecl::curl_transport http(o);
///     auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
///
/// A response's views stay valid until the next `send`. A failure comes back as a
/// `transport_error` (the same for `curl_multi_transport`):
///
///     cannot_connect      the host does not resolve, or refuses the connection
///     timed_out           connect_timeout or total_timeout passed
///     connection_lost     closed or reset before the response was complete, or nothing came back
///                         (also when curl, trying a request again after a kept connection
///                         closed, cannot connect anew: the request had left)
///     tls_error           the handshake failed, or the certificate was not trusted
///     response_too_large  the body passed max_response_body, or the headers 256 KiB
///     protocol_error      not HTTP as expected, an undecodable body, too many redirects
///     cancelled           (curl_multi_transport) cancelled by the caller
///     other               anything else, e.g. a malformed base_url
///
/// `may_have_reached_server` is false only when curl failed before it wrote a byte of the request:
/// name resolution, a refused connection, a connect timeout or the TLS handshake. The detail names
/// the request by method and path; its query, where tokens travel, is shown as "?***".
class curl_transport {
 public:
  /// Streams request bodies from their source and response bodies to the call's sink (core/body_sink.hpp).
  static constexpr bool streams_bodies = true;

  explicit curl_transport(curl_options options = {}) : options_(std::move(options)) {}

  curl_transport(curl_transport&&) noexcept = default;
  curl_transport& operator=(curl_transport&&) noexcept = default;
  curl_transport(curl_transport const&) = delete;
  curl_transport& operator=(curl_transport const&) = delete;

  transport_result send(request const& r) { return send(r, call_options{}); }

  /// Sends `r` with the timeouts of `call` in place of the transport's own.
  transport_result send(request const& r, call_options const& call) {
    if (auto error = exchange_.prepare(options_, r, call)) return *std::move(error);
    return exchange_.finish(curl_easy_perform(exchange_.handle()));
  }

  curl_options const& options() const noexcept { return options_; }

 private:
  curl_options options_;
  detail::curl_exchange exchange_;
};

static_assert(is_transport_v<curl_transport>);
static_assert(has_send_with_call_options_v<curl_transport>);

}  // namespace apidecl

#endif
