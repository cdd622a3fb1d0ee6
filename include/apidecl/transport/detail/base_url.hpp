#ifndef APIDECL_TRANSPORT_DETAIL_BASE_URL_HPP
#define APIDECL_TRANSPORT_DETAIL_BASE_URL_HPP

#include <apidecl/core/header_list.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

/// A transport's base URL, split into what a transport that writes its own requests needs.
namespace apidecl::detail {

/// `scheme://host[:port][/prefix]`, read.
struct base_url {
  bool tls = false;
  std::string host;        ///< to resolve and to verify: an IPv6 address without its brackets
  std::string port;        ///< the service to resolve: the URL's port, or 80 / 443
  std::string host_field;  ///< the Host header's value: the host as written, and the port unless default
  std::string prefix;      ///< the path prefix, without a trailing '/': "" or "/v1"
  bool host_is_address = false;  ///< an IP address (no SNI for it, RFC 6066, 3)
};

/// Reads `url`: `http` or `https` (any case), a host (a name, an IPv4 address or a bracketed
/// IPv6 one), an optional port from 1 to 65535 and an optional path prefix. Nothing is looked up.
/// Anything else, user information (`user@host`) included, gives nothing.
inline std::optional<base_url> parse_base_url(std::string_view url) {
  base_url out;
  std::size_t const scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  std::string_view const scheme = url.substr(0, scheme_end);
  if (iequals(scheme, "https")) out.tls = true;
  else if (!iequals(scheme, "http")) return std::nullopt;
  url.remove_prefix(scheme_end + 3);

  std::size_t const authority_end = url.find_first_of("/?#");
  std::string_view const authority = url.substr(0, authority_end);
  std::string_view path = authority_end == std::string_view::npos ? std::string_view{} : url.substr(authority_end);
  if (authority.empty() || authority.find('@') != std::string_view::npos) return std::nullopt;
  if (path.find('#') != std::string_view::npos) return std::nullopt;

  std::string_view host = authority;
  std::string_view port;
  bool has_port = false;
  if (authority.front() == '[') {
    std::size_t const close = authority.find(']');
    if (close == std::string_view::npos || close == 1) return std::nullopt;
    host = authority.substr(1, close - 1);
    std::string_view const rest = authority.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') return std::nullopt;
    has_port = !rest.empty();
    if (has_port) port = rest.substr(1);
    out.host_is_address = true;
  } else if (std::size_t const colon = authority.find(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
    has_port = true;
  }
  if (host.empty()) return std::nullopt;
  for (char c : host)
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '[' || c == ']' || (!out.host_is_address && c == ':'))
      return std::nullopt;
  if (has_port) {
    unsigned long number = 0;
    if (port.empty() || port.size() > 5) return std::nullopt;
    for (char c : port) {
      if (c < '0' || c > '9') return std::nullopt;
      number = number * 10 + static_cast<unsigned long>(c - '0');
    }
    if (number == 0 || number > 65535) return std::nullopt;
  }
  if (!out.host_is_address) {  // a dotted IPv4 address
    bool dotted = true;
    for (char c : host) dotted = dotted && ((c >= '0' && c <= '9') || c == '.');
    out.host_is_address = dotted;
  }

  std::string_view const default_port = out.tls ? "443" : "80";
  out.host.assign(host);
  out.port.assign(port.empty() ? default_port : port);
  out.host_field.assign(authority);
  if (port == default_port) out.host_field.resize(authority.size() - port.size() - 1);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  out.prefix.assign(path);
  return out;
}

}  // namespace apidecl::detail

#endif
