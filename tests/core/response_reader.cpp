// Reading an HTTP/1.1 response from a byte stream into a fixed buffer, in whatever pieces the
// stream delivers it, and decoding it like any transport's response.
#include <catch2/catch.hpp>

#include <apidecl/apis/cielo24/job_authorize.hpp>
#include <apidecl/core/decode.hpp>
#include <apidecl/core/response_reader.hpp>
#include <apidecl/serializer/boost_json.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace c24 = apidecl::cielo24;

/// What a reader made of some bytes, comparable across splits.
struct outcome {
  apidecl::read_state state = apidecl::read_state::need_more;
  apidecl::read_errc error = apidecl::read_errc::none;
  int status = 0;
  std::string reason;
  std::string headers;
  std::string body;
  std::size_t consumed = 0;

  bool operator==(outcome const& o) const {
    return state == o.state && error == o.error && status == o.status && reason == o.reason && headers == o.headers &&
           body == o.body && consumed == o.consumed;
  }
};

std::ostream& operator<<(std::ostream& os, outcome const& o) {
  return os << "state " << static_cast<int>(o.state) << ", " << apidecl::error_text(o.error) << ", " << o.status << " '"
            << o.reason << "', headers '" << o.headers << "', body '" << o.body << "', consumed " << o.consumed;
}

// Feeds `wire` cut at `cuts` (ascending offsets), then ends the stream.
outcome read(std::string_view wire, std::vector<std::size_t> const& cuts, std::size_t capacity = 1024,
             apidecl::reader_options options = {}) {
  std::vector<char> buffer(capacity);
  apidecl::response_reader reader(buffer.data(), buffer.size(), options);
  outcome o;
  std::size_t from = 0;
  for (std::size_t i = 0; i <= cuts.size() && reader.state() == apidecl::read_state::need_more; ++i) {
    std::size_t const to = i < cuts.size() ? cuts[i] : wire.size();
    apidecl::read_progress const p = reader.feed(wire.substr(from, to - from));
    o.consumed += p.consumed;
    from = to;
  }
  reader.finish();
  apidecl::response const r = reader.response();
  o.state = reader.state();
  o.error = reader.error();
  o.status = r.status;
  o.reason = std::string(reader.reason());
  o.headers = std::string(r.headers.text());
  o.body = std::string(r.body);
  return o;
}

outcome read_whole(std::string_view wire, std::size_t capacity = 1024, apidecl::reader_options options = {}) {
  return read(wire, {}, capacity, options);
}

outcome read_bytewise(std::string_view wire) {
  std::vector<std::size_t> cuts;
  for (std::size_t i = 1; i < wire.size(); ++i) cuts.push_back(i);
  return read(wire, cuts);
}

// How many ways of cutting `wire` in two or three pieces read differently from reading it whole;
// reported one by one, so a failure shows where the cuts were.
std::size_t splits_that_differ(std::string_view wire) {
  outcome const whole = read_whole(wire);
  std::size_t differ = 0;
  for (std::size_t i = 0; i <= wire.size(); ++i) {
    for (std::size_t j = i; j <= wire.size(); ++j) {  // j == i: a cut in two
      outcome const cut = read(wire, {i, j});
      if (cut == whole) continue;
      ++differ;
      FAIL_CHECK("cut at " << i << " and " << j << ": " << cut);
    }
  }
  return differ;
}

constexpr std::string_view no_content =
    "HTTP/1.1 204 No Content\r\n"
    "Date: Tue, 02 Jan 2024 10:00:00 GMT\r\n"
    "Server: nginx\r\n"
    "\r\n";

constexpr std::string_view bad_token_body =
    R"({"ErrorType":"BAD_API_TOKEN","ErrorComment":"The API token is invalid or has expired."})";
std::string const bad_token = std::string("HTTP/1.1 400 Bad Request\r\n"
                                          "Content-Type: application/json\r\n"
                                          "Content-Length: 87\r\n"
                                          "Connection: keep-alive\r\n"
                                          "\r\n") +
                              std::string(bad_token_body);

constexpr std::string_view chunked =
    "HTTP/1.1 200 OK\r\n"
    "Content-Type: application/json\r\n"
    "Transfer-Encoding: chunked\r\n"
    "\r\n"
    "b;name=value\r\n"
    R"({"TaskId":")"
    "\r\n"
    "21 \r\n"
    R"(8e6d8f6b4b3c4a1c9a3b2f1e0d9c8b7a")"
    "\r\n"
    "1\r\n"
    "}\r\n"
    "0\r\n"
    "X-Checksum: 42\r\n"
    "\r\n";

constexpr std::string_view with_length =
    "HTTP/1.1 200 OK\r\n"
    "Content-Type: application/json\r\n"
    "Content-Length: 45\r\n"
    "\r\n"
    R"({"TaskId":"8e6d8f6b4b3c4a1c9a3b2f1e0d9c8b7a"})";

constexpr std::string_view until_close =
    "HTTP/1.0 200 OK\r\n"
    "Content-Type: text/plain\r\n"
    "\r\n"
    "read until the server closes";

constexpr std::string_view continue_then_ok =
    "HTTP/1.1 100 Continue\r\n"
    "\r\n"
    "HTTP/1.1 200 OK\r\n"
    "Content-Length: 2\r\n"
    "\r\n"
    "ok";

outcome complete(int status, std::string reason, std::string headers, std::string body, std::size_t consumed) {
  return {apidecl::read_state::complete, apidecl::read_errc::none, status, std::move(reason), std::move(headers),
          std::move(body), consumed};
}

struct sample {
  std::string_view name;
  std::string_view wire;
  outcome expected;
};

std::vector<sample> const samples{
    {"a 204", no_content,
     complete(204, "No Content", "Date: Tue, 02 Jan 2024 10:00:00 GMT\r\nServer: nginx\r\n", "", no_content.size())},
    {"a 400 with cielo24's error body", bad_token,
     complete(400, "Bad Request", "Content-Type: application/json\r\nContent-Length: 87\r\nConnection: keep-alive\r\n",
              std::string(bad_token_body), bad_token.size())},
    {"a chunked 200", chunked,
     complete(200, "OK", "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n",
              R"({"TaskId":"8e6d8f6b4b3c4a1c9a3b2f1e0d9c8b7a"})", chunked.size())},
    {"a 200 with Content-Length", with_length,
     complete(200, "OK", "Content-Type: application/json\r\nContent-Length: 45\r\n",
              R"({"TaskId":"8e6d8f6b4b3c4a1c9a3b2f1e0d9c8b7a"})", with_length.size())},
    {"an HTTP/1.0 200 read until the end of the stream", until_close,
     complete(200, "OK", "Content-Type: text/plain\r\n", "read until the server closes", until_close.size())},
    {"a 100 Continue, then a 200", continue_then_ok,
     complete(200, "OK", "Content-Length: 2\r\n", "ok", continue_then_ok.size())},
};

}  // namespace

TEST_CASE("real responses read whole give their status, fields and body", "[core][response_reader]") {
  for (sample const& s : samples) {
    INFO(s.name);
    CHECK(read_whole(s.wire) == s.expected);
  }
}

TEST_CASE("real responses read a byte at a time give the same", "[core][response_reader]") {
  for (sample const& s : samples) {
    INFO(s.name);
    CHECK(read_bytewise(s.wire) == s.expected);
  }
}

TEST_CASE("real responses cut anywhere in two or three pieces give the same", "[core][response_reader]") {
  for (sample const& s : samples) {
    INFO(s.name);
    CHECK(splits_that_differ(s.wire) == 0);
  }
}

TEST_CASE("the response's views point into the caller's buffer", "[core][response_reader]") {
  std::array<char, 256> buffer;
  apidecl::response_reader reader(buffer);
  REQUIRE(reader.feed(bad_token).state == apidecl::read_state::complete);
  apidecl::response const r = reader.response();
  CHECK(reader.reason().data() == buffer.data());
  CHECK(r.headers.text().data() == buffer.data() + reader.reason().size());
  CHECK(r.body.data() == r.headers.text().data() + r.headers.text().size());
  CHECK(r.headers.find("content-length") == std::string_view("87"));
}

TEST_CASE("field lines are stored as 'Name: value' CRLF, whatever their spacing and line ends",
          "[core][response_reader]") {
  CHECK(read_whole("HTTP/1.1 204 No Content\nA:b\nB: \t padded \t \r\nEmpty:\r\nEmpty-Spaced:   \r\n\n").headers ==
        "A: b\r\nB: padded\r\nEmpty:\r\nEmpty-Spaced:\r\n");
  CHECK(read_whole("HTTP/1.1 204 No Content\r\nLocation: https://example.com:8443/a b\r\n\r\n").headers ==
        "Location: https://example.com:8443/a b\r\n");
}

TEST_CASE("the reason phrase may be empty, with or without its space", "[core][response_reader]") {
  CHECK(read_whole("HTTP/1.1 204 \r\n\r\n") == complete(204, "", "", "", 17));
  CHECK(read_whole("HTTP/1.1 204\r\n\r\n") == complete(204, "", "", "", 16));
  CHECK(read_whole("HTTP/1.1 418 I'm a teapot: short and stout\r\nContent-Length: 0\r\n\r\n").reason ==
        "I'm a teapot: short and stout");
}

TEST_CASE("duplicate Content-Length fields or list items that agree are one length", "[core][response_reader]") {
  CHECK(read_whole("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok").body == "ok");
  CHECK(read_whole("HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\n\r\nok").body == "ok");
  CHECK(read_whole("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n").state == apidecl::read_state::complete);
}

TEST_CASE("transfer coding and field names compare without regard to case", "[core][response_reader]") {
  CHECK(read_whole("HTTP/1.1 200 OK\r\ntransfer-encoding: Chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n").body == "ok");
  CHECK(read_whole("HTTP/1.1 200 OK\r\nCONTENT-LENGTH: 2\r\n\r\nok").body == "ok");
}

TEST_CASE("chunk sizes are hexadecimal, in either case, and lone LFs end chunk lines", "[core][response_reader]") {
  std::string const body(0x1a, 'x');
  std::string const head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
  CHECK(read_whole(head + "1A\r\n" + body + "\r\n0\r\n\r\n").body == body);
  CHECK(read_whole(head + "1a\n" + body + "\n0\n\n").body == body);
  CHECK(read_whole(head + "002\t;a=b;c\r\nok\r\n0;last\r\n\r\n").body == "ok");
}

TEST_CASE("1xx, 204 and 304 responses have no body, whatever their fields say", "[core][response_reader]") {
  std::string_view const not_modified = "HTTP/1.1 304 Not Modified\r\nContent-Length: 120\r\n\r\n";
  CHECK(read_whole(not_modified) == complete(304, "Not Modified", "Content-Length: 120\r\n", "", not_modified.size()));
  std::string_view const switching = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n";
  CHECK(read_whole(switching).status == 101);
  CHECK(read_whole(switching).consumed == switching.size());
  CHECK(read_whole("HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\n").state ==
        apidecl::read_state::complete);
}

TEST_CASE("the response to a HEAD request has no body", "[core][response_reader]") {
  std::string_view const head = "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\nContent-Type: text/html\r\n\r\n";
  apidecl::reader_options options;
  options.head_request = true;
  CHECK(read_whole(head, 1024, options) ==
        complete(200, "OK", "Content-Length: 5000\r\nContent-Type: text/html\r\n", "", head.size()));
  CHECK(read_whole(head).error == apidecl::read_errc::body_too_large);  // the same bytes after a GET
}

TEST_CASE("several interim responses are all skipped", "[core][response_reader]") {
  std::string const wire =
      "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n" +
      std::string(with_length);
  CHECK(read_bytewise(wire) == complete(200, "OK", "Content-Type: application/json\r\nContent-Length: 45\r\n",
                                        R"({"TaskId":"8e6d8f6b4b3c4a1c9a3b2f1e0d9c8b7a"})", wire.size()));
}

TEST_CASE("bytes after a complete response are left for the next, read after reset", "[core][response_reader]") {
  std::string const two = std::string(with_length) + std::string(no_content);
  std::array<char, 512> buffer;
  apidecl::response_reader reader(buffer);
  apidecl::read_progress const first = reader.feed(two);
  CHECK(first.state == apidecl::read_state::complete);
  CHECK(first.consumed == with_length.size());
  CHECK(reader.feed("more").consumed == 0);  // a complete reader takes nothing more
  reader.reset();
  CHECK(reader.state() == apidecl::read_state::need_more);
  CHECK(reader.response().status == 0);
  apidecl::read_progress const second = reader.feed(std::string_view(two).substr(first.consumed));
  CHECK(second.state == apidecl::read_state::complete);
  CHECK(reader.response().status == 204);
}

TEST_CASE("until it is complete, the reader shows no response", "[core][response_reader]") {
  std::array<char, 256> buffer;
  apidecl::response_reader reader(buffer);
  CHECK(reader.feed(bad_token.substr(0, 60)).state == apidecl::read_state::need_more);
  CHECK(reader.response().status == 0);
  CHECK(reader.response().body.empty());
  CHECK(reader.reason().empty());
  CHECK(reader.error() == apidecl::read_errc::none);
}

namespace {

struct bad_input {
  std::string_view wire;
  apidecl::read_errc error;
};

using e = apidecl::read_errc;
std::vector<bad_input> const bad_inputs{
    {"HTP/1.1 200 OK\r\n\r\n", e::bad_status_line},
    {"ICY 200 OK\r\n\r\n", e::bad_status_line},
    {"HTTP/2 200\r\n\r\n", e::bad_status_line},
    {"HTTP/1.1 20 OK\r\n\r\n", e::bad_status_line},
    {"HTTP/1.1 2000 OK\r\n\r\n", e::bad_status_line},
    {"HTTP/1.1 600 Beyond\r\n\r\n", e::bad_status_line},
    {"HTTP/1.1 099 Below\r\n\r\n", e::bad_status_line},
    {"HTTP/1.1  200 OK\r\n\r\n", e::bad_status_line},
    {"HTTP/1.1 200OK\r\n\r\n", e::bad_status_line},
    {"HTTP/1.1 200 O\x01K\r\n\r\n", e::bad_status_line},
    {"\r\nHTTP/1.1 200 OK\r\n\r\n", e::bad_status_line},
    {"HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n", e::bad_header},
    {"HTTP/1.1 200 OK\r\n: no name\r\n\r\n", e::bad_header},
    {"HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n", e::bad_header},
    {"HTTP/1.1 200 OK\r\nName : space before the colon\r\n\r\n", e::bad_header},
    {"HTTP/1.1 200 OK\r\nName: a\rb\r\n\r\n", e::bad_header},
    {std::string_view("HTTP/1.1 200 OK\r\nName: a\0b\r\n\r\n", 30), e::bad_header},
    {"HTTP/1.1 200 OK\r\nName: value\r\n  continued\r\n\r\n", e::folded_header},
    {"HTTP/1.1 200 OK\r\nName: value\r\n\tcontinued\r\n\r\n", e::folded_header},
    {"HTTP/1.1 200 OK\r\nContent-Length: 12a\r\n\r\n", e::bad_content_length},
    {"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", e::bad_content_length},
    {"HTTP/1.1 200 OK\r\nContent-Length: +1\r\n\r\n", e::bad_content_length},
    {"HTTP/1.1 200 OK\r\nContent-Length:\r\n\r\n", e::bad_content_length},
    {"HTTP/1.1 200 OK\r\nContent-Length: 0x10\r\n\r\n", e::bad_content_length},
    {"HTTP/1.1 200 OK\r\nContent-Length: 1,,1\r\n\r\n", e::bad_content_length},
    {"HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\n", e::bad_content_length},
    {"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", e::conflicting_content_length},
    {"HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\nhello", e::conflicting_content_length},
    {"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n",
     e::conflicting_content_length},
    {"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", e::unsupported_transfer_encoding},
    {"HTTP/1.1 200 OK\r\nTransfer-Encoding: identity\r\n\r\n", e::unsupported_transfer_encoding},
    {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
     e::unsupported_transfer_encoding},
    {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", e::bad_chunk_size},
    {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", e::bad_chunk_size},
    {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n 2\r\nok\r\n", e::bad_chunk_size},
    {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2x\r\nok\r\n", e::bad_chunk_size},
    {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2 2\r\nok\r\n", e::bad_chunk_size},
    {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\rok\r\n", e::bad_chunk_size},
    {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n11111111111111111\r\n", e::bad_chunk_size},
    {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokX\r\n0\r\n\r\n", e::bad_chunk},
    {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\r\n0\r\n\r\n", e::bad_chunk},
    {"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n", e::body_too_large},
    {"HTTP/1.1 200 OK\r\nContent-Length: 18446744073709551615\r\n\r\n", e::body_too_large},
    {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\n", e::body_too_large},
    {"", e::truncated},
    {"HTTP/1.1 200 OK\r\nContent-Type: te", e::truncated},
    {"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello", e::truncated},
    {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", e::truncated},
    {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nTrailer: x\r\n", e::truncated},
    {"HTTP/1.1 100 Continue\r\n\r\n", e::truncated},
};

}  // namespace

TEST_CASE("every malformed response is a typed error, however it is split", "[core][response_reader]") {
  for (bad_input const& b : bad_inputs) {
    INFO(std::string(b.wire));
    outcome const whole = read_whole(b.wire);
    CHECK(whole.state == apidecl::read_state::failed);
    CHECK(apidecl::error_text(whole.error) == apidecl::error_text(b.error));
    CHECK(whole.status == 0);
    CHECK(read_bytewise(b.wire) == whole);
    CHECK(splits_that_differ(b.wire) == 0);
  }
}

TEST_CASE("a non-HTTP peer is refused at its first wrong byte", "[core][response_reader]") {
  std::array<char, 64> buffer;
  apidecl::response_reader reader(buffer);
  CHECK(reader.feed("SSH-2.0-OpenSSH_9.2\r\n").consumed == 1);
  CHECK(reader.error() == apidecl::read_errc::bad_status_line);
  CHECK(reader.feed("more").consumed == 0);  // a failed reader takes nothing more
  CHECK(reader.finish() == apidecl::read_state::failed);
  CHECK(reader.error() == apidecl::read_errc::bad_status_line);
}

TEST_CASE("every error has its own short text", "[core][response_reader]") {
  std::vector<std::string_view> texts;
  for (int i = 0; i <= static_cast<int>(apidecl::read_errc::truncated); ++i) {
    std::string_view const text = apidecl::error_text(static_cast<apidecl::read_errc>(i));
    CHECK_FALSE(text.empty());
    CHECK(text.size() < 60);
    for (std::string_view const earlier : texts) CHECK(text != earlier);
    texts.push_back(text);
  }
}

TEST_CASE("a buffer too small for the response fails with a size error and is never overrun",
          "[core][response_reader]") {
  // reason + fields + body, as stored
  std::size_t const needed = 11 + 76 + bad_token_body.size();
  constexpr std::size_t guard = 16;
  for (std::size_t capacity = 0; capacity <= needed; ++capacity) {
    INFO("capacity " << capacity);
    std::vector<char> buffer(capacity + guard, '#');
    apidecl::response_reader reader(buffer.data(), capacity);
    reader.feed(bad_token);
    reader.finish();
    if (capacity == needed) {
      CHECK(reader.state() == apidecl::read_state::complete);
      CHECK(reader.response().body == bad_token_body);
    } else {
      CHECK(reader.state() == apidecl::read_state::failed);
      CHECK((reader.error() == e::header_too_large || reader.error() == e::body_too_large));
    }
    CHECK(std::string(buffer.end() - guard, buffer.end()) == std::string(guard, '#'));
  }
}

TEST_CASE("a body fills the buffer exactly, in every framing", "[core][response_reader]") {
  std::size_t const stored = 2 + 60 + 45;  // "OK", the two fields, the body
  CHECK(read_whole(chunked, stored).state == apidecl::read_state::complete);
  CHECK(read_whole(chunked, stored - 1).error == e::body_too_large);
  std::size_t const until_end = 2 + 26 + 28;
  CHECK(read_whole(until_close, until_end).state == apidecl::read_state::complete);
  CHECK(read_whole(until_close, until_end - 1).error == e::body_too_large);
  CHECK(read_bytewise(until_close).state == apidecl::read_state::complete);
}

TEST_CASE("explicit limits lower than the buffer apply", "[core][response_reader]") {
  apidecl::reader_options options;
  options.max_header_bytes = bad_token.size() - bad_token_body.size();  // the header section exactly
  CHECK(read_whole(bad_token, 1024, options).state == apidecl::read_state::complete);
  options.max_header_bytes -= 1;
  CHECK(read_whole(bad_token, 1024, options).error == e::header_too_large);

  options = {};
  options.max_body_bytes = bad_token_body.size();
  CHECK(read_whole(bad_token, 1024, options).state == apidecl::read_state::complete);
  options.max_body_bytes -= 1;
  CHECK(read_whole(bad_token, 1024, options).error == e::body_too_large);
  CHECK(read_whole(chunked, 1024, options).state == apidecl::read_state::complete);  // its body is 45 bytes
  options.max_body_bytes = 44;
  CHECK(read_whole(chunked, 1024, options).error == e::body_too_large);
  CHECK(read_whole(until_close, 1024, options).state == apidecl::read_state::complete);
  options.max_body_bytes = 27;
  CHECK(read_whole(until_close, 1024, options).error == e::body_too_large);
}

TEST_CASE("trailers and chunk extensions count against the header limit", "[core][response_reader]") {
  apidecl::reader_options options;
  options.max_header_bytes = 64;
  std::string const long_extension = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2;" + std::string(70, 'x') +
                                     "\r\nok\r\n0\r\n\r\n";
  CHECK(read_whole(long_extension, 1024, options).error == e::bad_chunk_size);
  std::string const long_trailer =
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\nX: " + std::string(20, 'x') + "\r\n\r\n";
  CHECK(read_whole(long_trailer, 1024, options).error == e::header_too_large);
}

TEST_CASE("the reader's outcome is a transport_result, as a Transport returns", "[core][response_reader]") {
  std::array<char, 256> buffer;
  apidecl::response_reader reader(buffer);
  reader.feed(bad_token);
  apidecl::transport_result const ok = reader.result();
  REQUIRE(ok);
  CHECK(ok->status == 400);

  reader.reset();
  reader.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhel");
  CHECK(reader.result().error().code == apidecl::transport_errc::connection_lost);  // not finished yet
  reader.finish();
  CHECK(reader.result().error().code == apidecl::transport_errc::connection_lost);
  CHECK(reader.result().error().detail.view() == "stream ended before the response was complete");
  CHECK(reader.result().error().may_have_reached_server);

  reader.reset();
  reader.feed("HTTP/1.1 200 OK\r\nContent-Length: 300\r\n\r\n");
  CHECK(reader.result().error().code == apidecl::transport_errc::response_too_large);
  reader.reset();
  reader.feed("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n");
  CHECK(reader.result().error().code == apidecl::transport_errc::protocol_error);
}

TEST_CASE("a response read from the stream decodes into cielo24's typed outcomes", "[core][response_reader][cielo24]") {
  std::array<char, 512> buffer;
  apidecl::response_reader reader(buffer);
  auto const serializers = apidecl::serializer_set{apidecl::boost_json_serializer{}};
  for (std::size_t at = 0; at < bad_token.size(); at += 7) reader.feed(bad_token.substr(at, 7));
  REQUIRE(reader.state() == apidecl::read_state::complete);

  auto const refused = apidecl::decode(c24::authorize_job, reader.response(), serializers);
  REQUIRE(refused.get_if<400>() != nullptr);
  CHECK(refused.get_if<400>()->type == c24::error_type::bad_api_token);
  CHECK(refused.get_if<400>()->comment == "The API token is invalid or has expired.");

  reader.reset();
  reader.feed(no_content);
  auto const authorized = apidecl::decode(c24::authorize_job, reader.response(), serializers);
  CHECK(authorized.get_if<204>() != nullptr);
  CHECK(authorized.http_status() == 204);
}
