// The writer appends into a caller's buffer and, like fmt::format_to_n, counts what did not fit.
#include <catch2/catch.hpp>

#include <apidecl/core/writer.hpp>

#include <array>
#include <cstddef>
#include <string_view>

namespace {

// A buffer of `Capacity` bytes followed by guard bytes that must never change.
template <std::size_t Capacity>
struct guarded {
  static constexpr char guard = '#';
  std::array<char, Capacity + 4> bytes;
  guarded() { bytes.fill(guard); }
  apidecl::writer writer() { return apidecl::writer(bytes.data(), Capacity); }
  bool guard_intact() const {
    for (std::size_t i = Capacity; i < bytes.size(); ++i)
      if (bytes[i] != guard) return false;
    return true;
  }
  std::string_view written(std::size_t n) const { return {bytes.data(), n}; }
};

}  // namespace

TEST_CASE("a new writer is empty", "[core][writer]") {
  char buffer[8];
  apidecl::writer const w(buffer, sizeof buffer);
  CHECK(w.size() == 0);
  CHECK(w.capacity() == 8);
  CHECK_FALSE(w.overflowed());
}

TEST_CASE("appended bytes land in order in the buffer", "[core][writer]") {
  guarded<16> buffer;
  apidecl::writer w = buffer.writer();
  w.append("GET ");
  w.push_back('/');
  w.append("");
  w.append("api");
  CHECK(w.size() == 8);
  CHECK_FALSE(w.overflowed());
  CHECK(buffer.written(8) == "GET /api");
  CHECK(w.slice(0, 3) == "GET");
  CHECK(w.slice(4, 8) == "/api");
  CHECK(w.slice(8, 8).empty());
  CHECK(buffer.guard_intact());
}

TEST_CASE("filling the buffer exactly is not an overflow", "[core][writer]") {
  guarded<5> buffer;
  apidecl::writer w = buffer.writer();
  w.append("hello");
  CHECK(w.size() == 5);
  CHECK_FALSE(w.overflowed());
  CHECK(buffer.written(5) == "hello");
  CHECK(buffer.guard_intact());
}

TEST_CASE("an append that does not fit writes what fits and counts the rest", "[core][writer]") {
  guarded<5> buffer;
  apidecl::writer w = buffer.writer();
  w.append("abc");
  w.append("defgh");  // 2 of 5 bytes fit
  CHECK(w.size() == 8);
  CHECK(w.overflowed());
  CHECK(buffer.written(5) == "abcde");
  CHECK(buffer.guard_intact());
}

TEST_CASE("after an overflow, later appends only count", "[core][writer]") {
  guarded<4> buffer;
  apidecl::writer w = buffer.writer();
  w.append("12345");
  w.push_back('6');
  w.append("789");
  w.push_back('0');
  CHECK(w.size() == 10);
  CHECK(w.overflowed());
  CHECK(buffer.written(4) == "1234");
  CHECK(buffer.guard_intact());
}

TEST_CASE("push_back past the end counts without writing", "[core][writer]") {
  guarded<2> buffer;
  apidecl::writer w = buffer.writer();
  w.push_back('a');
  w.push_back('b');
  CHECK_FALSE(w.overflowed());
  w.push_back('c');
  CHECK(w.size() == 3);
  CHECK(w.overflowed());
  CHECK(buffer.written(2) == "ab");
  CHECK(buffer.guard_intact());
}

TEST_CASE("a writer of capacity zero writes nothing and counts everything", "[core][writer]") {
  guarded<0> buffer;
  apidecl::writer w = buffer.writer();
  w.append("abc");
  w.push_back('d');
  CHECK(w.size() == 4);
  CHECK(w.overflowed());
  CHECK(buffer.guard_intact());
}

TEST_CASE("the size after an overflow is the capacity that then suffices", "[core][writer]") {
  constexpr std::string_view parts[] = {"POST ", "/v2/widgets", "?expand=parts", " HTTP/1.1"};
  guarded<8> small;
  apidecl::writer first = small.writer();
  for (std::string_view p : parts) first.append(p);
  REQUIRE(first.overflowed());
  CHECK(small.guard_intact());

  std::array<char, 64> large{};
  apidecl::writer again(large.data(), first.size());
  for (std::string_view p : parts) again.append(p);
  CHECK_FALSE(again.overflowed());
  CHECK(again.size() == first.size());
  CHECK(again.slice(0, again.size()) == "POST /v2/widgets?expand=parts HTTP/1.1");
}
