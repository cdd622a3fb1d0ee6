// Failures as values: which kind, whether the request may have reached the server, and the one-line
// description, written without the heap.
#include <catch2/catch.hpp>

#include <apidecl/core/failure.hpp>
#include <apidecl/core/short_text.hpp>
#include <apidecl/core/writer.hpp>

#include <array>
#include <string>
#include <string_view>

namespace {

apidecl::validation_error invalid_job_id() {
  return {apidecl::validation_error::code::invalid_argument, "job_id", "is not a hexadecimal string", 0};
}

apidecl::transport_error refused() {
  return {apidecl::transport_errc::cannot_connect, false, "connection refused by sandbox.cielo24.com:443"};
}

apidecl::decode_error bad_task_id() {
  return {"TaskId", "is not a string", 200, "Content-Type: application/json\r\n", "{\"TaskId\": 5}"};
}

}  // namespace

TEST_CASE("a failure knows which kind it is and gives access to that kind only", "[core][failure]") {
  apidecl::failure const v = invalid_job_id();
  CHECK(v.kind() == apidecl::failure_kind::validation);
  REQUIRE(v.validation() != nullptr);
  CHECK(v.validation()->parameter == "job_id");
  CHECK(v.transport() == nullptr);
  CHECK(v.decode() == nullptr);

  apidecl::failure const t = refused();
  CHECK(t.kind() == apidecl::failure_kind::transport);
  REQUIRE(t.transport() != nullptr);
  CHECK(t.transport()->code == apidecl::transport_errc::cannot_connect);
  CHECK(t.validation() == nullptr);
  CHECK(t.decode() == nullptr);

  apidecl::failure const d = bad_task_id();
  CHECK(d.kind() == apidecl::failure_kind::decode);
  REQUIRE(d.decode() != nullptr);
  CHECK(d.decode()->body == "{\"TaskId\": 5}");
  CHECK(d.validation() == nullptr);
  CHECK(d.transport() == nullptr);
}

TEST_CASE("a validation failure never reached the server", "[core][failure]") {
  CHECK_FALSE(apidecl::failure(invalid_job_id()).may_have_reached_server());
  apidecl::validation_error too_large{apidecl::validation_error::code::request_too_large, {}, {}, 4096};
  CHECK_FALSE(apidecl::failure(too_large).may_have_reached_server());
}

TEST_CASE("a transport failure may have reached the server as its transport says", "[core][failure]") {
  CHECK_FALSE(apidecl::failure(refused()).may_have_reached_server());
  apidecl::transport_error lost{apidecl::transport_errc::connection_lost, true, "reset by peer"};
  CHECK(apidecl::failure(lost).may_have_reached_server());
  CHECK(apidecl::failure(apidecl::transport_error{}).may_have_reached_server());  // unsure means yes
}

TEST_CASE("a decode failure did reach the server", "[core][failure]") {
  CHECK(apidecl::failure(bad_task_id()).may_have_reached_server());
}

TEST_CASE("an invalid argument is described by its parameter and problem", "[core][failure]") {
  CHECK(apidecl::failure(invalid_job_id()).message() ==
        "invalid request: parameter 'job_id' is not a hexadecimal string");
  apidecl::validation_error body{apidecl::validation_error::code::unencodable_body, "body", "holds a NaN", 0};
  CHECK(apidecl::failure(body).message() == "invalid request: parameter 'body' holds a NaN");
}

TEST_CASE("a request too large is described with the bytes needed", "[core][failure]") {
  apidecl::validation_error too_large{apidecl::validation_error::code::request_too_large, {}, "does not fit", 1234};
  CHECK(apidecl::failure(too_large).message() == "request does not fit in its buffer: 1234 bytes are needed");
}

TEST_CASE("a request the Auth policy refused is described with its reason", "[core][failure]") {
  apidecl::validation_error refused_auth{apidecl::validation_error::code::cannot_authenticate, {}, "the key is gone", 0};
  CHECK(apidecl::failure(refused_auth).message() == "cannot authenticate the request: the key is gone");
  CHECK_FALSE(apidecl::failure(refused_auth).may_have_reached_server());
}

TEST_CASE("a transport failure is described in the transport's words", "[core][failure]") {
  CHECK(apidecl::failure(refused()).message() ==
        "transport error: connection refused by sandbox.cielo24.com:443");
}

TEST_CASE("a decode failure is described with where and what", "[core][failure]") {
  CHECK(apidecl::failure(bad_task_id()).message() == "cannot decode the response body at 'TaskId': is not a string");
  apidecl::decode_error whole{"", "is not JSON", 200, "", "<html>"};
  CHECK(apidecl::failure(whole).message() == "cannot decode the response body: is not JSON");
}

TEST_CASE("a description longer than message's first guess comes out whole", "[core][failure]") {
  std::string const what(300, 'w');
  apidecl::decode_error long_one{"Quote/TotalCost", what, 200, "", ""};
  std::string const message = apidecl::failure(long_one).message();
  CHECK(message == "cannot decode the response body at 'Quote/TotalCost': " + what);
}

TEST_CASE("describe writes into a fixed buffer and counts what did not fit", "[core][failure]") {
  apidecl::failure const f = invalid_job_id();
  std::array<char, 24> small;
  small.fill('#');
  apidecl::writer out(small.data(), 16);
  f.describe(out);
  CHECK(out.overflowed());
  CHECK(out.size() == f.message().size());
  CHECK(std::string_view(small.data(), 16) == "invalid request:");
  for (std::size_t i = 16; i < small.size(); ++i) CHECK(small[i] == '#');
}

TEST_CASE("short_text keeps text that fits as it is", "[core][failure]") {
  apidecl::short_text<8> const exact("12345678");
  CHECK(exact.view() == "12345678");
  apidecl::short_text<8> const shorter(std::string_view("abc"));
  CHECK(std::string_view(shorter) == "abc");
  constexpr apidecl::short_text<8> empty;
  STATIC_REQUIRE(empty.view().empty());
}

TEST_CASE("a transport error's detail takes a std::string as it comes", "[core][failure]") {
  std::string const detail = "connect to 127.0.0.1:9 refused";
  apidecl::transport_error const e{apidecl::transport_errc::cannot_connect, false, detail};
  CHECK(e.detail.view() == detail);
}

TEST_CASE("short_text cuts longer text to its capacity, ending in ...", "[core][failure]") {
  apidecl::short_text<8> const cut("123456789");
  CHECK(cut.view() == "12345...");
  apidecl::short_text<3> const tiny("abcd");
  CHECK(tiny.view() == "...");
  std::string const long_detail(200, 'x');
  apidecl::transport_error const e{apidecl::transport_errc::other, true, std::string_view(long_detail)};
  CHECK(e.detail.view().size() == 160);
  CHECK(e.detail.view() == std::string(157, 'x') + "...");
}

TEST_CASE("short_text can be assigned again, shorter or longer", "[core][failure]") {
  apidecl::short_text<6> text("abcdefgh");
  CHECK(text.view() == "abc...");
  text.assign("xy");
  CHECK(text.view() == "xy");
  text.assign("");
  CHECK(text.view().empty());
}
