#ifndef APIDECL_SERIALIZER_ENCODED_TEXT_HPP
#define APIDECL_SERIALIZER_ENCODED_TEXT_HPP

#include <apidecl/core/writer.hpp>
#include <apidecl/serializer/codec_result.hpp>
#include <apidecl/serializer/serializer.hpp>

#include <string>
#include <string_view>
#include <utility>

/// A value encoded by a Serializer and passed as the text of a parameter: cielo24's
/// `options={"notes":"..."}` is a JSON object inside a query string.
///
///     auto options = apidecl::encode_text(apidecl::boost_json_serializer{}, my_options);
///     if (!options) return;                 // options.problem() says why it could not be encoded
///     api.call(endpoint, options_keyword = options);   // percent-encoded like any text
///
/// Encoding happens before the call, so the parameter stays an ordinary text parameter: its
/// constraints see the encoded text, and a failed encoding (empty text) is refused by a parameter
/// that requires a non-empty value.
namespace apidecl {

/// The text a Serializer made of a value, or why it could not.
class encoded_text {
 public:
  encoded_text(std::string text, encode_result result) : text_(std::move(text)), result_(result) {}

  explicit operator bool() const noexcept { return static_cast<bool>(result_); }
  /// Why the value could not be encoded (empty on success), completing "the body ...".
  std::string_view problem() const noexcept { return result_.problem(); }

  /// The encoded text; empty if encoding failed.
  std::string_view text() const noexcept { return text_; }
  operator std::string_view() const noexcept { return text_; }  // NOLINT: a text argument as is

 private:
  std::string text_;
  encode_result result_;
};

/// `value` encoded by `serializer`, which must be able to encode a `T`.
template <class Serializer, class T>
encoded_text encode_text(Serializer const& serializer, T const& value) {
  static_assert(can_encode_v<Serializer, T>, "apidecl: encode_text(serializer, value) needs a serializer that encodes the value's type");
  char small[256];  // most option objects fit, and then need only one pass
  writer out(small, sizeof small);
  encode_result result = serializer.encode(value, out);
  if (!result) return {std::string(), result};
  if (!out.overflowed()) return {std::string(small, out.size()), result};
  std::string text(out.size(), '\0');
  writer again(text.data(), text.size());
  result = serializer.encode(value, again);
  if (!result) return {std::string(), result};
  return {std::move(text), result};
}

}  // namespace apidecl

#endif
