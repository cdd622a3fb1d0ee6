// Reading header fields out of the text block requests are built in and transports hand back.
#include <catch2/catch.hpp>

#include <apidecl/core/header_list.hpp>

#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::vector<std::string> fields_of(apidecl::header_list const& list) {
  std::vector<std::string> out;
  for (apidecl::header_field const& f : list) out.push_back(std::string(f.name) + "=" + std::string(f.value));
  return out;
}

using strings = std::vector<std::string>;

}  // namespace

TEST_CASE("fields are read in order from CRLF and lone-LF lines", "[core][header_list]") {
  apidecl::header_list const list("A: 1\r\nB:2\n");
  CHECK(fields_of(list) == strings{"A=1", "B=2"});
  CHECK(std::distance(list.begin(), list.end()) == 2);
}

TEST_CASE("a last line without a line ending is still a field", "[core][header_list]") {
  CHECK(fields_of(apidecl::header_list("A: 1\r\nContent-Length: 42")) == strings{"A=1", "Content-Length=42"});
}

TEST_CASE("values are trimmed of spaces, tabs and the CR", "[core][header_list]") {
  apidecl::header_list const list("X-Pad:   \t padded value \t \r\nEmpty:\r\nOnly-Spaces:    \r\n");
  CHECK(fields_of(list) == strings{"X-Pad=padded value", "Empty=", "Only-Spaces="});
}

TEST_CASE("a value keeps its inner colons and spaces", "[core][header_list]") {
  apidecl::header_list const list("Location: https://example.com:8443/a b\r\n");
  REQUIRE(list.find("location"));
  CHECK(*list.find("location") == "https://example.com:8443/a b");
}

TEST_CASE("names and values are views into the text", "[core][header_list]") {
  std::string const text = "Content-Type: application/json\r\n";
  apidecl::header_list const list(text);
  apidecl::header_field const field = *list.begin();
  CHECK(field.name.data() == text.data());
  CHECK(field.value.data() == text.data() + 14);
  CHECK(list.text().data() == text.data());
  CHECK(list.begin()->name == "Content-Type");
}

TEST_CASE("find compares names without regard to ASCII case", "[core][header_list]") {
  apidecl::header_list const list("Content-Type: application/json\r\nX-Request-Id: abc\r\n");
  REQUIRE(list.find("content-type"));
  CHECK(*list.find("content-type") == "application/json");
  CHECK(*list.find("CONTENT-TYPE") == "application/json");
  CHECK(*list.find("x-REQUEST-id") == "abc");
  CHECK_FALSE(list.find("Content-Length"));
  CHECK_FALSE(list.find("Content-Typ"));
  CHECK_FALSE(list.find(""));
}

TEST_CASE("find gives the first of repeated fields", "[core][header_list]") {
  apidecl::header_list const list("Set-Cookie: a=1\r\nset-cookie: b=2\r\n");
  CHECK(*list.find("Set-Cookie") == "a=1");
  CHECK(fields_of(list) == strings{"Set-Cookie=a=1", "set-cookie=b=2"});
}

TEST_CASE("the status line and other lines without a colon are skipped", "[core][header_list]") {
  apidecl::header_list const list("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\ngarbage\r\n\r\nServer: x\r\n");
  CHECK(fields_of(list) == strings{"Content-Type=text/xml", "Server=x"});
  CHECK(*list.find("server") == "x");
}

TEST_CASE("a status line whose reason phrase holds a colon is not a field", "[core][header_list]") {
  apidecl::header_list const list("HTTP/1.1 302 Moved: see Location\r\nLocation: /new\r\n");
  CHECK(fields_of(list) == strings{"Location=/new"});
}

TEST_CASE("a line starting with a colon has no name and is skipped", "[core][header_list]") {
  CHECK(fields_of(apidecl::header_list(": orphan\r\nA: 1\r\n")) == strings{"A=1"});
}

TEST_CASE("a list is empty when no line holds a field", "[core][header_list]") {
  CHECK(apidecl::header_list{}.empty());
  CHECK(apidecl::header_list("").empty());
  CHECK(apidecl::header_list("\r\n\r\n").empty());
  CHECK(apidecl::header_list("HTTP/1.1 204 No Content\r\n").empty());
  CHECK(apidecl::header_list{}.begin() == apidecl::header_list{}.end());
  CHECK_FALSE(apidecl::header_list{}.find("Anything"));
  CHECK_FALSE(apidecl::header_list("A: 1").empty());
}

TEST_CASE("the iterator is a forward iterator", "[core][header_list]") {
  apidecl::header_list const list("A: 1\r\nB: 2\r\n");
  auto it = list.begin();
  auto const before = it++;
  CHECK(before->name == "A");
  CHECK(it->name == "B");
  auto copy = it;
  ++it;
  CHECK(it == list.end());
  CHECK(copy != list.end());
  CHECK(copy->value == "2");
}

TEST_CASE("iequals compares ASCII letters case-insensitively and nothing else", "[core][header_list]") {
  STATIC_REQUIRE(apidecl::iequals("Content-Type", "content-TYPE"));
  STATIC_REQUIRE(apidecl::iequals("", ""));
  STATIC_REQUIRE_FALSE(apidecl::iequals("abc", "abcd"));
  STATIC_REQUIRE_FALSE(apidecl::iequals("a-b", "a_b"));
  STATIC_REQUIRE_FALSE(apidecl::iequals("@", "`"));  // 0x40 and 0x60 differ by the case bit, but are not letters
  STATIC_REQUIRE_FALSE(apidecl::iequals("[", "{"));
}

TEST_CASE("header lists are usable at compile time", "[core][header_list]") {
  constexpr apidecl::header_list list("HTTP/1.1 200 OK\r\nRetry-After: 5\r\n");
  STATIC_REQUIRE(*list.find("retry-after") == std::string_view("5"));
  STATIC_REQUIRE_FALSE(list.empty());
}
