#ifndef APIDECL_TRANSPORT_DETAIL_REDACTED_ERROR_HPP
#define APIDECL_TRANSPORT_DETAIL_REDACTED_ERROR_HPP

#include <apidecl/core/failure.hpp>
#include <apidecl/core/writer.hpp>

#include <algorithm>
#include <cstddef>
#include <string_view>

/// How every shipped transport words a failure: its own text, then the request named by method
/// and path, never with its query (where tokens travel, cielo24's api_token among them).
namespace apidecl::detail {

/// Appends `text` with whatever follows each '?' up to the next blank or quote replaced by "***":
/// a library's own error text may quote the URL, and an error detail must not show its query.
inline void append_redacted(writer& out, std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size(); ++i) {
    out.push_back(text[i]);
    if (text[i] != '?') continue;
    std::size_t end = text.find_first_of(" \t\r\n'\"", i + 1);
    if (end == std::string_view::npos) end = text.size();
    if (end > i + 1) out.append("***");
    i = end - 1;
  }
}

/// The error `code`, with the detail "why (METHOD /path?***)" for a request to `target` (path and
/// query, possibly behind a base URL's path prefix).
inline transport_error redacted_error(transport_errc code, bool may_have_reached_server, std::string_view why,
                                      std::string_view method, std::string_view target) noexcept {
  char text[256];  // more than a detail holds, so that a longer one is cut with its "..." mark
  writer out(text, sizeof text);
  append_redacted(out, why);
  out.append(" (");
  out.append(method);
  out.push_back(' ');
  std::size_t const query = target.find('?');
  out.append(target.substr(0, query));
  if (query != std::string_view::npos) out.append("?***");
  out.push_back(')');
  return transport_error{code, may_have_reached_server, std::string_view(text, std::min(out.size(), sizeof text))};
}

}  // namespace apidecl::detail

#endif
