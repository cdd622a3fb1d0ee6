// Hand-written baseline for compile_cost/: what a client of a JSON API written without apidecl
// writes once and every endpoint's code then uses. Requests are formatted with {fmt} into one
// buffer, path and query text percent-encoded as apidecl encodes it, and checked as apidecl checks
// path and header values; answers are parsed with Boost.JSON and converted with `value_to` (each
// body type brings its `tag_invoke`) into the std::variant of an endpoint's outcomes.
#ifndef APIDECL_BENCHMARKS_HANDWRITTEN_JSON_CALLS_HPP
#define APIDECL_BENCHMARKS_HANDWRITTEN_JSON_CALLS_HPP

#include "handwritten/scripted_transport.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_to.hpp>
#include <fmt/format.h>

#include <cstddef>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

namespace handwritten {

/// Text that {fmt} writes percent-encoded: RFC 3986, everything but ALPHA, DIGIT, "-", ".", "_"
/// and "~" as %XX, so that no byte of a value can change the structure of the target.
struct percent_encoded {
  std::string_view text;
};

/// What apidecl refuses in a path value: an empty, "." or ".." segment addresses another resource.
inline bool is_path_value(std::string_view text) noexcept { return !text.empty() && text != "." && text != ".."; }

/// What apidecl refuses in a header value: a line break or NUL would end the header.
inline bool is_header_value(std::string_view text) noexcept {
  return text.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

/// The outcome of a status the endpoint does not document, kept whole.
struct unexpected_reply {
  int status = 0;
  std::string body;
};

/// The request was not built or not sent, or its answer did not read as its documented body.
struct call_failed {
  std::string_view why;
};

/// What every call needs: the transport, the buffer requests are formatted in, and a log of the
/// requests sent (as the apidecl program's mock keeps them), printed to compare the two programs.
struct json_client {
  scripted_transport http;
  fmt::memory_buffer buffer;
  std::string sent;

  /// Sends the method, the target formatted in `buffer` up to `target_end`, and the header lines
  /// after it.
  std::optional<reply> send(std::string_view method, std::size_t target_end) {
    std::string_view const text(buffer.data(), buffer.size());
    std::string_view const target = text.substr(0, target_end);
    std::string_view const headers = text.substr(target_end);
    sent.append(method).append(" ").append(target).append(" HTTP/1.1\n").append(headers);
    return http.send(request{method, target, headers, {}});
  }
};

/// The member `key` of `object`, or none when it is absent or null.
template <class T>
std::optional<T> optional_member(boost::json::object const& object, std::string_view key) {
  boost::json::value const* member = object.if_contains(boost::json::string_view(key.data(), key.size()));
  if (member == nullptr || member->is_null()) return std::nullopt;
  return boost::json::value_to<T>(*member);
}

/// The body of `r` as a `Body`, or `call_failed` when it is not one.
template <class Outcome, class Body>
Outcome decode(reply const& r) {
  boost::json::error_code ec;
  boost::json::value const document = boost::json::parse(r.body, ec);
  if (ec) return call_failed{"malformed JSON"};
  try {
    return boost::json::value_to<Body>(document);
  } catch (std::exception const&) {  // value_to throws on a missing member or a value of another type
    return call_failed{"not the documented body"};
  }
}

/// A visitor made of lambdas, for std::visit.
template <class... F>
struct overload : F... {
  using F::operator()...;
};
template <class... F>
overload(F...) -> overload<F...>;

}  // namespace handwritten

template <>
struct fmt::formatter<handwritten::percent_encoded> {
  constexpr auto parse(format_parse_context& ctx) { return ctx.begin(); }

  template <class FormatContext>
  auto format(handwritten::percent_encoded const& value, FormatContext& ctx) const {
    constexpr char digits[] = "0123456789ABCDEF";
    auto out = ctx.out();
    for (char const c : value.text) {
      bool const plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                         c == '.' || c == '_' || c == '~';
      if (plain) {
        *out++ = c;
      } else {
        auto const byte = static_cast<unsigned char>(c);
        *out++ = '%';
        *out++ = digits[byte >> 4];
        *out++ = digits[byte & 0xF];
      }
    }
    return out;
  }
};

#endif
