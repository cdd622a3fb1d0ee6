// cielo24's Auth policy: the api_token query parameter, supplied once per client.
#include <catch2/catch.hpp>

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

#include <string>

namespace c24 = apidecl::cielo24;

TEST_CASE("token_auth puts the token in the query of every cielo24 call", "[cielo24][auth]") {
  apidecl::mock_transport mock;
  mock.respond(204).respond(200, R"({"TaskId": "8e1b2a3c4d5e6f708192a3b4c5d6e7f8"})", "Content-Type: application/json\r\n");
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{},
                                  c24::token_auth{"7ca5dc5c7cce449fb0fff719307e8f5f"});
  CHECK(api.call(c24::authorize_job, c24::job_id = "64bea283eff6475ea6596027a6ba0929").failure_if() == nullptr);
  auto const deleted = api.call(c24::delete_job, c24::job_id = "64bea283eff6475ea6596027a6ba0929");
  REQUIRE(deleted.get_if<200>() != nullptr);
  CHECK(deleted.get_if<200>()->task_id == "8e1b2a3c4d5e6f708192a3b4c5d6e7f8");
  REQUIRE(mock.requests().size() == 2);
  CHECK(mock.requests()[0].request_line() ==
        "GET /api/job/authorize?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f&job_id=64bea283eff6475ea6596027a6ba0929 "
        "HTTP/1.1");
  CHECK(mock.requests()[1].request_line() ==
        "GET /api/job/delete?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f&job_id=64bea283eff6475ea6596027a6ba0929 "
        "HTTP/1.1");
  CHECK(mock.requests()[1].headers.empty());
}

TEST_CASE("a token that is not hex is refused before sending, naming the parameter", "[cielo24][auth]") {
  apidecl::mock_transport mock;
  mock.respond(204);
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{}, c24::token_auth{"not a token"});
  auto const r = api.call(c24::authorize_job, c24::job_id = "64bea283eff6475ea6596027a6ba0929");
  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->validation() != nullptr);
  CHECK(r.failure_if()->validation()->parameter == "api_token");
  CHECK(mock.requests().empty());
}

TEST_CASE("a call that names api_token keeps its own", "[cielo24][auth]") {
  apidecl::mock_transport mock;
  mock.respond(204);
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{}, c24::token_auth{"aaaa"});
  (void)api.call(c24::authorize_job, c24::api_token = "bbbb", c24::job_id = "64bea283eff6475ea6596027a6ba0929");
  REQUIRE(mock.requests().size() == 1);
  CHECK(mock.requests()[0].target == "/api/job/authorize?v=1&api_token=bbbb&job_id=64bea283eff6475ea6596027a6ba0929");
}
