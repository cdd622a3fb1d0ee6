#ifndef APIDECL_SERIALIZER_CODEC_RESULT_HPP
#define APIDECL_SERIALIZER_CODEC_RESULT_HPP

#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace apidecl {

/// What a Serializer's `decode` returns: success, or where in the body and what went wrong.
/// Success is one null pointer, cheap to return and move field by field; only a failure holds text.
class [[nodiscard]] decode_result {
 public:
  /// Success.
  decode_result() noexcept = default;
  decode_result(std::string where, std::string what)
      : problem_(std::make_unique<problem>(problem{std::move(where), std::move(what)})) {}

  decode_result(decode_result const& other)
      : problem_(other.problem_ ? std::make_unique<problem>(*other.problem_) : nullptr) {}
  decode_result& operator=(decode_result const& other) {
    if (this != &other) problem_ = other.problem_ ? std::make_unique<problem>(*other.problem_) : nullptr;
    return *this;
  }
  decode_result(decode_result&&) noexcept = default;
  decode_result& operator=(decode_result&&) noexcept = default;
  ~decode_result() = default;

  explicit operator bool() const noexcept { return problem_ == nullptr; }
  /// Empty on success.
  std::string const& where() const noexcept { return problem_ ? problem_->where : no_text(); }
  std::string const& what() const noexcept { return problem_ ? problem_->what : no_text(); }

 private:
  struct problem {
    std::string where;
    std::string what;
  };
  static std::string const& no_text() noexcept {
    static std::string const empty;
    return empty;
  }

  std::unique_ptr<problem> problem_;
};

/// What a Serializer's `encode` returns: success, or a static phrase saying why the value cannot be
/// written (it completes "the body ...").
class [[nodiscard]] encode_result {
 public:
  constexpr encode_result() noexcept = default;
  constexpr explicit encode_result(std::string_view problem) noexcept : problem_(problem) {}

  constexpr explicit operator bool() const noexcept { return problem_.empty(); }
  constexpr std::string_view problem() const noexcept { return problem_; }

 private:
  std::string_view problem_;
};

}  // namespace apidecl

#endif
