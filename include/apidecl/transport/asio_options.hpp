#ifndef APIDECL_TRANSPORT_ASIO_OPTIONS_HPP
#define APIDECL_TRANSPORT_ASIO_OPTIONS_HPP

#include <chrono>
#include <cstddef>
#include <string>

namespace apidecl {

/// How `asio_transport` reaches a service. A plain struct with the names of `curl_options` where
/// a setting means the same; the rest is safe by default (TLS verified, redirects handed back,
/// responses bounded).
///
///     apidecl::asio_options o;
///     o.base_url = "https://sandbox.cielo24.com";
///     o.total_timeout = std::chrono::seconds(20);
///     apidecl::asio_transport http(o);
///
/// Not here, unlike curl: redirects are never followed (a 3xx is the response), bodies are never
/// asked for compressed, and there is no proxy.
struct asio_options {
  /// `scheme://host[:port]`, optionally followed by a path prefix; each request's target is
  /// appended to it. Only `http` and `https` are accepted; an IPv6 address goes in brackets.
  std::string base_url{};

  /// Waiting for a free connection, name resolution and the TCP and TLS handshakes: everything
  /// before the first byte of the request is written. Zero means no limit.
  std::chrono::milliseconds connect_timeout = std::chrono::seconds(10);
  /// The whole exchange, connecting included. Zero means no limit.
  std::chrono::milliseconds total_timeout = std::chrono::seconds(60);

  /// The largest response body accepted (de-chunked); a larger one ends the exchange as soon as
  /// it is announced or passed, with `transport_errc::response_too_large`. The header block has
  /// a fixed limit of its own, 256 KiB, as with curl.
  std::size_t max_response_body = std::size_t{8} * 1024 * 1024;

  /// A PEM file of the certificate authorities to trust instead of the system's.
  std::string ca_file{};
  /// Turns off TLS certificate and host name verification, which lets anyone on the path read and
  /// change the traffic, tokens included. Only for test servers you cannot give a certificate to;
  /// prefer `ca_file`.
  bool insecure_skip_tls_verification = false;

  /// The User-Agent header; empty sends none. A request's own User-Agent header wins.
  std::string user_agent = "apidecl";

  /// Idle connections kept open for the next exchanges; 0 keeps none (every exchange on a new
  /// connection).
  std::size_t max_pooled_connections = 16;
  /// Connections open at once; 0 means no limit. Exchanges beyond it wait for a free connection.
  std::size_t max_host_connections = 0;
  /// An idle connection older than this is closed rather than reused; zero means no limit. Servers
  /// close idle connections themselves (nginx after 75 s), and one they have closed is noticed
  /// before it is reused whatever this says; this bounds how long sockets are held open.
  std::chrono::milliseconds idle_timeout = std::chrono::seconds(30);
};

}  // namespace apidecl

#endif
