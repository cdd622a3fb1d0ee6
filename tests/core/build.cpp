// Building requests into caller-owned buffers: the exact bytes, the run-time checks, the size
// reported when the buffer is too small, and no heap allocation.
#include <catch2/catch.hpp>

#include "../support/allocation_counter.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/core/build.hpp>
#include <apidecl/serializer/codec_result.hpp>
#include <apidecl/core/failure.hpp>
#include <apidecl/core/percent_encoding.hpp>
#include <apidecl/core/writer.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace c24 = apidecl::cielo24;

namespace build_test {

constexpr std::string_view token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr std::string_view job = "64bea283eff6475ea6596027a6ba0929";

// The request lines of the cielo24 documentation's examples.
constexpr std::string_view authorize_seed =
    "GET /api/job/authorize?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f&job_id=64bea283eff6475ea6596027a6ba0929 "
    "HTTP/1.1";
constexpr std::string_view delete_seed =
    "GET /api/job/delete?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f&job_id=64bea283eff6475ea6596027a6ba0929 "
    "HTTP/1.1";

std::string request_line(apidecl::request const& r) {
  return std::string(r.method_name()) + " " + std::string(r.target()) + " HTTP/1.1";
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (;;) {
    std::size_t const at = text.find(separator);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + 1);
  }
}

std::string decoded(std::string_view text) {
  std::string out(text.size(), '\0');
  apidecl::writer w(out.data(), out.size());
  REQUIRE(apidecl::percent_decode(text, w));
  out.resize(w.size());
  return out;
}

// --- a user-declared API ---------------------------------------------------------------------
struct folder : apidecl::path_param<std::string_view> {
  static constexpr std::string_view name = "folder";
};
struct file : apidecl::path_param<std::string_view> {
  static constexpr std::string_view name = "file";
};
struct search : apidecl::query<std::string_view> {
  static constexpr std::string_view name = "q";
};
struct tag : apidecl::query<std::string_view, apidecl::optional> {
  static constexpr std::string_view name = "tag";
};
struct format : apidecl::query<std::string_view, apidecl::defaulted> {
  static constexpr std::string_view name = "format";
  static constexpr std::string_view default_value = "json";
};
struct page_size : apidecl::query<int, apidecl::defaulted, apidecl::length<1, 3>> {
  static constexpr std::string_view name = "page_size";
  static constexpr int default_value = 20;
};
struct offset : apidecl::query<long long, apidecl::optional> {
  static constexpr std::string_view name = "offset";
};
struct limit : apidecl::query<unsigned long long, apidecl::optional> {
  static constexpr std::string_view name = "limit";
};
struct verbose : apidecl::query<bool, apidecl::optional> {
  static constexpr std::string_view name = "verbose";
};
struct deep : apidecl::query<bool, apidecl::defaulted> {
  static constexpr std::string_view name = "deep";
  static constexpr bool default_value = false;
};
struct api_version : apidecl::query<std::string_view, apidecl::fixed> {
  static constexpr std::string_view name = "v";
  static constexpr std::string_view value = "3";
};
struct request_id : apidecl::header<std::string_view, apidecl::optional> {
  static constexpr std::string_view name = "X-Request-Id";
};
struct attempt : apidecl::header<int, apidecl::defaulted> {
  static constexpr std::string_view name = "X-Attempt";
  static constexpr int default_value = 1;
};

inline constexpr apidecl::keyword<folder> folder_arg{};
inline constexpr apidecl::keyword<file> file_arg{};
inline constexpr apidecl::keyword<search> search_arg{};
inline constexpr apidecl::keyword<tag> tag_arg{};
inline constexpr apidecl::keyword<format> format_arg{};
inline constexpr apidecl::keyword<page_size> page_size_arg{};
inline constexpr apidecl::keyword<offset> offset_arg{};
inline constexpr apidecl::keyword<limit> limit_arg{};
inline constexpr apidecl::keyword<verbose> verbose_arg{};
inline constexpr apidecl::keyword<deep> deep_arg{};
inline constexpr apidecl::keyword<request_id> request_id_arg{};
inline constexpr apidecl::keyword<attempt> attempt_arg{};

struct listing {};

struct find_files {  // GET /v3/folders/{folder}/files/{file}?v=3&q=...&tag=...&format=...&...
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v3/folders/{folder}/files/{file}";
  using params = apidecl::params<folder, file, api_version, search, tag, format, page_size, offset, limit, verbose,
                                 deep, request_id, attempt>;
  using responses = apidecl::responses<apidecl::on<200, listing, apidecl::json>>;
};

struct ping {
  static constexpr apidecl::method method = apidecl::method::options;
  static constexpr std::string_view path = "/ping";
  using responses = apidecl::responses<apidecl::on<204>>;
};

// A POST with a body, and a tiny serializer for a media type of the test's own.
struct widget {
  std::string_view name;
  int size = 0;
};

struct line_media {
  static constexpr std::string_view name = "text/x-apidecl-line";
};

struct line_serializer {
  using media_type = line_media;
  apidecl::encode_result encode(widget const& w, apidecl::writer& out) const noexcept {
    if (w.name.empty()) return apidecl::encode_result("has no name");
    out.append("name=");
    out.append(w.name);
    out.append(";size=");
    out.push_back(static_cast<char>('0' + w.size % 10));
    return {};
  }
  template <class T>
  apidecl::decode_result decode(std::string_view, T&) const {
    return {};
  }
};

struct create_widget {  // POST /v2/shops/{shop}/widgets
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/v2/shops/{folder}/widgets";
  using params = apidecl::params<folder, request_id>;
  using body = apidecl::request_body<widget, line_media>;
  using responses = apidecl::responses<apidecl::on<201>>;
};

template <std::size_t N>
bool all_bytes_are(std::array<char, N> const& buffer, char c) {
  for (char b : buffer)
    if (b != c) return false;
  return true;
}

}  // namespace build_test

using namespace build_test;

TEST_CASE("authorize_job builds the documented request line", "[core][build]") {
  std::array<char, 256> buffer{};
  auto const built = apidecl::build(c24::authorize_job, buffer, c24::api_token = token, c24::job_id = job);
  REQUIRE(built);
  CHECK(request_line(*built) == authorize_seed);
  CHECK(built->method() == apidecl::method::get);
  CHECK(built->path() == "/api/job/authorize");
  CHECK(built->query() == "v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f&job_id=64bea283eff6475ea6596027a6ba0929");
  CHECK(built->headers().empty());
  CHECK(built->body().empty());
}

TEST_CASE("delete_job builds the documented request line", "[core][build]") {
  std::array<char, 256> buffer{};
  auto const built = apidecl::build(c24::delete_job, buffer, c24::api_token = token, c24::job_id = job);
  REQUIRE(built);
  CHECK(request_line(*built) == delete_seed);
  CHECK(built->headers().empty());
  CHECK(built->body().empty());
}

TEST_CASE("the request's views point into the caller's buffer", "[core][build]") {
  std::array<char, 256> buffer{};
  auto const built = apidecl::build(c24::delete_job, buffer, c24::api_token = token, c24::job_id = job);
  REQUIRE(built);
  char const* const begin = buffer.data();
  char const* const end = buffer.data() + buffer.size();
  CHECK(built->target().data() >= begin);
  CHECK(built->target().data() + built->target().size() <= end);
}

TEST_CASE("requests build into a C array, a std::array and a std::vector alike", "[core][build]") {
  char c_array[200];
  std::array<char, 200> std_array;
  std::vector<char> vector(200);
  std::string token_text(token);  // arguments may be any text: std::string, views, literals
  auto const a = apidecl::build(c24::authorize_job, c_array, c24::api_token = token_text, c24::job_id = job);
  auto const b = apidecl::build(c24::authorize_job, std_array, c24::api_token = token_text.c_str(),
                                c24::job_id = "64bea283eff6475ea6596027a6ba0929");
  auto const c = apidecl::build(c24::authorize_job, vector, c24::api_token = token, c24::job_id = std::string(job));
  REQUIRE(a);
  REQUIRE(b);
  REQUIRE(c);
  CHECK(request_line(*a) == authorize_seed);
  CHECK(request_line(*b) == authorize_seed);
  CHECK(request_line(*c) == authorize_seed);
}

TEST_CASE("arguments in any order give the same target", "[core][build]") {
  std::array<char, 256> first{};
  std::array<char, 256> second{};
  auto const a = apidecl::build(c24::delete_job, first, c24::api_token = token, c24::job_id = job);
  auto const b = apidecl::build(c24::delete_job, second, c24::job_id = job, c24::api_token = token);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->target() == b->target());
  CHECK(request_line(*b) == delete_seed);

  std::array<char, 512> third{};
  std::array<char, 512> fourth{};
  auto const c = apidecl::build(find_files{}, third, folder_arg = "f", file_arg = "x", search_arg = "s",
                                tag_arg = "t", verbose_arg = true, request_id_arg = "r");
  auto const d = apidecl::build(find_files{}, fourth, request_id_arg = "r", verbose_arg = true, tag_arg = "t",
                                search_arg = "s", file_arg = "x", folder_arg = "f");
  REQUIRE(c);
  REQUIRE(d);
  CHECK(c->target() == d->target());
  CHECK(c->headers().text() == d->headers().text());
}

TEST_CASE("query parameters follow the declaration order, with fixed and defaulted values filled in",
          "[core][build]") {
  std::array<char, 512> buffer{};
  auto const built = apidecl::build(find_files{}, buffer, folder_arg = "docs", file_arg = "a.txt", search_arg = "x");
  REQUIRE(built);
  CHECK(built->target() == "/v3/folders/docs/files/a.txt?v=3&q=x&format=json&page_size=20&deep=false");
}

TEST_CASE("path and query values holding URL syntax or non-ASCII bytes cannot change the request's structure",
          "[core][build]") {
  std::string_view const hostile = "a&b#c/d?e=f g+h%i\xC3\xA9";
  std::string_view const hostile_encoded = "a%26b%23c%2Fd%3Fe%3Df%20g%2Bh%25i%C3%A9";
  std::array<char, 1024> buffer{};
  auto const built = apidecl::build(find_files{}, buffer, folder_arg = hostile, file_arg = "../etc/passwd",
                                    search_arg = hostile, tag_arg = "x&tag=y");
  REQUIRE(built);

  CHECK(built->path() == std::string("/v3/folders/") + std::string(hostile_encoded) + "/files/..%2Fetc%2Fpasswd");
  CHECK(split(built->path(), '/').size() == 6);  // "", v3, folders, <folder>, files, <file>
  CHECK(built->target().find('#') == std::string_view::npos);
  CHECK(built->target().find(' ') == std::string_view::npos);
  CHECK(std::count(built->target().begin(), built->target().end(), '?') == 1);

  std::vector<std::string_view> const fields = split(built->query(), '&');
  std::vector<std::string> names;
  for (std::string_view field : fields) {
    std::vector<std::string_view> const name_value = split(field, '=');
    REQUIRE(name_value.size() == 2);
    names.push_back(std::string(name_value[0]));
  }
  CHECK(names == std::vector<std::string>{"v", "q", "tag", "format", "page_size", "deep"});
  CHECK(fields[1] == std::string("q=") + std::string(hostile_encoded));
  CHECK(decoded(fields[1].substr(2)) == hostile);
  CHECK(decoded(fields[2].substr(4)) == "x&tag=y");
  for (char c : built->target()) CHECK(static_cast<unsigned char>(c) < 0x80);
}

TEST_CASE("an empty, '.' or '..' path value is refused, naming the parameter, and nothing is written; "
          "a query value may be any of them",
          "[core][build]") {
  // Percent-encoding keeps '.', so "/v3/folders/../files/x" would reach another resource.
  for (std::string_view bad : {std::string_view(""), std::string_view("."), std::string_view("..")}) {
    INFO("value: \"" << bad << "\"");
    std::array<char, 512> buffer;
    buffer.fill('#');
    auto const as_folder = apidecl::build(find_files{}, buffer, folder_arg = bad, file_arg = "x", search_arg = "s");
    REQUIRE_FALSE(as_folder);
    CHECK(as_folder.error().code == apidecl::validation_error::code::invalid_argument);
    CHECK(as_folder.error().parameter == "folder");
    CHECK(as_folder.error().problem == "is empty, '.' or '..', which would change the path");
    CHECK(apidecl::failure(as_folder.error()).message() ==
          "invalid request: parameter 'folder' is empty, '.' or '..', which would change the path");
    auto const as_file = apidecl::build(find_files{}, buffer, folder_arg = "f", file_arg = bad, search_arg = "s");
    REQUIRE_FALSE(as_file);
    CHECK(as_file.error().parameter == "file");
    auto const with_body = apidecl::build(create_widget{}, buffer, apidecl::serializer_set{line_serializer{}},
                                          apidecl::body = widget{"gear", 3}, folder_arg = bad);
    REQUIRE_FALSE(with_body);
    CHECK(with_body.error().parameter == "folder");
    CHECK(all_bytes_are(buffer, '#'));

    auto const in_query = apidecl::build(find_files{}, buffer, folder_arg = "f", file_arg = "x", search_arg = bad);
    REQUIRE(in_query);
    CHECK(in_query->query() == "v=3&q=" + std::string(bad) + "&format=json&page_size=20&deep=false");
  }
}

TEST_CASE("a path value that is more than a dot segment is sent, each reserved or non-ASCII byte encoded",
          "[core][build]") {
  struct expected_encoding {
    std::string_view value;
    std::string_view encoded;
  };
  expected_encoding const cases[] = {
      {"...", "..."}, {".a", ".a"}, {"a.", "a."}, {"a..b", "a..b"}, {"%2e", "%252e"}, {"%2e%2e", "%252e%252e"},
      {"a/../b", "a%2F..%2Fb"}, {"../", "..%2F"}, {"/", "%2F"}, {"?", "%3F"}, {"#", "%23"}, {"&", "%26"},
      {"=", "%3D"}, {"\xC3\xA9", "%C3%A9"}, {"\x80\xFF", "%80%FF"}};
  for (expected_encoding const& c : cases) {
    INFO("value: \"" << c.value << "\"");
    std::array<char, 512> buffer{};
    auto const built = apidecl::build(find_files{}, buffer, folder_arg = c.value, file_arg = "x", search_arg = "s");
    REQUIRE(built);
    CHECK(built->path() == std::string("/v3/folders/") + std::string(c.encoded) + "/files/x");
    CHECK(decoded(c.encoded) == c.value);
  }
}

TEST_CASE("optional parameters left out do not appear at all", "[core][build]") {
  std::array<char, 512> buffer{};
  auto const built = apidecl::build(find_files{}, buffer, folder_arg = "f", file_arg = "x", search_arg = "s");
  REQUIRE(built);
  CHECK(built->query().find("tag") == std::string_view::npos);
  CHECK(built->query().find("offset") == std::string_view::npos);
  CHECK(built->query().find("limit") == std::string_view::npos);
  CHECK(built->query().find("verbose") == std::string_view::npos);
  CHECK_FALSE(built->headers().find("X-Request-Id"));
}

TEST_CASE("an optional parameter given an empty value is sent empty", "[core][build]") {
  std::array<char, 512> buffer{};
  auto const built = apidecl::build(find_files{}, buffer, folder_arg = "f", file_arg = "x", search_arg = "",
                                    tag_arg = "");
  REQUIRE(built);
  CHECK(built->query() == "v=3&q=&tag=&format=json&page_size=20&deep=false");
}

TEST_CASE("defaulted parameters given a value send that value instead", "[core][build]") {
  std::array<char, 512> buffer{};
  auto const built = apidecl::build(find_files{}, buffer, folder_arg = "f", file_arg = "x", search_arg = "s",
                                    format_arg = "xml", page_size_arg = 100, deep_arg = true, attempt_arg = 3);
  REQUIRE(built);
  CHECK(built->query() == "v=3&q=s&format=xml&page_size=100&deep=true");
  REQUIRE(built->headers().find("x-attempt"));
  CHECK(*built->headers().find("x-attempt") == "3");
}

TEST_CASE("integer and bool parameters are written as decimal digits and true/false", "[core][build]") {
  std::array<char, 512> buffer{};
  auto const built = apidecl::build(find_files{}, buffer, folder_arg = "f", file_arg = "x", search_arg = "s",
                                    page_size_arg = -7, offset_arg = -9223372036854775807LL - 1,
                                    limit_arg = 18446744073709551615ULL, verbose_arg = false);
  REQUIRE(built);
  CHECK(built->query() ==
        "v=3&q=s&format=json&page_size=-7&offset=-9223372036854775808&limit=18446744073709551615&verbose=false"
        "&deep=false");
}

TEST_CASE("an integer argument the declared type cannot hold is refused, not truncated", "[core][build]") {
  std::array<char, 512> buffer{};
  auto const too_big = apidecl::build(find_files{}, buffer, folder_arg = "f", file_arg = "x", search_arg = "s",
                                      page_size_arg = 5000000000LL);
  REQUIRE_FALSE(too_big);
  CHECK(too_big.error().parameter == "page_size");
  CHECK(too_big.error().problem == "is out of range for its declared integer type");
  auto const negative = apidecl::build(find_files{}, buffer, folder_arg = "f", file_arg = "x", search_arg = "s",
                                       limit_arg = -1);
  REQUIRE_FALSE(negative);
  CHECK(negative.error().parameter == "limit");
  auto const wide_but_fitting = apidecl::build(find_files{}, buffer, folder_arg = "f", file_arg = "x",
                                               search_arg = "s", page_size_arg = 12ULL, limit_arg = 3);
  REQUIRE(wide_but_fitting);
  CHECK(wide_but_fitting->query() == "v=3&q=s&format=json&page_size=12&limit=3&deep=false");
}

TEST_CASE("an integer's constraint applies to its decimal digits", "[core][build]") {
  std::array<char, 512> buffer{};
  auto const built = apidecl::build(find_files{}, buffer, folder_arg = "f", file_arg = "x", search_arg = "s",
                                    page_size_arg = 1000);
  REQUIRE_FALSE(built);
  CHECK(built.error().code == apidecl::validation_error::code::invalid_argument);
  CHECK(built.error().parameter == "page_size");
  CHECK(built.error().problem == "is longer than its declared maximum length");
}

TEST_CASE("header parameters appear in headers(), not in the target", "[core][build]") {
  std::array<char, 512> buffer{};
  auto const built = apidecl::build(find_files{}, buffer, folder_arg = "f", file_arg = "x", search_arg = "s",
                                    request_id_arg = "req 42/a&b");
  REQUIRE(built);
  CHECK(built->headers().text() == "X-Request-Id: req 42/a&b\r\nX-Attempt: 1\r\n");
  REQUIRE(built->headers().find("x-request-id"));
  CHECK(*built->headers().find("x-request-id") == "req 42/a&b");  // header values are not percent-encoded
  CHECK(built->target().find("req") == std::string_view::npos);
}

TEST_CASE("a header value holding a line break or NUL is refused and nothing is built", "[core][build]") {
  for (std::string_view bad : {std::string_view("r1\r\nX-Injected: yes"), std::string_view("r1\nX: y"),
                               std::string_view("r1\r"), std::string_view("r1\0x", 4)}) {
    std::array<char, 512> buffer;
    buffer.fill('#');
    auto const built =
        apidecl::build(find_files{}, buffer, folder_arg = "f", file_arg = "x", search_arg = "s", request_id_arg = bad);
    REQUIRE_FALSE(built);
    CHECK(built.error().code == apidecl::validation_error::code::invalid_argument);
    CHECK(built.error().parameter == "X-Request-Id");
    CHECK_FALSE(built.error().problem.empty());
    CHECK(all_bytes_are(buffer, '#'));
  }
}

TEST_CASE("a job_id that is not hex is refused, naming the parameter", "[core][build]") {
  std::array<char, 256> buffer;
  buffer.fill('#');
  auto const built = apidecl::build(c24::delete_job, buffer, c24::api_token = token, c24::job_id = "64be&");
  REQUIRE_FALSE(built);
  CHECK(built.error().code == apidecl::validation_error::code::invalid_argument);
  CHECK(built.error().parameter == "job_id");
  CHECK(built.error().problem == "is not a hexadecimal string");
  CHECK(all_bytes_are(buffer, '#'));
}

TEST_CASE("the first parameter in declaration order that breaks its constraint is reported", "[core][build]") {
  std::array<char, 256> buffer{};
  auto const built = apidecl::build(c24::authorize_job, buffer, c24::job_id = "", c24::api_token = "xyz");
  REQUIRE_FALSE(built);
  CHECK(built.error().parameter == "api_token");
}

TEST_CASE("a buffer too small gives request_too_large with the exact size needed", "[core][build]") {
  std::array<char, 16> small;
  small.fill('#');
  auto const refused = apidecl::build(c24::delete_job, small, c24::api_token = token, c24::job_id = job);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == apidecl::validation_error::code::request_too_large);
  std::size_t const needed = refused.error().needed;
  CHECK(needed == delete_seed.size() - std::string_view("GET  HTTP/1.1").size());  // the target alone

  std::vector<char> exact(needed);
  auto const built = apidecl::build(c24::delete_job, exact, c24::api_token = token, c24::job_id = job);
  REQUIRE(built);
  CHECK(request_line(*built) == delete_seed);

  std::vector<char> one_short(needed - 1);
  auto const again = apidecl::build(c24::delete_job, one_short, c24::api_token = token, c24::job_id = job);
  REQUIRE_FALSE(again);
  CHECK(again.error().code == apidecl::validation_error::code::request_too_large);
  CHECK(again.error().needed == needed);
}

TEST_CASE("a request that does not fit writes nothing past the buffer's end", "[core][build]") {
  std::array<char, 40> bytes;
  bytes.fill('#');
  apidecl::writer out(bytes.data(), 32);  // the last 8 bytes are a guard
  auto const refused =
      apidecl::build_into<c24::endpoints::delete_job>(out, apidecl::serializer_set<>{}, c24::api_token = token,
                                                      c24::job_id = job);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == apidecl::validation_error::code::request_too_large);
  for (std::size_t i = 32; i < bytes.size(); ++i) CHECK(bytes[i] == '#');
  CHECK(std::string_view(bytes.data(), 32) == "/api/job/delete?v=1&api_token=7c");
}

TEST_CASE("the size needed counts headers and body as well", "[core][build]") {
  std::array<char, 8> small{};
  auto const refused = apidecl::build(create_widget{}, small, apidecl::serializer_set{line_serializer{}},
                                      apidecl::body = widget{"gear", 3}, folder_arg = "main", request_id_arg = "r1");
  REQUIRE_FALSE(refused);
  REQUIRE(refused.error().code == apidecl::validation_error::code::request_too_large);

  std::vector<char> exact(refused.error().needed);
  auto const built = apidecl::build(create_widget{}, exact, apidecl::serializer_set{line_serializer{}},
                                    apidecl::body = widget{"gear", 3}, folder_arg = "main", request_id_arg = "r1");
  REQUIRE(built);
  CHECK(built->body().size() + built->target().size() + built->headers().text().size() == exact.size());
}

TEST_CASE("an endpoint without parameters builds its bare path", "[core][build]") {
  char buffer[16];
  auto const built = apidecl::build(ping{}, buffer);
  REQUIRE(built);
  CHECK(request_line(*built) == "OPTIONS /ping HTTP/1.1");
  CHECK(built->query().empty());
}

TEST_CASE("a POST puts its encoded body in body() and its media type in Content-Type", "[core][build]") {
  std::array<char, 256> buffer{};
  auto const built = apidecl::build(create_widget{}, buffer, apidecl::serializer_set{line_serializer{}},
                                    folder_arg = "main shop", apidecl::body = widget{"gear", 3},
                                    request_id_arg = "r1");
  REQUIRE(built);
  CHECK(built->method() == apidecl::method::post);
  CHECK(request_line(*built) == "POST /v2/shops/main%20shop/widgets HTTP/1.1");
  CHECK(built->body() == "name=gear;size=3");
  CHECK(built->headers().text() == "X-Request-Id: r1\r\nContent-Type: text/x-apidecl-line\r\n");
  REQUIRE(built->headers().find("content-type"));
  CHECK(*built->headers().find("content-type") == line_media::name);
}

TEST_CASE("a body the serializer cannot encode is refused as unencodable_body", "[core][build]") {
  std::array<char, 256> buffer{};
  auto const built = apidecl::build(create_widget{}, buffer, apidecl::serializer_set{line_serializer{}},
                                    apidecl::body = widget{"", 3}, folder_arg = "main");
  REQUIRE_FALSE(built);
  CHECK(built.error().code == apidecl::validation_error::code::unencodable_body);
  CHECK(built.error().parameter == "body");
  CHECK(built.error().problem == "has no name");
}

TEST_CASE("an invalid argument is refused before the body is encoded", "[core][build]") {
  std::array<char, 256> buffer{};
  buffer.fill('#');
  auto const built = apidecl::build(create_widget{}, buffer, apidecl::serializer_set{line_serializer{}},
                                    apidecl::body = widget{"gear", 3}, folder_arg = "main",
                                    request_id_arg = "r1\r\nX-Injected: 1");
  REQUIRE_FALSE(built);
  CHECK(built.error().parameter == "X-Request-Id");
  CHECK(all_bytes_are(buffer, '#'));
}

TEST_CASE("building the cielo24 requests allocates nothing", "[core][build]") {
  std::array<char, 256> first{};
  std::array<char, 256> second{};
  std::array<char, 8> too_small{};
  test_support::allocation_counter counter;
  auto const authorize = apidecl::build(c24::authorize_job, first, c24::api_token = token, c24::job_id = job);
  auto const remove = apidecl::build(c24::delete_job, second, c24::job_id = job, c24::api_token = token);
  auto const refused = apidecl::build(c24::delete_job, too_small, c24::job_id = job, c24::api_token = token);
  auto const invalid = apidecl::build(c24::delete_job, second, c24::job_id = "64be&", c24::api_token = token);
  CHECK(counter.stop() == 0);
  REQUIRE(authorize);
  REQUIRE(remove);
  CHECK_FALSE(refused);
  CHECK_FALSE(invalid);
  CHECK(request_line(*authorize) == authorize_seed);
  CHECK(request_line(*remove) == delete_seed);
}

TEST_CASE("the allocation counter does see allocations", "[core][build]") {
  test_support::allocation_counter counter;
  void* p = ::operator new(64);  // a direct call: compilers may elide a new-expression, not this
  long const counted = counter.stop();
  ::operator delete(p);
  CHECK(counted == 1);
}
