// A user's own HTTP stack plugs in as a Transport, and a user's own serializer as a Serializer:
// here a transport that writes HTTP/1.1 text and reads a canned HTTP/1.1 answer, and a crude JSON
// reader for cielo24's error body. No JSON library is involved.
#include <catch2/catch.hpp>

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/codec_result.hpp>
#include <apidecl/core/media_type.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/serializer/serializer.hpp>
#include <apidecl/transport/transport.hpp>
#include <apidecl/types/open_enum.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace c24 = apidecl::cielo24;

namespace user_transport_test {

/// Serialises each request to HTTP/1.1 text (kept in `sent`) and answers by parsing `canned`, a
/// whole HTTP/1.1 response, as if the server had sent it.
class http11_text_transport {
 public:
  http11_text_transport(std::string host, std::string canned) : host_(std::move(host)), canned_(std::move(canned)) {}

  apidecl::transport_result send(apidecl::request const& r) {
    sent.clear();
    sent.append(r.method_name()).append(" ").append(r.target()).append(" HTTP/1.1\r\n");
    sent.append("Host: ").append(host_).append("\r\n");
    for (apidecl::header_field const& field : r.headers())
      sent.append(field.name).append(": ").append(field.value).append("\r\n");
    if (!r.body().empty()) sent.append("Content-Length: ").append(std::to_string(r.body().size())).append("\r\n");
    sent.append("\r\n").append(r.body());

    received_ = canned_;  // the response's views point into received_ until the next send
    std::string_view const text = received_;
    constexpr std::string_view version = "HTTP/1.1 ";
    std::size_t const head_end = text.find("\r\n\r\n");
    if (text.substr(0, version.size()) != version || head_end == std::string_view::npos || text.size() < 12)
      return apidecl::transport_error{apidecl::transport_errc::protocol_error, true, "not an HTTP/1.1 response"};
    int status = 0;
    for (char c : text.substr(version.size(), 3)) {
      if (c < '0' || c > '9')
        return apidecl::transport_error{apidecl::transport_errc::protocol_error, true, "malformed status code"};
      status = status * 10 + (c - '0');
    }
    std::size_t const headers_begin = text.find("\r\n") + 2;
    std::string_view const headers = text.substr(headers_begin, head_end + 2 - headers_begin);
    return apidecl::response{status, apidecl::header_list(headers), text.substr(head_end + 4)};
  }

  std::string sent;

 private:
  std::string host_;
  std::string canned_;
  std::string received_;
};

static_assert(apidecl::is_transport_v<http11_text_transport>);

/// Reads the string value of `"key"` out of a flat JSON object: enough for cielo24's error body,
/// and no more (no escapes, no nesting).
std::string_view crude_string_field(std::string_view json, std::string_view key, bool& found) {
  found = false;
  std::string const quoted = "\"" + std::string(key) + "\"";
  std::size_t at = json.find(quoted);
  if (at == std::string_view::npos) return {};
  at = json.find_first_not_of(" \t\r\n", at + quoted.size());
  if (at == std::string_view::npos || json[at] != ':') return {};
  at = json.find_first_not_of(" \t\r\n", at + 1);
  if (at == std::string_view::npos || json[at] != '"') return {};
  std::size_t const end = json.find('"', at + 1);
  if (end == std::string_view::npos) return {};
  found = true;
  return json.substr(at + 1, end - at - 1);
}

/// A Serializer for apidecl::json that can decode cielo24's error body and nothing else. It
/// encodes nothing: the endpoints it serves send no body.
struct crude_json {
  using media_type = apidecl::json;

  apidecl::decode_result decode(std::string_view text, c24::error& target) const {
    bool found = false;
    std::string_view const type = crude_string_field(text, "ErrorType", found);
    if (!found) return {"ErrorType", "is missing or not a string"};
    std::string_view const comment = crude_string_field(text, "ErrorComment", found);
    if (!found) return {"ErrorComment", "is missing or not a string"};
    target.type = apidecl::open_enum<c24::error_type>::from_text(type);
    target.comment = std::string(comment);
    return {};
  }
};

static_assert(apidecl::is_serializer_v<crude_json>);
static_assert(apidecl::can_decode_v<crude_json, c24::error>);
static_assert(!apidecl::can_decode_v<crude_json, c24::task>);

constexpr std::string_view token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr std::string_view job = "64bea283eff6475ea6596027a6ba0929";

std::string authorize_request_text() {
  return "GET /api/job/authorize?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f"
         "&job_id=64bea283eff6475ea6596027a6ba0929 HTTP/1.1\r\n"
         "Host: sandbox.cielo24.com\r\n"
         "\r\n";
}

std::string error_response(std::string_view type, std::string_view comment) {
  std::string const body =
      "{\n  \"ErrorType\": \"" + std::string(type) + "\",\n  \"ErrorComment\": \"" + std::string(comment) + "\"\n}";
  return "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

// What a call's result holds, as text.
std::string outcome(apidecl::result<c24::endpoints::authorize_job> const& r) {
  return r.visit(apidecl::overload{
      [](apidecl::no_content) { return std::string("authorized"); },
      [](c24::error const& e) { return "error " + std::string(e.type.text()) + ": " + e.comment; },
      [](apidecl::unexpected_status const& s) { return "unexpected " + std::to_string(s.status); },
      [](apidecl::failure const& f) { return "failure: " + f.message(); }});
}

}  // namespace user_transport_test

using namespace user_transport_test;

TEST_CASE("authorize_job goes through a user-written HTTP/1.1 transport and answers 204", "[transport][user]") {
  http11_text_transport http("sandbox.cielo24.com", "HTTP/1.1 204 No Content\r\nServer: sandbox\r\n\r\n");
  auto api = apidecl::make_client(http, crude_json{});
  auto const r = api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);

  CHECK(outcome(r) == "authorized");
  CHECK(r.get_if<204>() != nullptr);
  CHECK(r.http_status() == 204);
  CHECK(http.sent == authorize_request_text());
}

TEST_CASE("cielo24's error body is decoded by a user-written serializer", "[transport][user]") {
  http11_text_transport http("sandbox.cielo24.com",
                             error_response("ITEM_NOT_FOUND", "Job 64bea283eff6475ea6596027a6ba0929 not found"));
  auto api = apidecl::make_client(http, crude_json{});
  auto const r = api.call(c24::authorize_job, c24::job_id = job, c24::api_token = token);

  REQUIRE(r.get_if<400>() != nullptr);
  CHECK(r.get_if<400>()->type == c24::error_type::item_not_found);
  CHECK(r.get_if<400>()->comment == "Job 64bea283eff6475ea6596027a6ba0929 not found");
  CHECK(outcome(r) == "error ITEM_NOT_FOUND: Job 64bea283eff6475ea6596027a6ba0929 not found");
  CHECK(http.sent == authorize_request_text());
}

TEST_CASE("an ErrorType newer than the descriptors is kept as text", "[transport][user]") {
  http11_text_transport http("sandbox.cielo24.com", error_response("QUOTA_EXCEEDED", "Try again tomorrow"));
  auto api = apidecl::make_client(http, crude_json{});
  auto const r = api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);

  REQUIRE(r.get_if<400>() != nullptr);
  CHECK_FALSE(r.get_if<400>()->type.is_known());
  CHECK(r.get_if<400>()->type == c24::error_type::unknown);
  CHECK(r.get_if<400>()->type.text() == "QUOTA_EXCEEDED");
}

TEST_CASE("an error body the user's serializer cannot read is a decode failure keeping the response",
          "[transport][user]") {
  http11_text_transport http("sandbox.cielo24.com",
                             "HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\n\r\n<h1>Bad Request</h1>");
  auto api = apidecl::make_client(http, crude_json{});
  auto const r = api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);

  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->decode() != nullptr);
  CHECK(r.failure_if()->decode()->where == "ErrorType");
  CHECK(r.failure_if()->decode()->status == 400);
  CHECK(r.failure_if()->decode()->headers == "Content-Type: text/html\r\n");
  CHECK(r.failure_if()->decode()->body == "<h1>Bad Request</h1>");
}

TEST_CASE("a status cielo24 does not document reaches the caller whole", "[transport][user]") {
  http11_text_transport http("sandbox.cielo24.com",
                             "HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\n\r\n<html>502</html>");
  auto api = apidecl::make_client(http, crude_json{});
  auto const r = api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);

  REQUIRE(r.unexpected_if() != nullptr);
  CHECK(r.unexpected_if()->status == 502);
  CHECK(r.unexpected_if()->headers == "Server: nginx\r\n");
  CHECK(r.unexpected_if()->body == "<html>502</html>");
}

TEST_CASE("a transport's own error becomes a transport failure", "[transport][user]") {
  http11_text_transport http("sandbox.cielo24.com", "SMTP ready\r\n\r\n");
  auto api = apidecl::make_client(http, crude_json{});
  auto const r = api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);

  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->transport() != nullptr);
  CHECK(r.failure_if()->transport()->code == apidecl::transport_errc::protocol_error);
  CHECK(r.failure_if()->may_have_reached_server());
  CHECK(outcome(r) == "failure: transport error: not an HTTP/1.1 response");
}
