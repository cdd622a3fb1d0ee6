// Turning a received response into a result: documented statuses decode into their types with the
// serializer for their media type; anything else is kept whole.
#include <catch2/catch.hpp>

#include <apidecl/serializer/codec_result.hpp>
#include <apidecl/core/decode.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/header_list.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/serializer/serializer_set.hpp>
#include <apidecl/core/writer.hpp>

#include <string>
#include <string_view>

namespace decode_test {

struct widget {
  std::string name;
  int size = 0;
};
struct problem {
  std::string detail;
};

// "name=<text>;size=<digit>", a format of the test's own.
struct line_media {
  static constexpr std::string_view name = "text/x-apidecl-line";
};
struct line_serializer {
  using media_type = line_media;
  template <class T>
  apidecl::encode_result encode(T const&, apidecl::writer&) const noexcept {
    return {};
  }
  apidecl::decode_result decode(std::string_view text, widget& target) const {
    constexpr std::string_view name_key = "name=";
    constexpr std::string_view size_key = ";size=";
    if (text.substr(0, name_key.size()) != name_key) return {"name", "is missing"};
    std::size_t const size_at = text.find(size_key);
    if (size_at == std::string_view::npos) return {"size", "is missing"};
    std::string_view const digit = text.substr(size_at + size_key.size());
    if (digit.size() != 1 || digit[0] < '0' || digit[0] > '9') return {"size", "is not a digit"};
    target.name = std::string(text.substr(name_key.size(), size_at - name_key.size()));
    target.size = digit[0] - '0';
    return {};
  }
};

// The whole body is the detail: a second media type, served by a second serializer.
struct plain_media {
  static constexpr std::string_view name = "text/plain";
};
struct plain_serializer {
  using media_type = plain_media;
  template <class T>
  apidecl::encode_result encode(T const&, apidecl::writer&) const noexcept {
    return {};
  }
  apidecl::decode_result decode(std::string_view text, problem& target) const {
    if (text.empty()) return {"", "is empty"};
    target.detail = std::string(text);
    return {};
  }
};

struct get_widget {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets";
  using responses = apidecl::responses<apidecl::on<200, widget, line_media>, apidecl::on<204>,
                                       apidecl::on<404, problem, plain_media>>;
};

// Any 4xx carries a problem, 404 a widget of its own; any 5xx nothing worth decoding.
struct list_widgets {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets";
  using responses = apidecl::responses<apidecl::on<200, widget, line_media>,
                                       apidecl::on_range<400, 499, problem, plain_media>,
                                       apidecl::on<404, widget, line_media>, apidecl::on_range<500, 599>>;
};

struct ping {  // needs no serializer at all
  static constexpr apidecl::method method = apidecl::method::head;
  static constexpr std::string_view path = "/ping";
  using responses = apidecl::responses<apidecl::on<204>>;
};

struct undocumented {  // OpenAPI 3.1 lets an operation document no response at all
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/undocumented";
  using responses = apidecl::responses<>;
};

// Fills the body's name from the whole text, then refuses it: a failure once part of the body is made.
struct half_media {
  static constexpr std::string_view name = "text/x-apidecl-half";
};
struct half_serializer {
  using media_type = half_media;
  template <class T>
  apidecl::encode_result encode(T const&, apidecl::writer&) const noexcept {
    return {};
  }
  apidecl::decode_result decode(std::string_view text, widget& target) const {
    target.name = std::string(text);
    return {"size", "is missing"};
  }
};
struct get_half_widget {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets";
  using responses = apidecl::responses<apidecl::on<200, widget, half_media>>;
};

apidecl::serializer_set<line_serializer, plain_serializer> const serializers{line_serializer{}, plain_serializer{}};
apidecl::serializer_set<half_serializer> const half_serializers{half_serializer{}};

constexpr std::string_view some_headers = "HTTP/1.1 200 OK\r\nContent-Type: text/x-apidecl-line\r\nX-Trace: 7\r\n";

apidecl::response reply(int status, std::string_view body, std::string_view headers = some_headers) {
  return apidecl::response{status, apidecl::header_list(headers), body};
}

}  // namespace decode_test

using namespace decode_test;

TEST_CASE("a documented status decodes into its declared type", "[core][decode]") {
  auto const r = apidecl::decode(get_widget{}, reply(200, "name=gear;size=3"), serializers);
  REQUIRE(r.get_if<200>() != nullptr);
  CHECK(r.get_if<200>()->name == "gear");
  CHECK(r.get_if<200>()->size == 3);
  CHECK(r.http_status() == 200);
}

TEST_CASE("each documented status uses the serializer for its own media type", "[core][decode]") {
  auto const r = apidecl::decode(get_widget{}, reply(404, "no widget named gear"), serializers);
  REQUIRE(r.get_if<404>() != nullptr);
  CHECK(r.get_if<404>()->detail == "no widget named gear");
  CHECK(r.get_if<200>() == nullptr);
}

TEST_CASE("the order of serializers in the set does not matter", "[core][decode]") {
  apidecl::serializer_set const reversed{plain_serializer{}, line_serializer{}};
  auto const r = apidecl::decode(get_widget{}, reply(200, "name=cog;size=1"), reversed);
  REQUIRE(r.get_if<200>() != nullptr);
  CHECK(r.get_if<200>()->name == "cog");
}

TEST_CASE("a 204 decodes to no_content whatever its body", "[core][decode]") {
  auto const r = apidecl::decode(get_widget{}, reply(204, "ignored"), serializers);
  CHECK(r.get_if<204>() != nullptr);
  CHECK(r.http_status() == 204);
}

TEST_CASE("an endpoint whose responses carry no body decodes without any serializer", "[core][decode]") {
  auto const r = apidecl::decode(ping{}, reply(204, ""), apidecl::serializer_set<>{});
  CHECK(r.get_if<204>() != nullptr);
}

TEST_CASE("an endpoint that documents no response gets every status as unexpected_status", "[core][decode]") {
  for (int status : {200, 204, 404}) {
    auto const r = apidecl::decode(undocumented{}, reply(status, "body"), apidecl::serializer_set<>{});
    REQUIRE(r.unexpected_if() != nullptr);
    CHECK(r.unexpected_if()->status == status);
    CHECK(r.unexpected_if()->body == "body");
  }
}

TEST_CASE("an undocumented status is kept whole as unexpected_status", "[core][decode]") {
  std::string const page = "<html><body>502 Bad Gateway</body></html>";
  auto const r = apidecl::decode(get_widget{}, reply(502, page, "Server: proxy\r\nContent-Type: text/html\r\n"),
                                 serializers);
  REQUIRE(r.unexpected_if() != nullptr);
  CHECK(r.unexpected_if()->status == 502);
  CHECK(r.unexpected_if()->headers == "Server: proxy\r\nContent-Type: text/html\r\n");
  CHECK(r.unexpected_if()->body == page);
  CHECK(r.failure_if() == nullptr);
  CHECK(r.http_status() == 502);
}

TEST_CASE("a documented status that is not 2xx is still decoded, not unexpected", "[core][decode]") {
  auto const r = apidecl::decode(get_widget{}, reply(404, "gone"), serializers);
  CHECK(r.unexpected_if() == nullptr);
  CHECK(r.get_if<404>() != nullptr);
}

TEST_CASE("a body the serializer cannot decode is a decode failure that keeps the response", "[core][decode]") {
  auto const r = apidecl::decode(get_widget{}, reply(200, "name=gear;size=many"), serializers);
  REQUIRE(r.failure_if() != nullptr);
  apidecl::failure const& f = *r.failure_if();
  CHECK(f.kind() == apidecl::failure_kind::decode);
  REQUIRE(f.decode() != nullptr);
  CHECK(f.decode()->where == "size");
  CHECK(f.decode()->what == "is not a digit");
  CHECK(f.decode()->status == 200);
  CHECK(f.decode()->headers == some_headers);
  CHECK(f.decode()->body == "name=gear;size=many");
  CHECK(f.may_have_reached_server());
  CHECK(r.http_status() == 200);
  CHECK(r.get_if<200>() == nullptr);
  CHECK(f.message() == "cannot decode the response body at 'size': is not a digit");
}

TEST_CASE("a decode failure of the whole body names no place", "[core][decode]") {
  auto const r = apidecl::decode(get_widget{}, reply(404, ""), serializers);
  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->decode() != nullptr);
  CHECK(r.failure_if()->decode()->where.empty());
  CHECK(r.failure_if()->decode()->status == 404);
  CHECK(r.failure_if()->message() == "cannot decode the response body: is empty");
}

TEST_CASE("the decoded result does not refer to the response's storage", "[core][decode]") {
  std::string body = "name=gear;size=3";
  std::string headers = "Server: x\r\n";
  auto const ok = apidecl::decode(get_widget{}, reply(200, body, headers), serializers);
  auto const unexpected = apidecl::decode(get_widget{}, reply(500, body, headers), serializers);
  body.assign(body.size(), '?');
  headers.assign(headers.size(), '?');
  REQUIRE(ok.get_if<200>() != nullptr);
  CHECK(ok.get_if<200>()->name == "gear");
  REQUIRE(unexpected.unexpected_if() != nullptr);
  CHECK(unexpected.unexpected_if()->body == "name=gear;size=3");
  CHECK(unexpected.unexpected_if()->headers == "Server: x\r\n");
}

TEST_CASE("a status in a documented range decodes into the range's type and keeps its code", "[core][decode]") {
  for (int status : {400, 409, 429, 499}) {
    auto const r = apidecl::decode(list_widgets{}, reply(status, "refused"), serializers);
    CHECK((r.get_if<409>() != nullptr) == (status == 409));  // get_if answers for the code received only
    CHECK(r.http_status() == status);
    std::string seen = r.visit(apidecl::overload{
        [](widget const&) { return std::string("widget"); },
        [](apidecl::status_range<400, 499, problem> const& c) { return std::to_string(c.code) + " " + c.body.detail; },
        [](apidecl::status_range<500, 599, apidecl::no_content> const&) { return std::string("5xx"); },
        [](apidecl::unexpected_status const&) { return std::string("unexpected"); },
        [](apidecl::failure const&) { return std::string("failure"); }});
    CHECK(seen == std::to_string(status) + " refused");
  }
}

TEST_CASE("a status documented on its own wins over the range that holds it", "[core][decode]") {
  auto const r = apidecl::decode(list_widgets{}, reply(404, "name=gear;size=2"), serializers);
  REQUIRE(r.get_if<404>() != nullptr);
  CHECK(r.get_if<404>()->name == "gear");
  CHECK(r.http_status() == 404);
  // get_if of a code the range documents answers only for the code received
  auto const other = apidecl::decode(list_widgets{}, reply(410, "gone"), serializers);
  REQUIRE(other.get_if<410>() != nullptr);
  CHECK(other.get_if<410>()->detail == "gone");
  CHECK(other.get_if<411>() == nullptr);
  CHECK(other.get_if<404>() == nullptr);
}

TEST_CASE("statuses outside every range stay unexpected; a range's body must decode", "[core][decode]") {
  auto const r = apidecl::decode(list_widgets{}, reply(302, "elsewhere"), serializers);
  REQUIRE(r.unexpected_if() != nullptr);
  CHECK(r.unexpected_if()->status == 302);
  auto const server = apidecl::decode(list_widgets{}, reply(503, "<html>busy</html>"), serializers);
  REQUIRE(server.get_case_if<503>() != nullptr);
  CHECK(server.get_case_if<503>()->code == 503);
  CHECK(server.http_status() == 503);
  auto const empty = apidecl::decode(list_widgets{}, reply(418, ""), serializers);
  REQUIRE(empty.failure_if() != nullptr);
  REQUIRE(empty.failure_if()->decode() != nullptr);
  CHECK(empty.failure_if()->decode()->status == 418);
  CHECK(empty.http_status() == 418);
}

TEST_CASE("a result holding a range's case copies and moves it with its code", "[core][decode]") {
  auto r = apidecl::decode(list_widgets{}, reply(422, "invalid"), serializers);
  auto const copy = r;
  auto const moved = std::move(r);
  CHECK(copy.http_status() == 422);
  CHECK(moved.http_status() == 422);
  REQUIRE(moved.get_if<422>() != nullptr);
  CHECK(moved.get_if<422>()->detail == "invalid");
}

TEST_CASE("a body refused once partly decoded becomes a failure in its place, keeping the response whole",
          "[core][decode]") {
  std::string const long_body(300, 'n');  // the half-made body holds it on the heap: it must be ended
  auto const r = apidecl::decode(get_half_widget{}, reply(200, long_body), half_serializers);
  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->decode() != nullptr);
  CHECK(r.get_if<200>() == nullptr);
  CHECK(r.failure_if()->decode()->where == "size");
  CHECK(r.failure_if()->decode()->body == long_body);
  CHECK_FALSE(r.failure_if()->decode()->in_header);
  CHECK(r.http_status() == 200);
  CHECK(r.header("x-trace") == "7");  // the failure's own copy of the header fields
  auto const copy = r;
  CHECK(copy.failure_if()->decode()->body == long_body);
}
