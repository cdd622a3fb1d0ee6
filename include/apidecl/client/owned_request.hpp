#ifndef APIDECL_CLIENT_OWNED_REQUEST_HPP
#define APIDECL_CLIENT_OWNED_REQUEST_HPP

#include <apidecl/core/request.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace apidecl {

/// A request with its own copy of the bytes it views, so that it can be sent again after the
/// buffer it was built in has been reused: what a non-blocking call keeps for its retries.
class owned_request {
 public:
  explicit owned_request(request const& r)
      : method_(r.method()),
        bytes_(std::string(r.target()) + std::string(r.headers().text()) + std::string(r.body())),
        target_size_(r.target().size()),
        headers_size_(r.headers().text().size()) {}

  request view() const noexcept {
    std::string_view const all = bytes_;
    return request(method_, all.substr(0, target_size_), all.substr(target_size_, headers_size_),
                   all.substr(target_size_ + headers_size_));
  }

 private:
  apidecl::method method_;
  std::string bytes_;
  std::size_t target_size_;
  std::size_t headers_size_;
};

}  // namespace apidecl

#endif
