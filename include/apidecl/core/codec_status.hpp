#ifndef APIDECL_CORE_CODEC_STATUS_HPP
#define APIDECL_CORE_CODEC_STATUS_HPP

#include <string>
#include <string_view>
#include <utility>

namespace apidecl {

/// What a Serializer's `decode` returns: success, or where in the body and what went wrong.
class [[nodiscard]] decode_status {
 public:
  /// Success.
  decode_status() noexcept = default;
  decode_status(std::string where, std::string what) : ok_(false), where_(std::move(where)), what_(std::move(what)) {}

  explicit operator bool() const noexcept { return ok_; }
  std::string const& where() const noexcept { return where_; }
  std::string const& what() const noexcept { return what_; }

 private:
  bool ok_ = true;
  std::string where_;
  std::string what_;
};

/// What a Serializer's `encode` returns: success, or a static phrase saying why the value cannot be
/// written (it completes "the body ...").
class [[nodiscard]] encode_status {
 public:
  constexpr encode_status() noexcept = default;
  constexpr explicit encode_status(std::string_view problem) noexcept : problem_(problem) {}

  constexpr explicit operator bool() const noexcept { return problem_.empty(); }
  constexpr std::string_view problem() const noexcept { return problem_; }

 private:
  std::string_view problem_;
};

}  // namespace apidecl

#endif
