// cielo24 Delete Job (seed: cielo24-job-delete.rst) through a client over the mock transport.
#include <catch2/catch.hpp>

#include "error_types.hpp"

#include <apidecl/apis/cielo24/job_delete.hpp>
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
    "GET /api/job/delete?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f&job_id=64bea283eff6475ea6596027a6ba0929 "
    "HTTP/1.1";
constexpr std::string_view seed_response_body = R"({ "TaskId" : "cc8095fbfecf4647b2e10b622d81c19b" })";

constexpr std::string_view json_headers = "Content-Type: application/json\r\n";

}  // namespace

TEST_CASE("delete's descriptor is the seed's: GET /api/job/delete, not idempotent", "[cielo24][job_delete]") {
  STATIC_REQUIRE(c24::endpoints::delete_job::path == "/api/job/delete");
  STATIC_REQUIRE(c24::endpoints::delete_job::method == apidecl::method::get);
  STATIC_REQUIRE_FALSE(apidecl::endpoint_is_idempotent_v<c24::endpoints::delete_job>);
  STATIC_REQUIRE_FALSE(apidecl::endpoint_has_body_v<c24::endpoints::delete_job>);
}

TEST_CASE("the request line reproduces the documented example", "[cielo24][job_delete]") {
  apidecl::mock_transport mock;
  mock.respond(200, std::string(seed_response_body), std::string(json_headers));
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  (void)api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);

  REQUIRE(mock.requests().size() == 1);
  auto const& sent = mock.requests()[0];
  CHECK(sent.request_line() == seed_request_line);
  CHECK(sent.path() == "/api/job/delete");
  CHECK(sent.body.empty());
  CHECK_FALSE(sent.header("Content-Type").has_value());
}

TEST_CASE("arguments in any order give the same request line", "[cielo24][job_delete]") {
  apidecl::mock_transport mock;
  mock.respond(200, std::string(seed_response_body)).respond(200, std::string(seed_response_body));
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  (void)api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);
  (void)api.call(c24::delete_job, c24::job_id = std::string(job), c24::api_token = token.data());

  REQUIRE(mock.requests().size() == 2);
  CHECK(mock.requests()[0].request_line() == seed_request_line);
  CHECK(mock.requests()[1].request_line() == seed_request_line);
}

TEST_CASE("200 with the documented body gives the deletion task", "[cielo24][job_delete]") {
  apidecl::mock_transport mock;
  mock.respond(200, std::string(seed_response_body), std::string(json_headers));
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  auto const r = api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);

  c24::task const* task = r.get_if<200>();
  REQUIRE(task != nullptr);
  CHECK(task->task_id == "cc8095fbfecf4647b2e10b622d81c19b");
  CHECK(r.get_if<400>() == nullptr);
  CHECK(r.http_status() == 200);

  std::string const seen = r.visit(apidecl::overload{
      [](c24::task const& t) { return "task " + t.task_id; },
      [](c24::error const& e) { return "error " + std::string(e.type.text()); },
      [](apidecl::unexpected_status const&) { return std::string("unexpected"); },
      [](apidecl::failure const&) { return std::string("failure"); },
  });
  CHECK(seen == "task cc8095fbfecf4647b2e10b622d81c19b");
}

TEST_CASE("200 whose body lacks TaskId is a decode failure naming it", "[cielo24][job_delete]") {
  apidecl::mock_transport mock;
  mock.respond(200, R"({"JobId": "64bea283eff6475ea6596027a6ba0929"})", std::string(json_headers));
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  auto const r = api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);

  REQUIRE(r.failure_if() != nullptr);
  apidecl::decode_error const* error = r.failure_if()->decode();
  REQUIRE(error != nullptr);
  CHECK(error->where == "TaskId");
  CHECK(error->what.find("missing") != std::string::npos);
  CHECK(error->status == 200);
  CHECK(r.failure_if()->message() == "cannot decode the response body at 'TaskId': missing required field");
}

TEST_CASE("400 with each known ErrorType decodes to the matching enumerator", "[cielo24][job_delete]") {
  for (cielo24_test::error_type_name const& expected : cielo24_test::error_types) {
    INFO(expected.text);
    apidecl::mock_transport mock;
    mock.respond(400, R"({"ErrorType":")" + std::string(expected.text) + R"(","ErrorComment":"Job has started."})",
                 std::string(json_headers));
    auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

    auto const r = api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);

    c24::error const* error = r.get_if<400>();
    REQUIRE(error != nullptr);
    CHECK(error->type == expected.value);
    CHECK(error->type.text() == expected.text);
    CHECK(error->comment == "Job has started.");
    CHECK(r.get_if<200>() == nullptr);
  }
}

TEST_CASE("400 with an ErrorType the library does not know keeps its text", "[cielo24][job_delete]") {
  apidecl::mock_transport mock;
  mock.respond(400, R"({"ErrorType": "JOB_IN_PROCESS", "ErrorComment": "contact support"})", std::string(json_headers));
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  auto const r = api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);

  c24::error const* error = r.get_if<400>();
  REQUIRE(error != nullptr);
  CHECK(error->type.value() == c24::error_type::unknown);
  CHECK_FALSE(error->type.is_known());
  CHECK(error->type.text() == "JOB_IN_PROCESS");
}

TEST_CASE("400 with a malformed body is a decode failure that keeps status, headers and body", "[cielo24][job_delete]") {
  std::string const truncated = R"({"ErrorType": "ITEM_NOT_FOUND", "ErrorComment": "Job not fo)";
  apidecl::mock_transport mock;
  mock.respond(400, truncated, std::string(json_headers));
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  auto const r = api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);

  REQUIRE(r.failure_if() != nullptr);
  CHECK(r.failure_if()->kind() == apidecl::failure_kind::decode);
  apidecl::decode_error const* error = r.failure_if()->decode();
  REQUIRE(error != nullptr);
  CHECK(error->where.empty());
  CHECK(error->what.find("malformed JSON") != std::string::npos);
  CHECK(error->status == 400);
  CHECK(error->headers == json_headers);
  CHECK(error->body == truncated);
  CHECK(r.http_status() == 400);
}

TEST_CASE("a 502 page from a proxy is an unexpected status kept whole", "[cielo24][job_delete]") {
  std::string const page = "<html><body><h1>502 Bad Gateway</h1></body></html>\n";
  std::string const headers = "Content-Type: text/html; charset=utf-8\r\nContent-Length: 51\r\n";
  apidecl::mock_transport mock;
  mock.respond(502, page, headers);
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  auto const r = api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);

  apidecl::unexpected_status const* unexpected = r.unexpected_if();
  REQUIRE(unexpected != nullptr);
  CHECK(unexpected->status == 502);
  CHECK(unexpected->headers == headers);
  CHECK(unexpected->body == page);
  CHECK(r.failure_if() == nullptr);
}

TEST_CASE("a 204, which delete does not document, is an unexpected status", "[cielo24][job_delete]") {
  apidecl::mock_transport mock;
  mock.respond(204);
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  auto const r = api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);

  REQUIRE(r.unexpected_if() != nullptr);
  CHECK(r.unexpected_if()->status == 204);
  CHECK(r.unexpected_if()->body.empty());
}

TEST_CASE("a transport failure is a failure of kind transport", "[cielo24][job_delete]") {
  apidecl::mock_transport mock;
  mock.fail(apidecl::transport_error{apidecl::transport_errc::cannot_connect, false, "connection refused"});
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

  auto const r = api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);

  REQUIRE(r.failure_if() != nullptr);
  CHECK(r.failure_if()->kind() == apidecl::failure_kind::transport);
  REQUIRE(r.failure_if()->transport() != nullptr);
  CHECK(r.failure_if()->transport()->code == apidecl::transport_errc::cannot_connect);
  CHECK(r.failure_if()->transport()->detail.view() == "connection refused");
  CHECK_FALSE(r.failure_if()->may_have_reached_server());
  CHECK(r.http_status() == 0);
}

TEST_CASE("a job_id that is not hex is a validation failure and nothing is sent", "[cielo24][job_delete]") {
  for (std::string_view bad : {"64bea283&job_id=ffff", "64bea283eff6475ea6596027a6ba092g", "", "64bea283%26"}) {
    INFO(bad);
    apidecl::mock_transport mock;
    mock.respond(200, std::string(seed_response_body));
    auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{});

    auto const r = api.call(c24::delete_job, c24::api_token = token, c24::job_id = bad);

    CHECK(mock.requests().empty());
    CHECK(mock.pending() == 1);
    REQUIRE(r.failure_if() != nullptr);
    CHECK(r.failure_if()->kind() == apidecl::failure_kind::validation);
    REQUIRE(r.failure_if()->validation() != nullptr);
    CHECK(r.failure_if()->validation()->parameter == "job_id");
    CHECK(r.failure_if()->validation()->code == apidecl::validation_error::code::invalid_argument);
    CHECK(r.get_if<200>() == nullptr);
  }
}
