// text_serializer and octet_serializer: bodies as the bytes of a std::string, both ways.
#include <catch2/catch.hpp>

#include <apidecl/serializer/serializer.hpp>
#include <apidecl/serializer/text.hpp>

#include <string>

static_assert(apidecl::is_serializer_v<apidecl::text_serializer>);
static_assert(apidecl::is_serializer_v<apidecl::octet_serializer>);
static_assert(apidecl::can_encode_v<apidecl::text_serializer, std::string>);
static_assert(apidecl::can_decode_v<apidecl::octet_serializer, std::string>);
static_assert(!apidecl::can_decode_v<apidecl::text_serializer, int>, "only strings: nothing is parsed");

TEST_CASE("the text serializers name their media types", "[serializer][text]") {
  STATIC_REQUIRE(apidecl::text_serializer::media_type::name == "text/plain");
  STATIC_REQUIRE(apidecl::octet_serializer::media_type::name == "application/octet-stream");
}

TEST_CASE("decoding keeps every byte, NULs and line endings included", "[serializer][text]") {
  std::string const bytes("WEBVTT\r\n\r\n\x00\xff end", 16);
  std::string target = "old content";

  REQUIRE(apidecl::octet_serializer{}.decode(bytes, target));

  CHECK(target == bytes);
}

TEST_CASE("encoding appends the string and reports the size a small buffer needed", "[serializer][text]") {
  char buffer[4];
  apidecl::writer out(buffer, sizeof buffer);

  REQUIRE(apidecl::text_serializer{}.encode(std::string("hello"), out));

  CHECK(out.overflowed());
  CHECK(out.size() == 5);
  CHECK(std::string(buffer, 4) == "hell");
}
