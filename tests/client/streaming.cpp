// Streamed bodies through the whole client over mock_transport, blocking and polled: a source's
// bytes sent exactly, a sink given the body of the statuses that declare bytes and nothing else,
// every failure of either typed, and a streamed body sent again only after its source rewinds.
#include <catch2/catch.hpp>

#include "../support/call_ways.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/clock/test_clock.hpp>
#include <apidecl/retry/retry.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/text.hpp>
#include <apidecl/stream/callback.hpp>
#include <apidecl/stream/generated_source.hpp>
#include <apidecl/transport/mock.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace c24 = apidecl::cielo24;
using namespace std::chrono_literals;

namespace streaming_test {
constexpr char const* token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr char const* job = "64bea283eff6475ea6596027a6ba0929";

using test_support::run;
using test_support::way;

template <class... Policies>
auto client_over(apidecl::mock_transport& http, Policies... policies) {
  return apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::text_serializer{},
                              apidecl::octet_serializer{}, apidecl::test_clock{}, policies...);
}

// Whether `bytes` are the first bytes of a generated_source.
bool generated(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size(); ++i)
    if (bytes[i] != apidecl::generated_source::byte_at(i)) return false;
  return true;
}

// A sink that keeps every begin and chunk, failing the write that would pass `fail_after` bytes.
struct keeping_sink {
  std::string begun;
  std::string bytes;
  int chunks = 0;
  std::size_t fail_after = std::string::npos;
  apidecl::sink_status begin(int status, apidecl::header_list) noexcept {
    begun += std::to_string(status) + ';';
    bytes.clear();
    return std::nullopt;
  }
  apidecl::sink_status write(std::string_view chunk) {
    if (bytes.size() + chunk.size() > fail_after) return apidecl::stream_failure{"the disk is full", 28};
    bytes += chunk;
    ++chunks;
    return std::nullopt;
  }
};

std::string const task_json = R"({"TaskId":"9d4a4cfd40ee4d73b5d53a3a1d42fdb3"})";
}  // namespace streaming_test

using namespace streaming_test;

TEST_CASE("a streamed upload sends every byte of its source in order, with its Content-Length", "[client][stream]") {
  auto const w = GENERATE(way::blocking, way::polled);
  std::size_t const piece = GENERATE(1u, 7u, 65536u);
  apidecl::mock_transport http;
  http.chunk_size(piece).respond(200, task_json);
  auto api = client_over(http);
  apidecl::generated_source media(30011);
  auto const r = run(w, api, [&](auto&& call) {
    return call(c24::add_media_file, c24::api_token = token, c24::job_id = job, apidecl::body = apidecl::stream_from(media));
  });
  REQUIRE(r.get_if<200>() != nullptr);
  REQUIRE(http.requests().size() == 1);
  auto const& sent = http.requests()[0];
  CHECK(sent.header("Content-Length") == std::optional<std::string_view>("30011"));
  CHECK(sent.header("Content-Type") == std::optional<std::string_view>("application/octet-stream"));
  REQUIRE(sent.body.size() == 30011);
  CHECK(generated(sent.body));
  CHECK(media.position() == 30011);
}

TEST_CASE("a download goes to the sink in pieces, exactly, and the error status is still decoded", "[client][stream]") {
  auto const w = GENERATE(way::blocking, way::polled);
  std::size_t const piece = GENERATE(1u, 5u, 65536u);
  std::string srt = "1\n00:00:01,000 --> 00:00:02,000\nHello\n\n";
  for (int i = 0; i < 50; ++i) srt += "2\n00:00:03,000 --> 00:00:04,000\nWorld " + std::to_string(i) + "\n\n";
  apidecl::mock_transport http;
  http.chunk_size(piece)
      .respond(200, srt)
      .respond(400, R"({"ErrorType":"ITEM_NOT_FOUND","ErrorComment":"no such job"})");
  auto api = client_over(http);
  keeping_sink sink;
  apidecl::call_options options;
  options.response_into = apidecl::stream_to(sink);
  auto caption = [&](auto&& call) {
    return call(options, c24::get_caption, c24::api_token = token, c24::job_id = job,
                c24::caption_format = c24::caption_file_format::srt);
  };
  auto const ok = run(w, api, caption);
  REQUIRE(ok.get_if<200>() != nullptr);
  CHECK(ok.get_if<200>()->empty());  // the body went to the sink, not into memory
  CHECK(sink.bytes == srt);
  CHECK(sink.chunks == static_cast<int>((srt.size() + piece - 1) / piece));
  CHECK(sink.begun == "200;");

  auto const refused = run(w, api, caption);
  REQUIRE(refused.get_if<400>() != nullptr);
  CHECK(refused.get_if<400>()->comment == "no such job");
  CHECK(sink.begun == "200;");  // a JSON error is not the sink's
}

TEST_CASE("an upload whose source fails, ends early or overfills fails as body_stream_failed", "[client][stream]") {
  auto const w = GENERATE(way::blocking, way::polled);
  struct flawed_source {
    std::uint64_t declared;
    std::uint64_t given_before_flaw;
    int flaw;  // 0: an error, 1: ends, 2: gives more than asked
    std::uint64_t given = 0;
    std::uint64_t size() const noexcept { return declared; }
    apidecl::source_read read(char* buffer, std::size_t capacity) noexcept {
      if (given >= given_before_flaw) {
        if (flaw == 0) return apidecl::stream_failure{"cannot read the tape", 5};
        if (flaw == 1) return std::size_t{0};
        return capacity + 1;
      }
      buffer[0] = 'm';
      ++given;
      return std::size_t{1};
    }
  };
  int const flaw = GENERATE(0, 1, 2);
  apidecl::mock_transport http;
  http.chunk_size(4).respond(200, task_json);
  auto api = client_over(http, apidecl::fixed_delay{100ms, 3} | apidecl::retry_non_idempotent());
  flawed_source source{100, 10, flaw};
  auto const r = run(w, api, [&](auto&& call) {
    return call(c24::add_media_file, c24::api_token = token, c24::job_id = job, apidecl::body = apidecl::stream_from(source));
  });
  REQUIRE(r.failure_if() != nullptr);
  apidecl::transport_error const* error = r.failure_if()->transport();
  REQUIRE(error != nullptr);
  CHECK(error->code == apidecl::transport_errc::body_stream_failed);
  std::string_view const why = flaw == 0 ? "body source: cannot read the tape (errno 5)"
                               : flaw == 1 ? "body source: ended before the size it declared"
                                           : "body source: gave more bytes than asked";
  CHECK(std::string_view(error->detail) == why);
  CHECK(http.requests().size() == 1);  // failed for good: neither retried nor rewound
  CHECK(http.requests()[0].body == "mmmmmmmmmm");
  CHECK(http.pending() == 0);  // the reply was used up, as by a server the request reached
}

TEST_CASE("a sink that fails ends the call as body_stream_failed, with what it took kept", "[client][stream]") {
  auto const w = GENERATE(way::blocking, way::polled);
  apidecl::mock_transport http;
  http.chunk_size(3).respond(200, "0123456789");
  auto api = client_over(http);
  keeping_sink sink;
  sink.fail_after = 7;
  apidecl::call_options options;
  options.response_into = apidecl::stream_to(sink);
  auto const r = run(w, api, [&](auto&& call) {
    return call(options, c24::get_transcript, c24::api_token = token, c24::job_id = job);
  });
  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->transport() != nullptr);
  CHECK(r.failure_if()->transport()->code == apidecl::transport_errc::body_stream_failed);
  CHECK(std::string_view(r.failure_if()->transport()->detail) == "body sink: the disk is full (errno 28)");
  CHECK(sink.bytes == "012345");
}

TEST_CASE("a streamed upload is sent once when its source cannot rewind, whatever the Retry policy",
          "[client][stream][retry]") {
  auto const w = GENERATE(way::blocking, way::polled);
  apidecl::mock_transport http;
  http.respond(503).respond(200, task_json);
  auto api = client_over(http, apidecl::fixed_delay{100ms, 3} | apidecl::retry_non_idempotent());
  std::uint64_t given = 0;
  apidecl::callback_source once(6, [&](char* buffer, std::size_t capacity) -> apidecl::source_read {
    std::size_t n = 0;
    for (; n < capacity && given < 6; ++n) buffer[n] = "stream"[given++];
    return n;
  });
  auto const r = run(w, api, [&](auto&& call) {
    return call(c24::add_media_file, c24::api_token = token, c24::job_id = job, apidecl::body = apidecl::stream_from(once));
  });
  CHECK(r.http_status() == 503);
  CHECK(r.attempts() == 1);
  REQUIRE(http.requests().size() == 1);
  CHECK(http.requests()[0].body == "stream");
  CHECK(http.pending() == 1);
}

TEST_CASE("a streamed upload whose source rewinds is sent again from its first byte", "[client][stream][retry]") {
  auto const w = GENERATE(way::blocking, way::polled);
  apidecl::mock_transport http;
  http.chunk_size(1000).respond(503).respond(200, task_json);
  auto api = client_over(http, apidecl::fixed_delay{100ms, 3} | apidecl::retry_non_idempotent());
  apidecl::generated_source media(2500);
  auto const r = run(w, api, [&](auto&& call) {
    return call(c24::add_media_file, c24::api_token = token, c24::job_id = job, apidecl::body = apidecl::stream_from(media));
  });
  REQUIRE(r.get_if<200>() != nullptr);
  CHECK(r.attempts() == 2);
  REQUIRE(http.requests().size() == 2);
  for (auto const& sent : http.requests()) {
    REQUIRE(sent.body.size() == 2500);
    CHECK(generated(sent.body));
  }
}

TEST_CASE("a retried download starts the sink again, and a status that declares no bytes never reaches it",
          "[client][stream][retry]") {
  auto const w = GENERATE(way::blocking, way::polled);
  SECTION("a sink that starts over gets the retry's body alone") {
    apidecl::mock_transport http;
    http.respond(200, "partial").fail({apidecl::transport_errc::connection_lost, true, "reset"});
    http.respond(200, "whole body");
    auto api = client_over(http, apidecl::fixed_delay{100ms, 3});
    keeping_sink sink;
    apidecl::call_options options;
    options.response_into = apidecl::stream_to(sink);
    auto transcript = [&](auto&& call) { return call(options, c24::get_transcript, c24::api_token = token, c24::job_id = job); };
    REQUIRE(run(w, api, transcript).get_if<200>() != nullptr);  // uses up "partial"
    auto const r = run(w, api, transcript);
    REQUIRE(r.get_if<200>() != nullptr);
    CHECK(r.attempts() == 2);
    CHECK(sink.bytes == "whole body");
    CHECK(sink.begun == "200;200;");
  }
  SECTION("an error status before the retry stays in memory: the sink's first response is the retry's") {
    apidecl::mock_transport http;
    http.chunk_size(2).respond(503, "busy").respond(200, "body");
    auto api = client_over(http, apidecl::fixed_delay{100ms, 3});
    std::string taken;
    apidecl::callback_sink sink([&](std::string_view chunk) -> apidecl::sink_status {
      taken += chunk;
      return std::nullopt;
    });
    apidecl::call_options options;
    options.response_into = apidecl::stream_to(sink);
    auto const r = run(w, api, [&](auto&& call) { return call(options, c24::get_transcript, c24::api_token = token, c24::job_id = job); });
    // 503 is not a byte body of get_transcript: it stays in memory, so the retry's 200 is the sink's first.
    REQUIRE(r.get_if<200>() != nullptr);
    CHECK(taken == "body");
    CHECK(sink.written() == 4);
  }
}

namespace streaming_test {
// A Transport with per-call options that does not stream bodies.
struct plain_transport {
  int sent = 0;
  apidecl::transport_result send(apidecl::request const& r) { return send(r, {}); }
  apidecl::transport_result send(apidecl::request const&, apidecl::call_options const&) {
    ++sent;
    return apidecl::response{200, {}, "text"};
  }
};
}  // namespace streaming_test

TEST_CASE("a sink given to a transport that does not stream fails the call before anything is sent",
          "[client][stream]") {
  STATIC_REQUIRE_FALSE(apidecl::transport_streams_bodies_v<plain_transport>);
  STATIC_REQUIRE(apidecl::transport_streams_bodies_v<apidecl::mock_transport>);
  plain_transport http;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::text_serializer{});
  keeping_sink sink;
  apidecl::call_options options;
  options.response_into = apidecl::stream_to(sink);
  auto const r = api.call(options, c24::get_transcript, c24::api_token = token, c24::job_id = job);
  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->transport() != nullptr);
  CHECK(r.failure_if()->transport()->code == apidecl::transport_errc::body_stream_failed);
  CHECK_FALSE(r.failure_if()->may_have_reached_server());
  CHECK(http.sent == 0);
  CHECK(sink.begun.empty());
}
