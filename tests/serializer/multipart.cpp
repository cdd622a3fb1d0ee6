// multipart_serializer: multipart/form-data bodies, a part per field, with a boundary that never
// occurs in the content, escaped names, and no heap when the fields are views.
#include <catch2/catch.hpp>

#include "../support/allocation_counter.hpp"
#include "../support/codec_checks.hpp"

#include <apidecl/core/build.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/method.hpp>
#include <apidecl/serializer/multipart.hpp>
#include <apidecl/serializer/serializer.hpp>
#include <apidecl/types/enum_names.hpp>

#include <boost/hana/define_struct.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace multipart_test {

enum class fidelity { mechanical, professional };
constexpr auto enum_names(fidelity) noexcept {
  return std::array{apidecl::enum_name{fidelity::mechanical, "MECHANICAL"},
                    apidecl::enum_name{fidelity::professional, "PROFESSIONAL"}};
}

struct upload {
  BOOST_HANA_DEFINE_STRUCT(upload, (std::string, title), (int, year), (std::optional<fidelity>, level),
                           (std::vector<std::string>, tags), (apidecl::file_part, media));
  static constexpr apidecl::wire_name wire_names[] = {{"media", "media_file"}};
};

struct embedded_upload {
  BOOST_HANA_DEFINE_STRUCT(embedded_upload, (std::string_view, title), (apidecl::file_part_view, media));
};

struct with_optional_list {
  BOOST_HANA_DEFINE_STRUCT(with_optional_list, (std::optional<std::vector<int>>, ids));
};

struct one_field {
  BOOST_HANA_DEFINE_STRUCT(one_field, (std::string, value));
};

struct add_media {  // POST /media
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/media";
  using body = apidecl::request_body<embedded_upload, apidecl::multipart_form_data>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

}  // namespace multipart_test

using namespace multipart_test;

static_assert(apidecl::is_serializer_v<apidecl::multipart_serializer>);
static_assert(apidecl::can_encode_v<apidecl::multipart_serializer, upload>);
static_assert(apidecl::can_encode_v<apidecl::multipart_serializer, embedded_upload>);
static_assert(!apidecl::can_encode_v<apidecl::multipart_serializer, std::string>, "a body is a struct of parts");
static_assert(!apidecl::can_decode_v<apidecl::multipart_serializer, upload>, "encoding only");

template <class T>
static std::string encoded(T const& value) {
  return test_support::encoded_by(apidecl::multipart_serializer{}, value);
}

// The boundary a body starts with: "--", the boundary (24 characters), then CRLF, or "--" if the
// body has no part.
static std::string_view boundary_of(std::string_view body) {
  REQUIRE(body.size() >= 28);
  REQUIRE(body.substr(0, 2) == "--");
  REQUIRE((body.substr(26, 2) == "\r\n" || body.substr(26, 2) == "--"));
  return body.substr(2, 24);
}

TEST_CASE("each field is a part named by its wire name, a file with its filename and media type",
          "[serializer][multipart]") {
  upload const value{"Talk", 2024, fidelity::professional, {"a", "b"}, {std::string("\x00\xff bytes", 8), "talk.mp4", "video/mp4"}};
  std::string const body = encoded(value);
  std::string const b(boundary_of(body));

  CHECK(body == "--" + b + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nTalk\r\n" +
                    "--" + b + "\r\nContent-Disposition: form-data; name=\"year\"\r\n\r\n2024\r\n" +
                    "--" + b + "\r\nContent-Disposition: form-data; name=\"level\"\r\n\r\nPROFESSIONAL\r\n" +
                    "--" + b + "\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\na\r\n" +
                    "--" + b + "\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\nb\r\n" +
                    "--" + b + "\r\nContent-Disposition: form-data; name=\"media_file\"; filename=\"talk.mp4\"\r\n" +
                    "Content-Type: video/mp4\r\n\r\n" + std::string("\x00\xff bytes", 8) + "\r\n" +
                    "--" + b + "--\r\n");
  CHECK(b.rfind("apidecl-", 0) == 0);
}

TEST_CASE("an absent optional field and an empty vector send no part", "[serializer][multipart]") {
  upload const value{"Talk", 1, std::nullopt, {}, {"x", "x.bin"}};
  std::string const body = encoded(value);

  CHECK(body.find("name=\"level\"") == std::string::npos);
  CHECK(body.find("name=\"tags\"") == std::string::npos);
  CHECK(body.find("Content-Type: application/octet-stream\r\n") != std::string::npos);
}

TEST_CASE("an optional vector sends a part per element, or none when absent", "[serializer][multipart]") {
  std::string const body = encoded(with_optional_list{std::vector<int>{4, 5}});
  std::string const b(boundary_of(body));
  CHECK(body == "--" + b + "\r\nContent-Disposition: form-data; name=\"ids\"\r\n\r\n4\r\n--" + b +
                    "\r\nContent-Disposition: form-data; name=\"ids\"\r\n\r\n5\r\n--" + b + "--\r\n");
  std::string const none = encoded(with_optional_list{std::nullopt});
  CHECK(none == "--" + std::string(boundary_of(none)) + "--\r\n");
}

TEST_CASE("a part holding the boundary the encoder would choose makes it choose another", "[serializer][multipart]") {
  one_field const first{"some content"};
  std::string const chosen(boundary_of(encoded(first)));

  // The same value with the first boundary inside: the hash changes, and whatever is chosen, the
  // body's boundary occurs nowhere in the content.
  for (std::string const& hostile : {chosen, "--" + chosen + "\r\n", "\r\n--" + chosen + "--"}) {
    one_field const value{hostile};
    std::string const body = encoded(value);
    std::string const b(boundary_of(body));
    CHECK(hostile.find(b) == std::string::npos);
    CHECK(body == "--" + b + "\r\nContent-Disposition: form-data; name=\"value\"\r\n\r\n" + hostile + "\r\n--" + b +
                      "--\r\n");
  }
}

TEST_CASE("the same content always gets the same boundary", "[serializer][multipart]") {
  one_field const value{"stable"};
  CHECK(encoded(value) == encoded(value));
  CHECK(boundary_of(encoded(value)) != boundary_of(encoded(one_field{"other"})));
}

TEST_CASE("quotes, CR and LF in a name or filename are escaped and cannot start a header or a part",
          "[serializer][multipart]") {
  embedded_upload const value{"t", {"bytes", "evil\"; name=\"x\r\nContent-Type: text/html\r\n\r\n.txt", "text/plain"}};
  std::string const body = encoded(value);

  CHECK(body.find("filename=\"evil%22; name=%22x%0D%0AContent-Type: text/html%0D%0A%0D%0A.txt\"\r\n"
                  "Content-Type: text/plain\r\n\r\nbytes\r\n") != std::string::npos);
  CHECK(body.find("\r\nContent-Type: text/html") == std::string::npos);
}

TEST_CASE("a file's media type with a line break, or none, is refused", "[serializer][multipart]") {
  for (std::string_view bad : {"text/plain\r\nX-Injected: 1", "text/plain\n", ""}) {
    embedded_upload const value{"t", {"bytes", "a.txt", bad}};
    char buffer[512];
    apidecl::writer out(buffer, sizeof buffer);
    apidecl::encode_result const status = apidecl::multipart_serializer{}.encode(value, out);
    REQUIRE_FALSE(status);
    CHECK(status.problem() == "holds a file part whose media type is empty or holds a line break");
    CHECK(out.size() == 0);
  }
}

TEST_CASE("an enum value without a name is refused before anything is written", "[serializer][multipart]") {
  upload const value{"t", 1, static_cast<fidelity>(7), {}, {}};
  char buffer[512];
  apidecl::writer out(buffer, sizeof buffer);
  apidecl::encode_result const status = apidecl::multipart_serializer{}.encode(value, out);
  REQUIRE_FALSE(status);
  CHECK(status.problem() == "holds an enum value that has no name in enum_names");
  CHECK(out.size() == 0);
}

TEST_CASE("a request sets Content-Type with the body's boundary, in a caller's buffer without the heap",
          "[serializer][multipart]") {
  static char const media[] = "\x89PNG\r\n\x1a\n";
  embedded_upload const value{"cover", {std::string_view(media, 8), "cover.png", "image/png"}};
  std::array<char, 1024> buffer{};

  test_support::allocation_counter allocations;
  auto const built = apidecl::build(add_media{}, buffer, apidecl::serializer_set{apidecl::multipart_serializer{}},
                                    apidecl::body = value);
  long const made = allocations.stop();

  REQUIRE(built);
  CHECK(made == 0);
  std::string_view const b = boundary_of(built->body());
  CHECK(built->headers().text() == "Content-Type: multipart/form-data; boundary=" + std::string(b) + "\r\n");
  CHECK(built->body().find(std::string_view(media, 8)) != std::string_view::npos);
}

TEST_CASE("a buffer too small reports the size the request needed, boundary parameter included",
          "[serializer][multipart]") {
  embedded_upload const value{"cover", {"bytes", "a.bin", "application/octet-stream"}};
  for (std::size_t capacity : {std::size_t{4}, std::size_t{40}, std::size_t{200}}) {
    std::vector<char> small(capacity);
    auto const refused = apidecl::build(add_media{}, small, apidecl::serializer_set{apidecl::multipart_serializer{}},
                                        apidecl::body = value);
    REQUIRE_FALSE(refused);
    REQUIRE(refused.error().code == apidecl::validation_error::code::request_too_large);

    std::vector<char> exact(refused.error().needed);
    auto const built = apidecl::build(add_media{}, exact, apidecl::serializer_set{apidecl::multipart_serializer{}},
                                      apidecl::body = value);
    REQUIRE(built);
    CHECK(built->body().size() + built->target().size() + built->headers().text().size() == exact.size());
  }
}
