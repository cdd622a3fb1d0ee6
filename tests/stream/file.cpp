// Files and functions as bodies: file_source and file_sink over POSIX stdio, callback_source and
// callback_sink, each with its failures typed and its errno kept.
#include <catch2/catch.hpp>

#include <apidecl/core/header_list.hpp>
#include <apidecl/stream/callback.hpp>
#include <apidecl/stream/file.hpp>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <unistd.h>

namespace file_stream_test {

// A path in a fresh temporary directory, removed with it.
struct temporary_file {
  std::string folder;
  std::string path;
  temporary_file() {
    char pattern[] = "/tmp/apidecl-stream-XXXXXX";
    REQUIRE(mkdtemp(pattern) != nullptr);
    folder = pattern;
    path = folder + "/body";
  }
  ~temporary_file() {
    std::remove(path.c_str());
    ::rmdir(folder.c_str());
  }
  std::string contents() const {
    std::string text;
    if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
      char piece[512];
      for (std::size_t n; (n = std::fread(piece, 1, sizeof piece, f)) > 0;) text.append(piece, n);
      std::fclose(f);
    }
    return text;
  }
};

std::string read_all(apidecl::file_source& source, std::size_t piece) {
  std::string got(piece, '\0'), all;
  for (;;) {
    apidecl::source_read const n = source.read(got.data(), got.size());
    REQUIRE(n);
    if (*n == 0) return all;
    all.append(got.data(), *n);
  }
}

}  // namespace file_stream_test

using namespace file_stream_test;

TEST_CASE("a file sink writes what it is given, and a file source reads it back, rewinding", "[stream]") {
  temporary_file file;
  {
    auto sink = apidecl::file_sink::create(file.path.c_str());
    REQUIRE(sink);
    CHECK_FALSE(sink.value().begin(200, apidecl::header_list()));
    CHECK_FALSE(sink.value().write("first "));
    CHECK_FALSE(sink.value().write("second"));
    CHECK(sink.value().written() == 12);
    CHECK(sink.value().status() == 200);
    CHECK_FALSE(sink.value().flush());
  }
  auto source = apidecl::file_source::open(file.path.c_str());
  REQUIRE(source);
  CHECK(source.value().size() == 12);
  CHECK(read_all(source.value(), 5) == "first second");
  CHECK(source.value().position() == 12);
  REQUIRE(source.value().rewind());
  CHECK(source.value().position() == 0);
  CHECK(read_all(source.value(), 1) == "first second");
}

TEST_CASE("a file sink starts the file again when a second response begins", "[stream]") {
  temporary_file file;
  auto sink = apidecl::file_sink::create(file.path.c_str());
  REQUIRE(sink);
  CHECK_FALSE(sink.value().begin(200, apidecl::header_list()));
  CHECK_FALSE(sink.value().write("a failed download's bytes"));
  CHECK_FALSE(sink.value().begin(200, apidecl::header_list()));
  CHECK_FALSE(sink.value().write("retry"));
  CHECK_FALSE(sink.value().flush());
  CHECK(sink.value().written() == 5);
  CHECK(file.contents() == "retry");
}

TEST_CASE("a file that cannot be opened or created says why, with its errno", "[stream]") {
  auto missing = apidecl::file_source::open("/nonexistent-apidecl-folder/media.mp4");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().what == "cannot open the file");
  CHECK(missing.error().error_number == ENOENT);
  auto nowhere = apidecl::file_sink::create("/nonexistent-apidecl-folder/captions.srt");
  REQUIRE_FALSE(nowhere);
  CHECK(nowhere.error().what == "cannot create the file");
  CHECK(nowhere.error().error_number == ENOENT);
}

TEST_CASE("a file sink on a full device reports the write that failed", "[stream]") {
  auto full = apidecl::file_sink::create("/dev/full");
  REQUIRE(full);
  CHECK_FALSE(full.value().begin(200, apidecl::header_list()));
  std::string const block(64 * 1024, 'x');  // more than stdio buffers, so the device is written
  apidecl::sink_status failed = full.value().write(block);
  if (!failed) failed = full.value().flush();
  REQUIRE(failed);
  CHECK(failed->error_number == ENOSPC);
}

TEST_CASE("a callback source gives what its function reads and never rewinds", "[stream]") {
  int calls = 0;
  apidecl::callback_source source(4, [&](char* buffer, std::size_t) -> apidecl::source_read {
    ++calls;
    buffer[0] = 'z';
    return std::size_t{1};
  });
  STATIC_REQUIRE(apidecl::is_body_source_v<decltype(source)>);
  STATIC_REQUIRE_FALSE(apidecl::is_rewindable_source_v<decltype(source)>);
  char byte = 0;
  apidecl::source_read const got = source.read(&byte, 1);
  REQUIRE(got);
  CHECK(*got == 1);
  CHECK(byte == 'z');
  CHECK(source.size() == 4);
  CHECK(calls == 1);
}

TEST_CASE("a callback sink counts what its function takes, and refuses a second response after bytes", "[stream]") {
  std::string taken;
  apidecl::callback_sink sink([&](std::string_view chunk) -> apidecl::sink_status {
    if (chunk == "stop") return apidecl::stream_failure{"no more"};
    taken += chunk;
    return std::nullopt;
  });
  STATIC_REQUIRE(apidecl::is_body_sink_v<decltype(sink)>);
  CHECK_FALSE(sink.begin(206, apidecl::header_list()));
  CHECK_FALSE(sink.write("abc"));
  apidecl::sink_status const stopped = sink.write("stop");
  REQUIRE(stopped);
  CHECK(stopped->what == "no more");
  CHECK(sink.written() == 3);
  CHECK(sink.status() == 206);
  CHECK(taken == "abc");
  CHECK(sink.begin(200, apidecl::header_list()));
}
