#ifndef APIDECL_FMT_FORMATTERS_HPP
#define APIDECL_FMT_FORMATTERS_HPP

#include <apidecl/core/failure.hpp>
#include <apidecl/core/method.hpp>
#include <apidecl/core/redaction.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/core/result.hpp>
#include <apidecl/core/writer.hpp>

#include <fmt/format.h>

#include <string_view>

/// {fmt} formatters for the library's values, for logs and examples:
/// `fmt::print("{}", request)` prints "GET /api/job/delete?v=1&api_token=<redacted>&job_id=...";
/// `fmt::print("{}", e.request)` of an observer's event prints its target with every declared
/// secret as ***; `fmt::print("{}", failure)` prints its one-line description.
///
/// Query values named like credentials (`api_token`, `password`, `new_password`, `securekey`,
/// `api_securekey`, `key`) are printed as `<redacted>`: tokens must not reach logs.
namespace apidecl {

/// Whether a query parameter of this name carries a secret.
constexpr bool is_secret_parameter(std::string_view name) noexcept {
  return name == "api_token" || name == "password" || name == "securekey" || name == "api_securekey" ||
         name == "key" || name == "new_password";
}

}  // namespace apidecl

template <>
struct fmt::formatter<apidecl::failure> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(apidecl::failure const& f, FormatContext& ctx) const -> decltype(ctx.out()) {
    char text[512];
    apidecl::writer out(text, sizeof text);
    f.describe(out);
    std::size_t const size = out.overflowed() ? sizeof text : out.size();
    return fmt::formatter<std::string_view>::format(std::string_view(text, size), ctx);
  }
};

template <>
struct fmt::formatter<apidecl::request> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(apidecl::request const& r, FormatContext& ctx) const -> decltype(ctx.out()) {
    auto out = fmt::format_to(ctx.out(), "{} {}", r.method_name(), r.path());
    std::string_view query = r.query();
    char separator = '?';
    while (!query.empty()) {
      std::size_t const amp = query.find('&');
      std::string_view const pair = query.substr(0, amp);
      query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
      std::string_view const name = pair.substr(0, pair.find('='));
      if (apidecl::is_secret_parameter(name)) out = fmt::format_to(out, "{}{}=<redacted>", separator, name);
      else out = fmt::format_to(out, "{}{}", separator, pair);
      separator = '&';
    }
    return out;
  }
};

/// A request as an observer sees it: "GET /api/job/authorize?v=1&api_token=***&job_id=...", every
/// value declared secret shown as *** (redaction.hpp), whatever its name.
template <>
struct fmt::formatter<apidecl::redacted_request> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(apidecl::redacted_request const& r, FormatContext& ctx) const -> decltype(ctx.out()) {
    char text[1024];  // a longer target is cut, never spilled
    apidecl::writer out(text, sizeof text);
    r.write_target(out);
    std::size_t const size = out.overflowed() ? sizeof text : out.size();
    return fmt::format_to(ctx.out(), "{} {}", apidecl::method_name(r.method()), std::string_view(text, size));
  }
};

template <>
struct fmt::formatter<apidecl::unexpected_status> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(apidecl::unexpected_status const& s, FormatContext& ctx) const -> decltype(ctx.out()) {
    std::string_view body = s.body;
    constexpr std::size_t shown = 80;
    return fmt::format_to(ctx.out(), "undocumented status {} ({} bytes: \"{}{}\")", s.status, body.size(),
                          body.substr(0, shown), body.size() > shown ? "..." : "");
  }
};

#endif
