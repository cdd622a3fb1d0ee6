// cielo24 Authorize Job (seed: cielo24-job-authorize.rst) through a client over the mock transport.
#include <catch2/catch.hpp>

#include "error_types.hpp"

#include <apidecl/apis/cielo24/job_authorize.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

#include <string>
#include <string_view>

namespace {

namespace c24 = apidecl::cielo24;

constexpr std::string_view token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr std::string_view job = "64bea283eff6475ea6596027a6ba0929";
constexpr std::string_view seed_request_line =
    "GET /api/job/authorize?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f&job_id=64bea283eff6475ea6596027a6ba0929 "
    "HTTP/1.1";

constexpr std::string_view json_headers = "Content-Type: application/json\r\n";

// Which case a result holds, in words, through the visitor every caller would write.
std::string described(apidecl::result<c24::endpoints::authorize_job> const& r) {
  return r.visit(apidecl::overload{
      [](apidecl::no_content) { return std::string("authorized"); },
      [](c24::error const& e) { return "error " + std::string(e.type.text()); },
      [](apidecl::unexpected_status const& s) { return "unexpected " + std::to_string(s.status); },
      [](apidecl::failure const& f) { return "failure: " + f.message(); },
  });
}

}  // namespace

TEST_CASE("authorize's descriptor is the seed's: GET /api/job/authorize, idempotent", "[cielo24][job_authorize]") {
  STATIC_REQUIRE(c24::endpoints::authorize_job::path == "/api/job/authorize");
  STATIC_REQUIRE(c24::endpoints::authorize_job::method == apidecl::method::get);
  STATIC_REQUIRE(apidecl::endpoint_is_idempotent_v<c24::endpoints::authorize_job>);
  STATIC_REQUIRE_FALSE(apidecl::endpoint_has_body_v<c24::endpoints::authorize_job>);
}

TEST_CASE("a call to authorize is well-formed only with api_token and job_id", "[cielo24][job_authorize]") {
  using e = c24::endpoints::authorize_job;
  using token_arg = decltype(c24::api_token = token);
  using job_arg = decltype(c24::job_id = job);
  STATIC_REQUIRE(apidecl::is_valid_call_v<e, token_arg, job_arg>);
  STATIC_REQUIRE(apidecl::is_valid_call_v<e, job_arg, token_arg>);
  STATIC_REQUIRE_FALSE(apidecl::is_valid_call_v<e, token_arg>);
  STATIC_REQUIRE_FALSE(apidecl::is_valid_call_v<e, job_arg>);
  STATIC_REQUIRE_FALSE(apidecl::is_valid_call_v<e, token_arg, job_arg, job_arg>);
  STATIC_REQUIRE_FALSE(apidecl::is_valid_call_v<e, token_arg, decltype(c24::job_id = 42)>);
}

TEST_CASE("the request line reproduces the documented example", "[cielo24][job_authorize]") {
  apidecl::mock_transport mock;
  mock.respond(204);
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  auto const r = api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);

  REQUIRE(mock.requests().size() == 1);
  auto const& sent = mock.requests()[0];
  CHECK(sent.request_line() == seed_request_line);
  CHECK(sent.path() == "/api/job/authorize");
  CHECK(sent.body.empty());
  CHECK_FALSE(sent.header("Content-Type").has_value());
  CHECK(r.attempts() == 1);
}

TEST_CASE("arguments in any order give the same request line", "[cielo24][job_authorize]") {
  apidecl::mock_transport mock;
  mock.respond(204).respond(204);
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  std::string const owned_job(job);
  (void)api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  (void)api.call(c24::authorize_job, c24::job_id = owned_job, c24::api_token = std::string(token));

  REQUIRE(mock.requests().size() == 2);
  CHECK(mock.requests()[0].request_line() == seed_request_line);
  CHECK(mock.requests()[1].request_line() == seed_request_line);
}

TEST_CASE("204 is the no_content case", "[cielo24][job_authorize]") {
  apidecl::mock_transport mock;
  mock.respond(204);
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  auto const r = api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);

  apidecl::no_content const* done = r.get_if<204>();
  REQUIRE(done != nullptr);
  CHECK(*done == apidecl::no_content{});
  CHECK(r.get_if<400>() == nullptr);
  CHECK(r.failure_if() == nullptr);
  CHECK(described(r) == "authorized");
}

TEST_CASE("a 204 with a stray body is still the no_content case", "[cielo24][job_authorize]") {
  apidecl::mock_transport mock;
  mock.respond(204, "not json at all");
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  auto const r = api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);

  CHECK(described(r) == "authorized");
}

TEST_CASE("400 with each known ErrorType decodes to the matching enumerator", "[cielo24][job_authorize]") {
  for (cielo24_test::error_type_name const& expected : cielo24_test::error_types) {
    INFO(expected.text);
    apidecl::mock_transport mock;
    mock.respond(400, R"({"ErrorType": ")" + std::string(expected.text) + R"(", "ErrorComment": "Job not found."})",
                 std::string(json_headers));
    auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

    auto const r = api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);

    c24::error const* error = r.get_if<400>();
    REQUIRE(error != nullptr);
    CHECK(error->type == expected.value);
    CHECK(error->type.is_known());
    CHECK(error->type.text() == expected.text);
    CHECK(error->comment == "Job not found.");
    CHECK(described(r) == "error " + std::string(expected.text));
  }
}

TEST_CASE("400 with an ErrorType the library does not know keeps its text", "[cielo24][job_authorize]") {
  apidecl::mock_transport mock;
  mock.respond(400, R"({"ErrorType": "JOB_ALREADY_AUTHORIZED", "ErrorComment": "later addition"})",
               std::string(json_headers));
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  auto const r = api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);

  c24::error const* error = r.get_if<400>();
  REQUIRE(error != nullptr);
  CHECK(error->type == c24::error_type::unknown);
  CHECK_FALSE(error->type.is_known());
  CHECK(error->type.text() == "JOB_ALREADY_AUTHORIZED");
  CHECK(error->comment == "later addition");
}

TEST_CASE("400 with a body that is not the error format is a decode failure that keeps the response",
          "[cielo24][job_authorize]") {
  struct bad_body {
    std::string_view body;
    std::string_view where;
  };
  for (bad_body const& bad : {bad_body{R"({"ErrorType": "ITEM_NOT_FOUND", "ErrorComm)", ""},
                              bad_body{"", ""},
                              bad_body{"<html><body>Bad Request</body></html>", ""},
                              bad_body{R"({"ErrorComment": "no type"})", "ErrorType"},
                              bad_body{R"({"ErrorType": 7, "ErrorComment": "x"})", "ErrorType"},
                              bad_body{R"({"ErrorType": "ITEM_NOT_FOUND"})", "ErrorComment"}}) {
    INFO(bad.body);
    apidecl::mock_transport mock;
    mock.respond(400, std::string(bad.body), std::string(json_headers));
    auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

    auto const r = api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);

    REQUIRE(r.failure_if() != nullptr);
    CHECK(r.failure_if()->kind() == apidecl::failure_kind::decode);
    apidecl::decode_error const* error = r.failure_if()->decode();
    REQUIRE(error != nullptr);
    CHECK(error->where == bad.where);
    CHECK_FALSE(error->what.empty());
    CHECK(error->status == 400);
    CHECK(error->headers == json_headers);
    CHECK(error->body == bad.body);
    CHECK(r.http_status() == 400);
    CHECK(r.failure_if()->may_have_reached_server());
  }
}

TEST_CASE("a 502 page from a proxy is an unexpected status kept whole", "[cielo24][job_authorize]") {
  std::string const page = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
  std::string const headers = "Content-Type: text/html\r\nServer: nginx\r\n";
  apidecl::mock_transport mock;
  mock.respond(502, page, headers);
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  auto const r = api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);

  apidecl::unexpected_status const* unexpected = r.unexpected_if();
  REQUIRE(unexpected != nullptr);
  CHECK(unexpected->status == 502);
  CHECK(unexpected->headers == headers);
  CHECK(unexpected->body == page);
  CHECK(r.http_status() == 502);
  CHECK(described(r) == "unexpected 502");
}

TEST_CASE("a 200, which the OpenAPI spec declares but the seed does not, is an unexpected status",
          "[cielo24][job_authorize]") {
  apidecl::mock_transport mock;
  mock.respond(200, "{}", std::string(json_headers));
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  auto const r = api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);

  REQUIRE(r.unexpected_if() != nullptr);
  CHECK(r.unexpected_if()->status == 200);
  CHECK(r.unexpected_if()->body == "{}");
}

TEST_CASE("a transport failure is a failure of kind transport", "[cielo24][job_authorize]") {
  apidecl::mock_transport mock;
  mock.fail(apidecl::transport_error{apidecl::transport_errc::timed_out, true, "read timed out after 30 s"});
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  auto const r = api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job);

  CHECK(mock.requests().size() == 1);
  REQUIRE(r.failure_if() != nullptr);
  CHECK(r.failure_if()->kind() == apidecl::failure_kind::transport);
  apidecl::transport_error const* error = r.failure_if()->transport();
  REQUIRE(error != nullptr);
  CHECK(error->code == apidecl::transport_errc::timed_out);
  CHECK(error->detail.view() == "read timed out after 30 s");
  CHECK(r.failure_if()->may_have_reached_server());
  CHECK(r.http_status() == 0);
  CHECK(described(r) == "failure: transport error: read timed out after 30 s");
}

TEST_CASE("a job_id that is not hex is a validation failure and nothing is sent", "[cielo24][job_authorize]") {
  for (std::string_view bad : {"64bea283&job_id=0", "64bea283 eff6", "not-hex", "", "64bea283\r\nX: y", "caf\xC3\xA9",
                               "64bea283/../delete"}) {
    INFO(bad);
    apidecl::mock_transport mock;
    mock.respond(204);
    auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

    auto const r = api.call(c24::authorize_job, c24::api_token = token, c24::job_id = bad);

    CHECK(mock.requests().empty());
    CHECK(mock.pending() == 1);
    REQUIRE(r.failure_if() != nullptr);
    CHECK(r.failure_if()->kind() == apidecl::failure_kind::validation);
    apidecl::validation_error const* error = r.failure_if()->validation();
    REQUIRE(error != nullptr);
    CHECK(error->code == apidecl::validation_error::code::invalid_argument);
    CHECK(error->parameter == "job_id");
    CHECK(error->problem.substr(0, 27) == "is not a hexadecimal string");
    CHECK_FALSE(r.failure_if()->may_have_reached_server());
  }
}

TEST_CASE("an api_token that is not hex is a validation failure and nothing is sent", "[cielo24][job_authorize]") {
  apidecl::mock_transport mock;
  mock.respond(204);
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  auto const r = api.call(c24::authorize_job, c24::api_token = "token&v=2", c24::job_id = job);

  CHECK(mock.requests().empty());
  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->validation() != nullptr);
  CHECK(r.failure_if()->validation()->parameter == "api_token");
  CHECK(r.failure_if()->message() == "invalid request: parameter 'api_token' is not a hexadecimal string");
}

TEST_CASE("a job_id longer than the client's first buffer still goes out whole", "[cielo24][job_authorize]") {
  std::string const long_job(5000, 'a');
  apidecl::mock_transport mock;
  mock.respond(204);
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  auto const r = api.call(c24::authorize_job, c24::api_token = token, c24::job_id = long_job);

  CHECK(r.get_if<204>() != nullptr);
  REQUIRE(mock.requests().size() == 1);
  CHECK(mock.requests()[0].target == "/api/job/authorize?v=1&api_token=" + std::string(token) + "&job_id=" + long_job);
}
