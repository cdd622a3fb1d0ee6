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

/// {fmt} formatters for the library's values, for logs and examples. What they print of a request
/// is shown through its declared secrets only (redaction.hpp), never by recognising names:
/// `fmt::print("{}", e.request)` of an observer's event prints "GET /api/job/authorize?v=1&api_token=***&job_id=...",
/// every value declared secret as ***; a plain `request`, which holds no record of its secrets,
/// prints its method and path with its query hidden whole, "GET /api/job/authorize?***", as a
/// transport error names a request; `fmt::print("{}", failure)` prints its one-line description.
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

/// A request without the record of its secrets: its method and path, the query as `?***`. The
/// path is shown, so a path value declared secret is: print a `redacted_request` to see more.
template <>
struct fmt::formatter<apidecl::request> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(apidecl::request const& r, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fmt::format_to(ctx.out(), "{} {}{}", r.method_name(), r.path(), r.query().empty() ? "" : "?***");
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
