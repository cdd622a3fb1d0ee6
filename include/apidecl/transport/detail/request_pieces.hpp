#ifndef APIDECL_TRANSPORT_DETAIL_REQUEST_PIECES_HPP
#define APIDECL_TRANSPORT_DETAIL_REQUEST_PIECES_HPP

#include <apidecl/core/header_list.hpp>
#include <apidecl/core/method.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/transport/detail/base_url.hpp>

#include <array>
#include <cstddef>
#include <string_view>

/// An HTTP/1.1 request as the pieces of one gather write, for a transport that writes its own.
namespace apidecl::detail {

/// The request line, the header block and the body of `r`, as views of `r`, of the base URL and
/// of the few bytes kept here (the Content-Length digits): nothing is copied into one buffer. A
/// transport hands `pieces()` to one gather write. Views into itself: not copyable.
///
/// What goes out: `METHOD prefix+target HTTP/1.1`, the Host field, the request's own fields as
/// built, User-Agent (unless the request has one, or `user_agent` is empty), Content-Length
/// when the method carries a body or the body is not empty (unless the request has one), the
/// empty line and the body. The target is sent byte for byte, dot segments and escapes included.
class request_pieces {
 public:
  static constexpr std::size_t max_pieces = 20;

  request_pieces() noexcept = default;
  request_pieces(request_pieces const&) = delete;
  request_pieces& operator=(request_pieces const&) = delete;

  /// Lays out `r`, whose views must outlive the write, as do those of `url` and `user_agent`.
  void assign(request const& r, base_url const& url, std::string_view user_agent) noexcept {
    count_ = 0;
    bytes_ = 0;
    bool has_host = false, has_user_agent = false, has_length = false;
    for (header_field const& field : r.headers()) {
      has_host = has_host || iequals(field.name, "Host");
      has_user_agent = has_user_agent || iequals(field.name, "User-Agent");
      has_length = has_length || iequals(field.name, "Content-Length") || iequals(field.name, "Transfer-Encoding");
    }
    add(r.method_name());
    add(" ");
    add(url.prefix);
    if (r.target().empty() || r.target().front() != '/') add("/");
    add(r.target());
    add(" HTTP/1.1\r\n");
    if (!has_host) field("Host: ", url.host_field);
    std::string_view const fields = r.headers().text();
    add(fields);
    if (!fields.empty() && fields.back() != '\n') add("\r\n");
    if (!has_user_agent && !user_agent.empty()) field("User-Agent: ", user_agent);
    bool const sends_body = method_allows_body(r.method()) || !r.body().empty();
    if (!has_length && sends_body) field("Content-Length: ", digits(r.body().size()));
    add("\r\n");
    add(r.body());
  }

  /// The pieces, in order; some may be empty.
  std::string_view const* begin() const noexcept { return pieces_.data(); }
  std::string_view const* end() const noexcept { return pieces_.data() + count_; }
  /// The request's size on the wire.
  std::size_t bytes() const noexcept { return bytes_; }

 private:
  void add(std::string_view piece) noexcept {
    if (piece.empty()) return;
    pieces_[count_++] = piece;
    bytes_ += piece.size();
  }

  void field(std::string_view name, std::string_view value) noexcept {
    add(name);
    add(value);
    add("\r\n");
  }

  std::string_view digits(std::size_t n) noexcept {
    char* const end = length_.data() + length_.size();
    char* p = end;
    do {
      *--p = static_cast<char>('0' + n % 10);
      n /= 10;
    } while (n != 0);
    return std::string_view(p, static_cast<std::size_t>(end - p));
  }

  std::array<std::string_view, max_pieces> pieces_{};
  std::size_t count_ = 0;
  std::size_t bytes_ = 0;
  std::array<char, 24> length_{};
};

}  // namespace apidecl::detail

#endif
