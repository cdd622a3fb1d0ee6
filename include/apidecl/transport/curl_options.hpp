#ifndef APIDECL_TRANSPORT_CURL_OPTIONS_HPP
#define APIDECL_TRANSPORT_CURL_OPTIONS_HPP

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace apidecl {

/// How the libcurl transports (`curl_transport`, `curl_multi_transport`) reach a service. A plain
/// struct: set what you need and leave the rest, which is safe by default (TLS verified, redirects
/// refused, responses bounded).
///
///     apidecl::curl_options o;
///     o.base_url = "https://sandbox.cielo24.com";
///     o.total_timeout = std::chrono::seconds(20);
///     apidecl::curl_transport http(o);
struct curl_options {
  /// `scheme://host[:port]`, optionally followed by a path prefix; each request's target is
  /// appended to it. Only `http` and `https` are accepted, here and in redirects.
  std::string base_url{};

  /// Name resolution and the TCP and TLS handshakes. Zero leaves curl's own limit (300 s).
  std::chrono::milliseconds connect_timeout = std::chrono::seconds(10);
  /// The whole exchange, connecting included. Zero means no limit.
  std::chrono::milliseconds total_timeout = std::chrono::seconds(60);

  /// The largest response body accepted; a larger one ends the exchange as soon as it is passed,
  /// with `transport_errc::response_too_large`. Bodies are counted after decompression. The
  /// header block has a fixed limit of its own (256 KiB).
  std::size_t max_response_body = std::size_t{8} * 1024 * 1024;

  /// How many redirects to follow. Zero, the default, hands a 3xx back as the response. A
  /// followed redirect carries the request's headers to wherever it points, except that curl
  /// drops Authorization and Cookie when the host changes.
  int max_redirects = 0;

  /// Asks for compressed bodies (every encoding the installed libcurl can decode) and decodes them.
  /// The response's headers stay as received, so they still name the encoding.
  bool accept_compressed = true;

  /// A PEM file of the certificate authorities to trust instead of the system's.
  std::string ca_file{};
  /// Turns off TLS certificate and host name verification, which lets anyone on the path read and
  /// change the traffic, tokens included. Only for test servers you cannot give a certificate to;
  /// prefer `ca_file`.
  bool insecure_skip_tls_verification = false;

  /// The proxy to reach the service through, as curl spells it (`http://proxy.example:3128`,
  /// `socks5h://127.0.0.1:1080`). Unset, curl follows the environment (`http_proxy`,
  /// `https_proxy`, `all_proxy`, `no_proxy`), as other programs do; empty, no proxy at all,
  /// whatever the environment says.
  std::optional<std::string> proxy{};

  /// The User-Agent header; empty sends none. A request's own User-Agent header wins.
  std::string user_agent = "apidecl";

  /// Idle connections kept open for the next exchanges; 0 leaves curl's own default.
  std::size_t max_pooled_connections = 16;
  /// Connections open at once to one host; 0 means no limit. Exchanges beyond it wait for a free
  /// connection (only `curl_multi_transport` runs exchanges side by side).
  std::size_t max_host_connections = 0;
};

}  // namespace apidecl

#endif
