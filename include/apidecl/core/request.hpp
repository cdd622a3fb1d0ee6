#ifndef APIDECL_CORE_REQUEST_HPP
#define APIDECL_CORE_REQUEST_HPP

#include <apidecl/core/body_source.hpp>
#include <apidecl/core/header_list.hpp>
#include <apidecl/core/method.hpp>

#include <string_view>

namespace apidecl {

/// A request ready to send: views into the buffer it was built in, valid as long as that buffer.
/// A Transport sends `method_name() target()`, each of `headers()`, and `body()`; or, when the
/// body is streamed, the bytes of `body_source()` (its size is in the built Content-Length field).
class request {
 public:
  constexpr request() noexcept = default;
  constexpr request(apidecl::method m, std::string_view target, std::string_view header_text,
                    std::string_view body) noexcept
      : method_(m), target_(target), headers_(header_text), body_(body) {}

  constexpr apidecl::method method() const noexcept { return method_; }
  constexpr std::string_view method_name() const noexcept { return apidecl::method_name(method_); }
  /// The request target: the percent-encoded path and, if any, '?' and the query.
  constexpr std::string_view target() const noexcept { return target_; }
  /// The target without its query: what request-signing schemes sign.
  constexpr std::string_view path() const noexcept { return target_.substr(0, target_.find('?')); }
  /// The query without its '?', empty if there is none.
  constexpr std::string_view query() const noexcept {
    std::size_t const mark = target_.find('?');
    return mark == std::string_view::npos ? std::string_view{} : target_.substr(mark + 1);
  }
  constexpr header_list headers() const noexcept { return headers_; }
  constexpr std::string_view body() const noexcept { return body_; }
  /// The source of a streamed body, empty when the body is `body()`.
  constexpr body_source_ref body_source() const noexcept { return source_; }
  /// This request, its body streamed from `source`.
  constexpr request with_body_source(body_source_ref source) const noexcept {
    request copy = *this;
    copy.source_ = source;
    return copy;
  }

 private:
  apidecl::method method_ = apidecl::method::get;
  std::string_view target_;
  header_list headers_;
  std::string_view body_;
  body_source_ref source_;
};

}  // namespace apidecl

#endif
