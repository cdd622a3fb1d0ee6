#ifndef APIDECL_OPENAPI_JSON_TEXT_HPP
#define APIDECL_OPENAPI_JSON_TEXT_HPP

#include <apidecl/core/writer.hpp>

#include <cstdio>
#include <string_view>

/// The few pieces of JSON text an OpenAPI document is made of, written straight into a writer:
/// no tree, no heap, no exceptions.
namespace apidecl::openapi::detail {

/// `text` as a JSON string, escaped (RFC 8259).
inline void json_string(writer& out, std::string_view text) noexcept {
  out.push_back('"');
  for (char c : text) {
    unsigned char const byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (byte < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
      out.append(escaped);
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

/// `"key":`, after a comma unless it is the first member of its object.
inline void json_key(writer& out, std::string_view key, bool& first) noexcept {
  if (!first) out.push_back(',');
  first = false;
  json_string(out, key);
  out.push_back(':');
}

/// An integer as JSON.
inline void json_integer(writer& out, long long value) noexcept {
  char digits[24];
  int const n = std::snprintf(digits, sizeof digits, "%lld", value);
  out.append({digits, static_cast<std::size_t>(n)});
}

}  // namespace apidecl::openapi::detail

#endif
