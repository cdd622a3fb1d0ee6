// The HTTP/1.1 response reader (core/response_reader.hpp) over any bytes. The first byte picks the
// options and the buffer's size; the rest is the stream. Invariants: the same bytes read whole and
// byte by byte end alike (any split reads the same, as documented); a complete response has a
// final status, field lines a header_list reads back, and a body within the limits; nothing is
// consumed that was not given; and a reader whose sink takes every body ends as the one that keeps
// it, with the same bytes in its sink, unless the kept body was too large (the sink's is not bounded).
#include "check.hpp"

#include "../tests/support/keeping_sink.hpp"

#include <apidecl/core/header_list.hpp>
#include <apidecl/core/response_reader.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct outcome {
  apidecl::read_state state;
  apidecl::read_errc error;
  std::size_t consumed = 0;
};

// Feeds `stream` in pieces of `piece` bytes (all of it when 0), then ends it if the reader wants more.
outcome read(apidecl::response_reader& reader, std::string_view stream, std::size_t piece) {
  outcome o{};
  while (reader.state() == apidecl::read_state::need_more && o.consumed < stream.size()) {
    std::string_view const bytes = stream.substr(o.consumed, piece == 0 ? stream.size() : piece);
    apidecl::read_progress const p = reader.feed(bytes);
    APIDECL_FUZZ_CHECK(p.consumed <= bytes.size());
    APIDECL_FUZZ_CHECK(p.state == reader.state());
    APIDECL_FUZZ_CHECK(p.state != apidecl::read_state::need_more || p.consumed == bytes.size());
    o.consumed += p.consumed;
  }
  if (reader.state() == apidecl::read_state::need_more) reader.finish();
  APIDECL_FUZZ_CHECK(reader.state() != apidecl::read_state::need_more);
  o.state = reader.state();
  o.error = reader.error();
  return o;
}

void check_complete(apidecl::response_reader const& reader, apidecl::reader_options const& options,
                    std::size_t capacity) {
  apidecl::response const r = reader.response();
  APIDECL_FUZZ_CHECK((r.status >= 200 && r.status <= 599) || r.status == 101);
  APIDECL_FUZZ_CHECK(r.body.size() <= options.max_body_bytes);
  APIDECL_FUZZ_CHECK(reader.reason().size() + r.headers.text().size() + r.body.size() <= capacity);
  if (options.head_request || r.status == 204 || r.status == 304) APIDECL_FUZZ_CHECK(r.body.empty());
  // The fields are rewritten as `Name: value` CRLF lines, each of which header_list reads.
  std::string_view const text = r.headers.text();
  std::size_t lines = 0;
  for (std::size_t at = 0; at < text.size(); ++lines) {
    std::size_t const end = text.find("\r\n", at);
    APIDECL_FUZZ_CHECK(end != std::string_view::npos);
    at = end + 2;
  }
  std::size_t fields = 0;
  for (apidecl::header_field const& f : r.headers) {
    APIDECL_FUZZ_CHECK(!f.name.empty());
    for (char c : f.name) APIDECL_FUZZ_CHECK(apidecl::detail::http::is_token_char(c));
    APIDECL_FUZZ_CHECK(apidecl::detail::http::is_field_text(f.value));
    ++fields;
  }
  APIDECL_FUZZ_CHECK(fields == lines);
  APIDECL_FUZZ_CHECK(reader.result().has_value());
}

using test_support::keeping_sink;

bool takes_every_status(int) noexcept { return true; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  if (size < 1) return 0;
  std::uint8_t const choice = data[0];
  apidecl::reader_options options;
  options.head_request = (choice & 1) != 0;
  if (choice & 2) options.max_header_bytes = 64;
  if (choice & 4) options.max_body_bytes = 16;
  std::size_t const capacity = (choice & 8) ? 48 : 1024;
  std::string_view const stream(reinterpret_cast<char const*>(data + 1), size - 1);

  std::vector<char> whole_buffer(capacity), split_buffer(capacity);
  apidecl::response_reader whole(whole_buffer, options);
  apidecl::response_reader split(split_buffer, options);
  outcome const w = read(whole, stream, 0);
  outcome const s = read(split, stream, 1);

  keeping_sink sink;
  apidecl::reader_options to_sink = options;
  to_sink.body_sink = apidecl::stream_to(sink).for_statuses(takes_every_status);
  std::vector<char> streaming_buffer(capacity);
  apidecl::response_reader streaming(streaming_buffer, to_sink);
  outcome const t = read(streaming, stream, 0);
  if (w.error != apidecl::read_errc::body_too_large) {
    APIDECL_FUZZ_CHECK(t.state == w.state);
    APIDECL_FUZZ_CHECK(t.error == w.error);
    APIDECL_FUZZ_CHECK(t.consumed == w.consumed);
  }
  if (w.state == apidecl::read_state::complete) {
    APIDECL_FUZZ_CHECK(streaming.response().status == whole.response().status);
    APIDECL_FUZZ_CHECK(streaming.response().headers.text() == whole.response().headers.text());
    APIDECL_FUZZ_CHECK(streaming.response().body.empty());
    APIDECL_FUZZ_CHECK(streaming.response().streamed == sink.body.size());
    APIDECL_FUZZ_CHECK(sink.body == whole.response().body);
    APIDECL_FUZZ_CHECK(sink.begun == 1);
  }

  APIDECL_FUZZ_CHECK(w.state == s.state);
  APIDECL_FUZZ_CHECK(w.error == s.error);
  APIDECL_FUZZ_CHECK(w.consumed == s.consumed);
  APIDECL_FUZZ_CHECK((w.state == apidecl::read_state::failed) == (w.error != apidecl::read_errc::none));
  if (w.state == apidecl::read_state::complete) {
    check_complete(whole, options, capacity);
    APIDECL_FUZZ_CHECK(whole.response().status == split.response().status);
    APIDECL_FUZZ_CHECK(whole.response().headers.text() == split.response().headers.text());
    APIDECL_FUZZ_CHECK(whole.response().body == split.response().body);
    APIDECL_FUZZ_CHECK(whole.reason() == split.reason());
  } else {
    apidecl::transport_result const r = whole.result();
    APIDECL_FUZZ_CHECK(!r.has_value() && r.error().may_have_reached_server);
    APIDECL_FUZZ_CHECK(whole.response().status == 0);
  }
  return 0;
}
