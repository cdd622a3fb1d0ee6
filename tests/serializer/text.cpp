// text_serializer and octet_serializer: bodies as the bytes of a std::string, both ways.
#include <catch2/catch.hpp>

#include <apidecl/core/build.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/serializer/serializer.hpp>
#include <apidecl/serializer/serializer_set.hpp>
#include <apidecl/serializer/text.hpp>

#include <array>
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

namespace text_test {
// An upload whose service wants no Content-Type, and its twin that names one.
struct upload_unlabeled {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/upload";
  using body = apidecl::request_body<std::string, apidecl::unlabeled_bytes>;
  using responses = apidecl::responses<apidecl::on<204>>;
};
struct upload_labeled {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/upload";
  using body = apidecl::request_body<std::string, apidecl::octet_stream>;
  using responses = apidecl::responses<apidecl::on<204>>;
};
}  // namespace text_test

TEST_CASE("a body of unlabeled bytes is sent with no Content-Type", "[serializer][text]") {
  std::array<char, 256> buffer;
  std::string const media("\x00\x01RIFF", 6);
  auto const unlabeled = apidecl::build(text_test::upload_unlabeled{}, buffer,
                                        apidecl::serializer_set{apidecl::unlabeled_serializer{}}, apidecl::body = media);
  REQUIRE(unlabeled);
  CHECK(unlabeled->body() == media);
  CHECK_FALSE(unlabeled->headers().find("Content-Type"));

  std::array<char, 256> other;
  auto const labeled = apidecl::build(text_test::upload_labeled{}, other,
                                      apidecl::serializer_set{apidecl::octet_serializer{}}, apidecl::body = media);
  REQUIRE(labeled);
  CHECK(labeled->headers().find("Content-Type") == std::optional<std::string_view>("application/octet-stream"));
}
