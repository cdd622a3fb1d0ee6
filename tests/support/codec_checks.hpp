// Helpers the serializer tests share: encode or decode with a given serializer, REQUIRE-ing
// success, or CHECK that a decode is refused and hand back why.
#ifndef APIDECL_TESTS_SUPPORT_CODEC_CHECKS_HPP
#define APIDECL_TESTS_SUPPORT_CODEC_CHECKS_HPP

#include "encode_growing.hpp"

#include <catch2/catch.hpp>

#include <apidecl/serializer/codec_result.hpp>

#include <string>
#include <string_view>

namespace test_support {

template <class Serializer, class T>
std::string encoded_by(Serializer const& serializer, T const& value) {
  encoding encoded = encode_growing(serializer, value);
  INFO("encode: " << encoded.status.problem());
  REQUIRE(encoded.status);
  REQUIRE_FALSE(encoded.overflowed_again);
  return std::move(encoded.text);
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
