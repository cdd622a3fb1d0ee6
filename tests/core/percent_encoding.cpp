// RFC 3986 percent-encoding and its inverse: what a value becomes on the wire, and back.
#include <catch2/catch.hpp>

#include <apidecl/core/percent_encoding.hpp>
#include <apidecl/core/writer.hpp>

#include <string>
#include <string_view>

namespace {

std::string encoded(std::string_view text) {
  std::string out(3 * text.size(), '\0');
  apidecl::writer w(out.data(), out.size());
  apidecl::percent_encode(text, w);
  REQUIRE_FALSE(w.overflowed());
  out.resize(w.size());
  return out;
}

// The decoded text, or "<malformed>" when percent_decode refuses it.
std::string decoded(std::string_view text, bool plus_is_space = false) {
  std::string out(text.size(), '\0');
  apidecl::writer w(out.data(), out.size());
  if (!apidecl::percent_decode(text, w, plus_is_space)) return "<malformed>";
  REQUIRE_FALSE(w.overflowed());
  out.resize(w.size());
  return out;
}

}  // namespace

TEST_CASE("unreserved characters are kept as they are", "[core][percent_encoding]") {
  std::string_view const unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
  CHECK(encoded(unreserved) == unreserved);
  for (char c : unreserved) CHECK(apidecl::is_unreserved(c));
}

TEST_CASE("the empty string encodes to nothing", "[core][percent_encoding]") {
  CHECK(encoded("").empty());
  CHECK(decoded("").empty());
}

TEST_CASE("a space is encoded as %20, never as '+'", "[core][percent_encoding]") {
  CHECK(encoded(" ") == "%20");
  CHECK(encoded("a b") == "a%20b");
}

TEST_CASE("characters that carry structure in a URL are encoded", "[core][percent_encoding]") {
  CHECK(encoded("&") == "%26");
  CHECK(encoded("#") == "%23");
  CHECK(encoded("/") == "%2F");
  CHECK(encoded("?") == "%3F");
  CHECK(encoded("=") == "%3D");
  CHECK(encoded("+") == "%2B");
  CHECK(encoded("%") == "%25");
  CHECK(encoded(":@!$'()*,;[]") == "%3A%40%21%24%27%28%29%2A%2C%3B%5B%5D");
  CHECK(encoded("a=1&b=2#frag") == "a%3D1%26b%3D2%23frag");
  for (char c : std::string_view("&#/?=+% :@")) CHECK_FALSE(apidecl::is_unreserved(c));
}

TEST_CASE("control characters and NUL are encoded", "[core][percent_encoding]") {
  CHECK(encoded(std::string_view("\r\n\t", 3)) == "%0D%0A%09");
  CHECK(encoded(std::string_view("a\0b", 3)) == "a%00b");
  CHECK(encoded("\x7F") == "%7F");
}

TEST_CASE("UTF-8 text is encoded byte by byte", "[core][percent_encoding]") {
  CHECK(encoded("\xC3\xA9") == "%C3%A9");                    // é
  CHECK(encoded("caf\xC3\xA9") == "caf%C3%A9");              // café
  CHECK(encoded("\xE2\x82\xAC") == "%E2%82%AC");             // €
  CHECK(encoded("\xF0\x9F\x98\x80") == "%F0%9F%98%80");      // 😀
  CHECK(encoded("\xFF") == "%FF");
}

TEST_CASE("hex digits of escapes are upper-case", "[core][percent_encoding]") {
  CHECK(encoded("\xAB\xCD\xEF") == "%AB%CD%EF");
  CHECK(encoded("\x1F") == "%1F");
}

TEST_CASE("percent_decode undoes percent_encode for every byte", "[core][percent_encoding]") {
  std::string all_bytes;
  for (int b = 0; b < 256; ++b) all_bytes.push_back(static_cast<char>(b));
  std::string const wire = encoded(all_bytes);
  CHECK(wire.size() == 66 + 3 * (256 - 66));  // 66 unreserved bytes stay, the rest become %XX
  CHECK(decoded(wire) == all_bytes);
}

TEST_CASE("percent_decode accepts lower-case hex and leaves other bytes alone", "[core][percent_encoding]") {
  CHECK(decoded("%c3%a9") == "\xC3\xA9");
  CHECK(decoded("%C3%A9") == "\xC3\xA9");
  CHECK(decoded("a%20b%2Fc") == "a b/c");
  CHECK(decoded("plain-text_1.2~") == "plain-text_1.2~");
}

TEST_CASE("percent_decode rejects malformed escapes", "[core][percent_encoding]") {
  CHECK(decoded("%") == "<malformed>");
  CHECK(decoded("%4") == "<malformed>");
  CHECK(decoded("%G1") == "<malformed>");
  CHECK(decoded("%1G") == "<malformed>");
  CHECK(decoded("abc%") == "<malformed>");
  CHECK(decoded("abc%2") == "<malformed>");
  CHECK(decoded("%%20") == "<malformed>");
  CHECK(decoded("% 1") == "<malformed>");
}

TEST_CASE("after a malformed escape the output holds what was decoded before it", "[core][percent_encoding]") {
  char buffer[16] = {};
  apidecl::writer w(buffer, sizeof buffer);
  CHECK_FALSE(apidecl::percent_decode("a%20b%G1c", w));
  CHECK(std::string_view(buffer, w.size()) == "a b");
}

TEST_CASE("'+' means a space only when plus_is_space is asked for", "[core][percent_encoding]") {
  CHECK(decoded("a+b") == "a+b");
  CHECK(decoded("a+b", true) == "a b");
  CHECK(decoded("a%2Bb", true) == "a+b");  // an encoded '+' stays a '+'
  CHECK(decoded("++", true) == "  ");
}

TEST_CASE("percent_encode counts what did not fit, like format_to_n", "[core][percent_encoding]") {
  char buffer[5] = {'.', '.', '.', '.', '#'};
  apidecl::writer w(buffer, 4);
  apidecl::percent_encode("a b&c", w);  // a%20b%26c: 9 bytes
  CHECK(w.size() == 9);
  CHECK(w.overflowed());
  CHECK(std::string_view(buffer, 4) == "a%20");
  CHECK(buffer[4] == '#');
}
