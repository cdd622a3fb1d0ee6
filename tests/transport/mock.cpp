// The scripted mock transport, and the Transport requirement it models.
#include <catch2/catch.hpp>

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/core/build.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>
#include <apidecl/transport/transport.hpp>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace c24 = apidecl::cielo24;

namespace mock_test {

// The exemplar of the Transport requirement, as a user writes one: it answers every request with
// a cielo24 task whose id is the target it was sent.
struct echo_transport {
  std::string answer;
  apidecl::transport_result send(apidecl::request const& r) {
    answer = R"({"TaskId": ")" + std::string(r.target()) + R"("})";
    return apidecl::response{200, apidecl::header_list(), answer};
  }
};

struct no_send {
  apidecl::transport_result post(apidecl::request const&);
};
struct send_takes_text {
  apidecl::transport_result send(std::string_view);
};
struct send_takes_a_mutable_request {
  apidecl::transport_result send(apidecl::request&);
};
struct send_returns_a_status_code {
  int send(apidecl::request const&);
};
struct send_returns_nothing {
  void send(apidecl::request const&);
};
struct send_is_not_a_function {
  int send = 0;
};

apidecl::request const post_request(apidecl::method::post, "/v2/widgets?dry_run=true",
                                    "Content-Type: application/json\r\nX-Request-Id: r1\r\n", "{\"name\":\"gear\"}");

}  // namespace mock_test

using namespace mock_test;

TEST_CASE("the mock and a user-written transport are Transports", "[transport][mock]") {
  STATIC_REQUIRE(apidecl::is_transport_v<apidecl::mock_transport>);
  STATIC_REQUIRE(apidecl::is_transport_v<apidecl::mock_transport&>);
  STATIC_REQUIRE(apidecl::is_transport_v<echo_transport>);
}

TEST_CASE("a type without a fitting send is not a Transport", "[transport][mock]") {
  STATIC_REQUIRE_FALSE(apidecl::is_transport_v<int>);
  STATIC_REQUIRE_FALSE(apidecl::is_transport_v<no_send>);
  STATIC_REQUIRE_FALSE(apidecl::is_transport_v<send_takes_text>);
  STATIC_REQUIRE_FALSE(apidecl::is_transport_v<send_takes_a_mutable_request>);
  STATIC_REQUIRE_FALSE(apidecl::is_transport_v<send_returns_a_status_code>);
  STATIC_REQUIRE_FALSE(apidecl::is_transport_v<send_returns_nothing>);
  STATIC_REQUIRE_FALSE(apidecl::is_transport_v<send_is_not_a_function>);
}

TEST_CASE("the client sends the request it built through a user-written transport and decodes its answer",
          "[transport][mock]") {
  echo_transport http;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  auto const r = api.call(c24::delete_job, c24::api_token = "7ca5dc5c7cce449fb0fff719307e8f5f",
                          c24::job_id = "64bea283eff6475ea6596027a6ba0929");
  REQUIRE(r.get_if<200>() != nullptr);
  CHECK(r.get_if<200>()->task_id ==
        "/api/job/delete?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f&job_id=64bea283eff6475ea6596027a6ba0929");
  CHECK(r.attempts() == 1);
}

TEST_CASE("the mock records each request it is given", "[transport][mock]") {
  apidecl::mock_transport mock;
  mock.respond(201);
  REQUIRE(mock.send(post_request));
  REQUIRE(mock.requests().size() == 1);
  apidecl::mock_transport::recorded_request const& recorded = mock.requests().front();
  CHECK(recorded.method == apidecl::method::post);
  CHECK(recorded.target == "/v2/widgets?dry_run=true");
  CHECK(recorded.path() == "/v2/widgets");
  CHECK(recorded.request_line() == "POST /v2/widgets?dry_run=true HTTP/1.1");
  CHECK(recorded.body == "{\"name\":\"gear\"}");
  CHECK(recorded.headers == "Content-Type: application/json\r\nX-Request-Id: r1\r\n");
  REQUIRE(recorded.header("x-request-id"));
  CHECK(*recorded.header("x-request-id") == "r1");
  CHECK(*recorded.header("content-type") == "application/json");
  CHECK_FALSE(recorded.header("Authorization"));
}

TEST_CASE("the mock records a built cielo24 request as the documentation shows it", "[transport][mock]") {
  std::array<char, 256> buffer{};
  auto const built = apidecl::build(c24::delete_job, buffer, c24::api_token = "7ca5dc5c7cce449fb0fff719307e8f5f",
                                    c24::job_id = "64bea283eff6475ea6596027a6ba0929");
  REQUIRE(built);
  apidecl::mock_transport mock;
  mock.respond(200, R"({ "TaskId" : "cc8095fbfecf4647b2e10b622d81c19b" })");
  REQUIRE(mock.send(*built));
  buffer.fill('?');  // the recording is a copy, not a view into the caller's buffer
  REQUIRE(mock.requests().size() == 1);
  CHECK(mock.requests()[0].request_line() ==
        "GET /api/job/delete?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f&job_id=64bea283eff6475ea6596027a6ba0929 "
        "HTTP/1.1");
  CHECK(mock.requests()[0].body.empty());
}

TEST_CASE("the mock replies in the order of its script", "[transport][mock]") {
  apidecl::mock_transport mock;
  mock.respond(200, "first", "Content-Type: text/plain\r\n").respond(404, "second").respond(204);
  CHECK(mock.pending() == 3);

  apidecl::transport_result const a = mock.send(post_request);
  REQUIRE(a);
  CHECK(a->status == 200);
  CHECK(a->body == "first");
  REQUIRE(a->headers.find("content-type"));
  CHECK(*a->headers.find("content-type") == "text/plain");
  CHECK(mock.pending() == 2);

  apidecl::transport_result const b = mock.send(post_request);
  REQUIRE(b);
  CHECK(b->status == 404);
  CHECK(b->body == "second");
  CHECK(b->headers.empty());

  apidecl::transport_result const c = mock.send(post_request);
  REQUIRE(c);
  CHECK(c->status == 204);
  CHECK(c->body.empty());
  CHECK(mock.pending() == 0);
  CHECK(mock.requests().size() == 3);
}

TEST_CASE("fail scripts a transport error in its place in the script", "[transport][mock]") {
  apidecl::mock_transport mock;
  mock.fail({apidecl::transport_errc::timed_out, true, "no answer in 30 s"}).respond(200, "retried");

  apidecl::transport_result const first = mock.send(post_request);
  REQUIRE_FALSE(first);
  CHECK(first.error().code == apidecl::transport_errc::timed_out);
  CHECK(first.error().may_have_reached_server);
  CHECK(first.error().detail.view() == "no answer in 30 s");

  apidecl::transport_result const second = mock.send(post_request);
  REQUIRE(second);
  CHECK(second->body == "retried");
  CHECK(mock.requests().size() == 2);  // the failed exchange is recorded too
}

TEST_CASE("running out of script is a transport error that never reached the server", "[transport][mock]") {
  apidecl::mock_transport mock;
  apidecl::transport_result const r = mock.send(post_request);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == apidecl::transport_errc::other);
  CHECK_FALSE(r.error().may_have_reached_server);
  CHECK(r.error().detail.view().find("no scripted reply") != std::string_view::npos);
  CHECK(mock.requests().size() == 1);

  mock.respond(204);
  CHECK(mock.send(post_request));
  CHECK_FALSE(mock.send(post_request));
}

TEST_CASE("as an AsyncTransport the mock answers at the next poll, in the order exchanges started", "[transport][mock]") {
  apidecl::mock_transport mock;
  mock.respond(201, "first").respond(404, "second");
  std::vector<std::string> answers;
  auto const keep = [&answers](apidecl::transport_result const& r) {
    answers.push_back(r ? std::to_string(r->status) + " " + std::string(r->body)
                        : "failed: " + std::string(r.error().detail.view()));
  };
  mock.start(post_request, keep);
  apidecl::exchange_id const dropped = mock.start(post_request, keep);
  mock.start(post_request, keep);
  CHECK(mock.requests().size() == 3);  // recorded as they start
  CHECK(mock.in_flight() == 3);
  CHECK(answers.empty());

  CHECK(mock.cancel(dropped));
  CHECK_FALSE(mock.cancel(dropped));
  CHECK(mock.poll() == 3);
  CHECK(answers == std::vector<std::string>{"201 first", "failed: mock transport: cancelled", "404 second"});
  CHECK(mock.pending() == 0);  // the cancelled exchange took no reply
  CHECK(mock.in_flight() == 0);
  CHECK(mock.poll() == 0);
}
