// What the body decoders' fuzz targets check, whatever the format: a failed decode says what went
// wrong; a body that decodes and can be encoded again encodes to text that decodes and encodes to
// the same text (decode, encode, decode is stable). Encoding may refuse what decoding accepted
// only for the reasons its serializer documents (non-finite numbers, text XML cannot carry), so a
// refusal is not a failure here.
#ifndef APIDECL_FUZZ_BODY_ROUND_TRIP_HPP
#define APIDECL_FUZZ_BODY_ROUND_TRIP_HPP

#include "check.hpp"
#include "../tests/support/encode_growing.hpp"


#include <optional>
#include <string>
#include <string_view>

namespace fuzz {

template <class Serializer, class T>
std::optional<std::string> encoded(Serializer const& serializer, T const& value) {
  test_support::encoding encoded = test_support::encode_growing(serializer, value);
  APIDECL_FUZZ_CHECK(!encoded.overflowed_again);
  if (!encoded.status) {
    APIDECL_FUZZ_CHECK(!encoded.status.problem().empty());
    return std::nullopt;
  }
  return std::move(encoded.text);
}

template <class T, class Serializer>
void check_round_trip(Serializer const& serializer, std::string_view text) {
  T value{};
  apidecl::decode_result const decoded = serializer.decode(text, value);
  if (!decoded) {
    APIDECL_FUZZ_CHECK(!decoded.what().empty());
    return;
  }
  std::optional<std::string> const once = encoded(serializer, value);
  if (!once) return;
  T again{};
  apidecl::decode_result const redecoded = serializer.decode(*once, again);
  APIDECL_FUZZ_CHECK(redecoded);
  std::optional<std::string> const twice = encoded(serializer, again);
  APIDECL_FUZZ_CHECK(twice && *twice == *once);
}

}  // namespace fuzz

#endif
