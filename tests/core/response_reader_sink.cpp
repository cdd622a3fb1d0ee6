// A response_reader whose body goes to a BodySink: the body's bytes reach the sink in any split of
// the stream, de-chunked, past every limit and with no room in the buffer; the statuses the sink
// does not take are read as before; a sink that refuses, and hostile framing, fail the read.
#include <catch2/catch.hpp>

#include "../support/keeping_sink.hpp"

#include <apidecl/core/body_sink.hpp>
#include <apidecl/core/response_reader.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace response_reader_sink_test {

using test_support::keeping_sink;

bool takes_200(int status) noexcept { return status == 200 || status == 204; }

std::string pattern(std::size_t n) {
  std::string text(n, '\0');
  for (std::size_t i = 0; i < n; ++i) text[i] = static_cast<char>('a' + (i * 7) % 26);
  return text;
}

std::string chunked(std::string_view body) {
  std::string text;
  for (std::size_t at = 0, n = 1; at < body.size(); at += n, n = n * 2 + 1) {
    std::size_t const size = std::min(n, body.size() - at);
    char digits[20];
    std::snprintf(digits, sizeof digits, "%zX", size);
    text.append(digits).append(";name=value\r\n").append(body.substr(at, size)).append("\r\n");
  }
  return text + "0\r\nX-Trailer: yes\r\n\r\n";
}

struct read_outcome {
  apidecl::read_state state;
  apidecl::read_errc error;
  apidecl::response response;
};

// Reads `stream` into a 160-byte buffer, with a body limit of 4 bytes, in pieces cut at `split`
// (0: byte by byte), then ends the stream if the reader still wants more.
read_outcome read(std::string_view stream, keeping_sink& sink, std::size_t split, std::array<char, 160>& buffer) {
  apidecl::reader_options options;
  options.max_body_bytes = 4;
  options.body_sink = apidecl::stream_to(sink).for_statuses(takes_200);
  apidecl::response_reader reader(buffer, options);
  std::size_t at = 0;
  while (at < stream.size() && reader.state() == apidecl::read_state::need_more) {
    std::size_t const n = split == 0 ? 1 : std::min(split, stream.size() - at);
    at += reader.feed(stream.substr(at, n)).consumed;
    if (split != 0 && n == split) split = stream.size();  // the rest in one piece
  }
  if (reader.state() == apidecl::read_state::need_more) reader.finish();
  return {reader.state(), reader.error(), reader.response()};
}

}  // namespace response_reader_sink_test

using namespace response_reader_sink_test;

TEST_CASE("a body the sink takes reaches it whole in any split, past every limit, kept nowhere",
          "[core][response_reader]") {
  std::string const body = pattern(1000);
  std::string const head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n";
  std::string stream;
  SECTION("sized") { stream = head + "Content-Length: 1000\r\n\r\n" + body; }
  SECTION("chunked, with extensions and a trailer") { stream = head + "Transfer-Encoding: chunked\r\n\r\n" + chunked(body); }
  SECTION("until the end of the stream") { stream = head + "\r\n" + body; }
  for (std::size_t split = 0; split <= stream.size(); split += split < 80 ? 1 : 97) {
    INFO("split at " << split);
    keeping_sink sink;
    std::array<char, 160> buffer{};
    read_outcome const r = read(stream, sink, split, buffer);
    REQUIRE(r.state == apidecl::read_state::complete);
    CHECK(r.response.status == 200);
    CHECK(r.response.body.empty());
    CHECK(r.response.streamed == body.size());
    CHECK(r.response.headers.find("Content-Type") == std::optional<std::string_view>("text/plain"));
    CHECK(sink.begun == 1);
    CHECK(sink.status == 200);
    CHECK(sink.headers.find("Content-Type: text/plain\r\n") != std::string::npos);
    CHECK(sink.body == body);
  }
}

TEST_CASE("an interim response goes to no sink, and a status the sink does not take is read as before",
          "[core][response_reader]") {
  keeping_sink sink;
  std::array<char, 160> buffer{};
  SECTION("100 Continue, then the final response") {
    read_outcome const r =
        read("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nstream", sink, 0, buffer);
    REQUIRE(r.state == apidecl::read_state::complete);
    CHECK(sink.begun == 1);
    CHECK(sink.body == "stream");
  }
  SECTION("a 400 within the limit is kept in the buffer") {
    read_outcome const r = read("HTTP/1.1 400 Bad\r\nContent-Length: 3\r\n\r\nbad", sink, 7, buffer);
    REQUIRE(r.state == apidecl::read_state::complete);
    CHECK(r.response.body == "bad");
    CHECK(r.response.streamed == 0);
    CHECK(sink.begun == 0);
  }
  SECTION("a 400 past the limit fails as too large") {
    read_outcome const r = read("HTTP/1.1 400 Bad\r\nContent-Length: 5\r\n\r\nwrong", sink, 0, buffer);
    CHECK(r.error == apidecl::read_errc::body_too_large);
    CHECK(sink.begun == 0);
  }
}

TEST_CASE("a response the sink takes with no body still begins it", "[core][response_reader]") {
  keeping_sink sink;
  std::array<char, 160> buffer{};
  std::string_view const stream = GENERATE(as<std::string_view>{}, "HTTP/1.1 204 No Content\r\n\r\n",
                                           "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
  read_outcome const r = read(stream, sink, 0, buffer);
  REQUIRE(r.state == apidecl::read_state::complete);
  CHECK(r.response.streamed == 0);
  CHECK(sink.begun == 1);
  CHECK(sink.body.empty());
}

TEST_CASE("a sink that refuses fails the read as body_sink_failed, with its reason and what it took",
          "[core][response_reader]") {
  keeping_sink sink;
  std::array<char, 160> buffer{};
  std::string const stream = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + pattern(1000);
  SECTION("when the response begins") {
    sink.refuse_begin = true;
    apidecl::reader_options options;
    options.body_sink = apidecl::stream_to(sink).for_statuses(takes_200);
    apidecl::response_reader reader(buffer, options);
    apidecl::read_progress const p = reader.feed(stream);
    CHECK(p.state == apidecl::read_state::failed);
    CHECK(reader.error() == apidecl::read_errc::body_sink_failed);
    CHECK(reader.sink_failure().what == "cannot create the file");
    CHECK(reader.sink_failure().error_number == 13);
    CHECK(sink.body.empty());
    apidecl::transport_result const result = reader.result();
    REQUIRE_FALSE(result);
    CHECK(result.error().code == apidecl::transport_errc::body_stream_failed);
  }
  SECTION("mid-body, in pieces") {
    sink.refuse_past = 500;
    read_outcome const r = read(stream, sink, 301, buffer);
    CHECK(r.error == apidecl::read_errc::body_sink_failed);
    CHECK(sink.body == pattern(1000).substr(0, sink.body.size()));
    CHECK(sink.body.size() <= 500);
  }
}

TEST_CASE("hostile framing after bytes went to the sink fails as it would have kept them", "[core][response_reader]") {
  keeping_sink sink;
  std::array<char, 160> buffer{};
  SECTION("chunk data not followed by CRLF") {
    read_outcome const r = read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n", sink, 0, buffer);
    CHECK(r.error == apidecl::read_errc::bad_chunk);
    CHECK(sink.body == "hello");
  }
  SECTION("a chunk size that overflows") {
    read_outcome const r =
        read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1ffffffffffffffff\r\n", sink, 0, buffer);
    CHECK(r.error == apidecl::read_errc::bad_chunk_size);
  }
  SECTION("a body cut short") {
    read_outcome const r = read("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", sink, 0, buffer);
    CHECK(r.error == apidecl::read_errc::truncated);
    CHECK(sink.body == "short");
  }
  SECTION("Content-Length beside chunked") {
    read_outcome const r = read(
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", sink, 0,
        buffer);
    CHECK(r.error == apidecl::read_errc::conflicting_content_length);
    CHECK(sink.body.empty());
  }
}
