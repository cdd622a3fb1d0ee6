// The BodySource and BodySink requirements: their exemplars as the headers write them, the
// type-erased references the library holds, the pump that reads a source exactly to its size,
// and a streamed body's request as it is built.
#include <catch2/catch.hpp>

#include <apidecl/core/body_sink.hpp>
#include <apidecl/core/body_source.hpp>
#include <apidecl/core/build.hpp>
#include <apidecl/serializer/text.hpp>
#include <apidecl/stream/generated_source.hpp>
#include <apidecl/stream/memory.hpp>
#include <apidecl/transport/detail/body_pump.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace body_stream_test {

// The exemplars, verbatim from the headers' documentation, with the definitions a user writes.
struct my_source {
  std::uint64_t size() const noexcept;
  apidecl::source_read read(char* buffer, std::size_t capacity) noexcept;
  bool rewind() noexcept;  // optional
};
static_assert(apidecl::is_body_source_v<my_source>);

struct my_sink {
  std::optional<apidecl::stream_failure> begin(int status, apidecl::header_list headers) noexcept;
  std::optional<apidecl::stream_failure> write(std::string_view chunk) noexcept;
};
static_assert(apidecl::is_body_sink_v<my_sink>);

// A source that gives `script` pieces as they are written: a size, then per read a count of bytes
// (of 'x'), a failure, or more than asked.
struct scripted_source {
  std::uint64_t declared = 0;
  int fail_at_read = -1;
  bool overfill = false;
  int reads = 0;
  std::uint64_t size() const noexcept { return declared; }
  apidecl::source_read read(char* buffer, std::size_t capacity) noexcept {
    if (reads++ == fail_at_read) return apidecl::stream_failure{"the disk went away", 5};
    std::size_t const n = capacity < 3 ? capacity : 3;
    for (std::size_t i = 0; i < n; ++i) buffer[i] = 'x';
    return overfill ? capacity + 1 : n;
  }
};

// Reads `source` through a pump `piece` bytes at a time: the bytes, or the failure's text.
std::string pump_all(apidecl::body_source_ref source, std::size_t piece) {
  apidecl::detail::source_pump pump(source);
  std::string got;
  std::string buffer(piece, '\0');
  while (pump.left() > 0) {
    auto const n = pump.next(buffer.data(), buffer.size());
    if (!n) return "failed: " + apidecl::detail::stream_failure_text("body source", n.error());
    got.append(buffer.data(), *n);
  }
  return got;
}

struct octet_endpoint {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/upload";
  using body = apidecl::request_body<std::string, apidecl::octet_stream>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

}  // namespace body_stream_test

using namespace body_stream_test;

TEST_CASE("a type without size and read is not a BodySource, nor one without begin and write a BodySink",
          "[core][stream]") {
  STATIC_REQUIRE_FALSE(apidecl::is_body_source_v<int>);
  STATIC_REQUIRE_FALSE(apidecl::is_body_source_v<my_sink>);
  STATIC_REQUIRE_FALSE(apidecl::is_body_sink_v<my_source>);
  STATIC_REQUIRE(apidecl::is_rewindable_source_v<my_source>);
  STATIC_REQUIRE_FALSE(apidecl::is_rewindable_source_v<scripted_source>);
}

TEST_CASE("a source reference reads, sizes and rewinds the source it refers to", "[core][stream]") {
  apidecl::memory_source bytes("abcdef");
  apidecl::body_source_ref const ref = apidecl::stream_from(bytes);
  REQUIRE(ref);
  CHECK(ref.size() == 6);
  CHECK(ref.can_rewind());
  CHECK(pump_all(ref, 4) == "abcdef");
  REQUIRE(ref.rewind());
  CHECK(pump_all(ref, 1) == "abcdef");
  scripted_source once{3};
  apidecl::body_source_ref const once_ref(once);
  CHECK_FALSE(once_ref.can_rewind());
  CHECK_FALSE(once_ref.rewind());
  CHECK_FALSE(apidecl::body_source_ref{});
}

TEST_CASE("the pump reads every byte in order in 1-byte and odd-size pieces, never past the size",
          "[core][stream]") {
  for (std::size_t piece : {1u, 7u, 4096u}) {
    apidecl::generated_source source(10007);
    std::string const got = pump_all(apidecl::body_source_ref(source), piece);
    REQUIRE(got.size() == 10007);
    bool same = true;
    for (std::size_t i = 0; i < got.size(); ++i) same = same && got[i] == apidecl::generated_source::byte_at(i);
    CHECK(same);
    CHECK(source.position() == 10007);
  }
}

TEST_CASE("the pump refuses a source that fails, ends before its size or gives more than asked", "[core][stream]") {
  scripted_source failing{9, 1};
  CHECK(pump_all(apidecl::body_source_ref(failing), 8) == "failed: body source: the disk went away (errno 5)");

  struct short_source {
    std::uint64_t size() const noexcept { return 5; }
    apidecl::source_read read(char* buffer, std::size_t) noexcept {
      if (given) return std::size_t{0};
      given = true;
      buffer[0] = 'a';
      return std::size_t{1};
    }
    bool given = false;
  } ending_early;
  CHECK(pump_all(apidecl::body_source_ref(ending_early), 8) == "failed: body source: ended before the size it declared");

  scripted_source overfilling{9};
  overfilling.overfill = true;
  CHECK(pump_all(apidecl::body_source_ref(overfilling), 8) == "failed: body source: gave more bytes than asked");
}

TEST_CASE("a sink reference passes chunks on and takes only the statuses it is given", "[core][stream]") {
  struct recording_sink {
    std::string seen;
    apidecl::sink_status begin(int status, apidecl::header_list headers) noexcept {
      seen += std::to_string(status) + std::string(headers.find("X").value_or("-")) + ':';
      return std::nullopt;
    }
    apidecl::sink_status write(std::string_view chunk) noexcept {
      if (chunk == "bad") return apidecl::stream_failure{"refused"};
      seen += chunk;
      return std::nullopt;
    }
  } sink;
  apidecl::body_sink_ref const any = apidecl::stream_to(sink);
  CHECK_FALSE(any.takes(200));  // no statuses until the client says which
  apidecl::body_sink_ref const ok_only = any.for_statuses([](int status) noexcept { return status == 200; });
  CHECK(ok_only.takes(200));
  CHECK_FALSE(ok_only.takes(400));
  CHECK_FALSE(ok_only.begin(200, apidecl::header_list("X: y\r\n")));
  CHECK_FALSE(ok_only.write("abc"));
  apidecl::sink_status const refused = ok_only.write("bad");
  REQUIRE(refused);
  CHECK(refused->what == "refused");
  CHECK(sink.seen == "200y:abc");
}

TEST_CASE("a streamed body is built as its Content-Length, its bytes left to the source", "[core][stream]") {
  apidecl::generated_source source(2147483648ull);
  std::array<char, 256> buffer;
  auto const built = apidecl::build(octet_endpoint{}, buffer, apidecl::serializer_set{apidecl::octet_serializer{}},
                                    apidecl::body = apidecl::stream_from(source));
  REQUIRE(built);
  CHECK(built->body().empty());
  REQUIRE(built->body_source());
  CHECK(built->body_source().size() == 2147483648ull);
  CHECK(built->headers().find("Content-Length") == std::optional<std::string_view>("2147483648"));
  CHECK(built->headers().find("Content-Type") == std::optional<std::string_view>("application/octet-stream"));
  CHECK(source.position() == 0);  // nothing read while building

  auto const in_memory = apidecl::build(octet_endpoint{}, buffer, apidecl::serializer_set{apidecl::octet_serializer{}},
                                        apidecl::body = std::string("bytes"));
  REQUIRE(in_memory);
  CHECK(in_memory->body() == "bytes");
  CHECK_FALSE(in_memory->body_source());
  CHECK_FALSE(in_memory->headers().find("Content-Length"));
}

TEST_CASE("an empty source reference is refused when the request is built", "[core][stream]") {
  std::array<char, 256> buffer;
  auto const built = apidecl::build(octet_endpoint{}, buffer, apidecl::serializer_set{apidecl::octet_serializer{}},
                                    apidecl::body = apidecl::body_source_ref{});
  REQUIRE_FALSE(built);
  CHECK(built.error().code == apidecl::validation_error::code::unencodable_body);
}
