// What the body decoders' fuzz targets check, whatever the format: a failed decode says what went
// wrong; a body that decodes and can be encoded again encodes to text that decodes and encodes to
// the same text (decode, encode, decode is stable). Encoding may refuse what decoding accepted
// only for the reasons its serializer documents (non-finite numbers, text XML cannot carry), so a
// refusal is not a failure here.
#ifndef APIDECL_FUZZ_BODY_ROUND_TRIP_HPP
#define APIDECL_FUZZ_BODY_ROUND_TRIP_HPP

#include "check.hpp"

#include <apidecl/core/writer.hpp>
#include <apidecl/serializer/codec_result.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace fuzz {

template <class Serializer, class T>
std::optional<std::string> encoded(Serializer const& serializer, T const& value) {
  std::string out(4096, '\0');
  apidecl::writer w(out.data(), out.size());
  apidecl::encode_result status = serializer.encode(value, w);
  if (status && w.overflowed()) {  // the writer counted the size needed
    out.assign(w.size(), '\0');
    apidecl::writer again(out.data(), out.size());
    status = serializer.encode(value, again);
    APIDECL_FUZZ_CHECK(!again.overflowed());
    w = again;
  }
  if (!status) {
    APIDECL_FUZZ_CHECK(!status.problem().empty());
    return std::nullopt;
  }
  out.resize(w.size());
  return out;
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
