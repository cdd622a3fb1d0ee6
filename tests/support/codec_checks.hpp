// Helpers the serializer tests share: encode or decode with a given serializer, REQUIRE-ing
// success, or CHECK that a decode is refused and hand back why.
#ifndef APIDECL_TESTS_SUPPORT_CODEC_CHECKS_HPP
#define APIDECL_TESTS_SUPPORT_CODEC_CHECKS_HPP

#include <catch2/catch.hpp>

#include <apidecl/serializer/codec_result.hpp>
#include <apidecl/core/writer.hpp>

#include <string>
#include <string_view>

namespace test_support {

template <class Serializer, class T>
std::string encoded_by(Serializer const& serializer, T const& value) {
  std::string out(4096, '\0');
  apidecl::writer w(out.data(), out.size());
  apidecl::encode_result status = serializer.encode(value, w);
  if (status && w.overflowed()) {  // the writer counted what was needed: encode again into that
    out.assign(w.size(), '\0');
    apidecl::writer again(out.data(), out.size());
    status = serializer.encode(value, again);
    w = again;
  }
  INFO("encode: " << status.problem());
  REQUIRE(status);
  REQUIRE_FALSE(w.overflowed());
  out.resize(w.size());
  return out;
}

template <class T, class Serializer>
T decoded_by(Serializer const& serializer, std::string_view text) {
  T target{};
  apidecl::decode_result const status = serializer.decode(text, target);
  INFO("decode: " << status.where() << ": " << status.what());
  REQUIRE(status);
  return target;
}

template <class T, class Serializer>
apidecl::decode_result refused_by(Serializer const& serializer, std::string_view text) {
  T target{};
  apidecl::decode_result status = serializer.decode(text, target);
  CHECK_FALSE(status);
  return status;
}

}  // namespace test_support

#endif
