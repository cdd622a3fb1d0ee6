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

// cielo24's Session: logs in, and in again once when a call is answered BAD_API_TOKEN.
#include <apidecl/fmt/formatters.hpp>

#include <fmt/format.h>

#include <vector>

namespace {
constexpr char const* job_id = "64bea283eff6475ea6596027a6ba0929";
constexpr char const* old_token = "00000000000000000000000000000001";
constexpr char const* new_token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr char const* json_type = "Content-Type: application/json\r\n";
constexpr char const* password = "hunter2-correct-horse";
constexpr char const* bad_token = R"({"ErrorType": "BAD_API_TOKEN", "ErrorComment": "expired"})";
std::string const logged_in = std::string(R"({"ApiToken": ")") + new_token + R"("})";

// Every request and failure as an observer and {fmt} show them.
struct shown {
  std::vector<std::string>* texts;
  void on(apidecl::attempt_sending const& e) {
    texts->push_back(e.request.head());
    texts->push_back(fmt::format("{}", e.request));
  }
};

void check_no_secret_in(std::vector<std::string> const& texts) {
  for (std::string const& text : texts) {
    INFO(text);
    CHECK(text.find(password) == std::string::npos);
    CHECK(text.find(new_token) == std::string::npos);
    CHECK(text.find(old_token) == std::string::npos);
  }
}
}  // namespace

TEST_CASE("a call answered BAD_API_TOKEN logs in again and is repeated once with the new token", "[cielo24][session]") {
  apidecl::mock_transport mock;
  mock.respond(400, bad_token, json_type).respond(200, logged_in, json_type).respond(204);
  std::vector<std::string> texts;
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{},
                                  c24::password_session("alice", password, old_token), shown{&texts});
  auto const r = api.call(c24::authorize_job, c24::job_id = job_id);
  CHECK(r.get_if<204>() != nullptr);
  CHECK(r.attempts() == 2);
  REQUIRE(mock.requests().size() == 3);
  CHECK(mock.requests()[0].target == std::string("/api/job/authorize?v=1&api_token=") + old_token + "&job_id=" + job_id);
  CHECK(mock.requests()[1].target == std::string("/api/account/login?v=1&username=alice&password=") + password);
  CHECK(mock.requests()[2].target == std::string("/api/job/authorize?v=1&api_token=") + new_token + "&job_id=" + job_id);
  REQUIRE(texts.size() == 6);
  CHECK(texts[5] == std::string("GET /api/job/authorize?v=1&api_token=***&job_id=") + job_id);
  check_no_secret_in(texts);
}

TEST_CASE("a non-blocking call logs in again from poll, and another client of the session then needs no login",
          "[cielo24][session][non-blocking]") {
  apidecl::mock_transport mock;
  mock.respond(400, bad_token, json_type).respond(200, logged_in, json_type).respond(204);
  c24::password_session const session("alice", password, old_token);
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{}, session);
  auto pending = api.start(c24::authorize_job, c24::job_id = job_id);
  for (int i = 0; i < 10 && !pending.ready(); ++i) api.poll();
  REQUIRE(pending.ready());
  CHECK(pending.get().get_if<204>() != nullptr);
  REQUIRE(mock.requests().size() == 3);
  CHECK(mock.requests()[2].target == std::string("/api/job/authorize?v=1&api_token=") + new_token + "&job_id=" + job_id);

}

TEST_CASE("a client of a session renewed by another takes the new token, with no login of its own",
          "[cielo24][session][non-blocking]") {
  apidecl::mock_transport first_http;
  first_http.respond(400, bad_token, json_type).respond(200, logged_in, json_type).respond(204);
  apidecl::mock_transport second_http;
  second_http.respond(400, bad_token, json_type).respond(204);
  c24::password_session const session("alice", password, old_token);
  auto first = apidecl::make_client(first_http, apidecl::boost_json_serializer{}, session);
  auto second = apidecl::make_client(second_http, apidecl::boost_json_serializer{}, session);
  auto waiting = second.start(c24::authorize_job, c24::job_id = job_id);  // goes out with the old token
  auto renewing = first.start(c24::authorize_job, c24::job_id = job_id);
  for (int i = 0; i < 10 && !renewing.ready(); ++i) first.poll();
  REQUIRE(renewing.ready());
  for (int i = 0; i < 10 && !waiting.ready(); ++i) second.poll();
  REQUIRE(waiting.ready());
  CHECK(waiting.get().get_if<204>() != nullptr);
  REQUIRE(second_http.requests().size() == 2);
  CHECK(second_http.requests()[1].target == std::string("/api/job/authorize?v=1&api_token=") + new_token + "&job_id=" + job_id);
}

TEST_CASE("a call that names its own api_token is not renewed: the refusal is its result", "[cielo24][session]") {
  apidecl::mock_transport mock;
  mock.respond(400, bad_token, json_type);
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{}, c24::password_session("alice", password, old_token));
  auto const r = api.call(c24::authorize_job, c24::api_token = old_token, c24::job_id = job_id);
  CHECK(r.get_if<400>() != nullptr);
  CHECK(mock.requests().size() == 1);
}

TEST_CASE("a second refusal is the call's result, with one login only", "[cielo24][session]") {
  apidecl::mock_transport mock;
  mock.respond(400, bad_token, json_type).respond(200, logged_in, json_type).respond(400, bad_token, json_type);
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{}, c24::password_session("alice", password, old_token));
  auto const r = api.call(c24::authorize_job, c24::job_id = job_id);
  REQUIRE(r.get_if<400>() != nullptr);
  CHECK(r.get_if<400>()->type == c24::error_type::bad_api_token);
  CHECK(r.attempts() == 2);
  CHECK(mock.requests().size() == 3);
  CHECK(mock.pending() == 0);
}

TEST_CASE("a refused login ends the call, saying the login failed, with no secret in the message", "[cielo24][session]") {
  apidecl::mock_transport mock;
  mock.respond(400, bad_token, json_type)
      .respond(400, R"({"ErrorType": "LOGIN_INVALID", "ErrorComment": "bad password"})", json_type)
      .respond(204);
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{}, c24::password_session("alice", password, old_token));
  auto const r = api.call(c24::authorize_job, c24::job_id = job_id);
  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->validation() != nullptr);
  CHECK(r.failure_if()->validation()->code == apidecl::validation_error::code::cannot_authenticate);
  std::string const message = fmt::format("{}", *r.failure_if());
  CHECK(message == "cannot authenticate the request: the login failed: cielo24 refused the credentials");
  check_no_secret_in({message, r.failure_if()->message()});
  CHECK(r.attempts() == 1);
  CHECK(mock.requests().size() == 2);  // the call is not repeated
}

TEST_CASE("a login that cannot reach the service, or answers no token, is a failed login", "[cielo24][session]") {
  apidecl::mock_transport mock;
  mock.respond(400, bad_token, json_type).fail(apidecl::transport_error{apidecl::transport_errc::connection_lost, true, "reset"});
  mock.respond(400, bad_token, json_type).respond(200, R"({"ApiToken": ""})", json_type);
  mock.respond(400, bad_token, json_type).respond(200, R"({"ApiToken": 12)", json_type);
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{}, c24::password_session("alice", password, old_token));
  for (char const* problem : {"the login failed: its call did not complete", "the login failed: cielo24 answered without a token",
                              "the login failed: its call did not complete"}) {
    auto const r = api.call(c24::authorize_job, c24::job_id = job_id);
    REQUIRE(r.failure_if() != nullptr);
    REQUIRE(r.failure_if()->validation() != nullptr);
    CHECK(r.failure_if()->validation()->problem == problem);
  }
  CHECK(mock.pending() == 0);
}

TEST_CASE("login and logout by hand: the token is shared, and a call after logout logs in again", "[cielo24][session]") {
  apidecl::mock_transport mock;
  mock.respond(200, logged_in, json_type).respond(204).respond(400, bad_token, json_type)
      .respond(200, R"({"ApiToken": "aaaabbbbccccddddeeeeffff00001111"})", json_type).respond(204);
  std::vector<std::string> texts;
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{}, c24::securekey_session("alice", "abcdef0123456789"),
                                  shown{&texts});
  REQUIRE(api.login());
  CHECK(mock.requests()[0].target == "/api/account/login?v=1&username=alice&securekey=abcdef0123456789");
  CHECK(api.call(c24::logout).get_if<204>() != nullptr);
  CHECK(mock.requests()[1].target == std::string("/api/account/logout?v=1&api_token=") + new_token);
  CHECK(api.call(c24::authorize_job, c24::job_id = job_id).get_if<204>() != nullptr);
  REQUIRE(mock.requests().size() == 5);
  CHECK(mock.requests()[4].target ==
        std::string("/api/job/authorize?v=1&api_token=aaaabbbbccccddddeeeeffff00001111&job_id=") + job_id);
  for (std::string const& text : texts) CHECK(text.find("abcdef0123456789") == std::string::npos);
  check_no_secret_in(texts);
}

TEST_CASE("only the ErrorType BAD_API_TOKEN is a refusal, not a comment quoting it", "[cielo24][session]") {
  c24::password_session const s("alice", password);
  auto refused = [&](int status, std::string_view body) { return s.refused(apidecl::response{status, {}, body}); };
  CHECK(refused(400, R"({"ErrorType" : "BAD_API_TOKEN"})"));
  CHECK_FALSE(refused(400, R"({"ErrorType": "ITEM_NOT_FOUND", "ErrorComment": "\"BAD_API_TOKEN\""})"));
  CHECK_FALSE(refused(500, bad_token));
  CHECK_FALSE(refused(400, R"({"ErrorType")"));
  CHECK_FALSE(refused(400, ""));
  STATIC_REQUIRE(apidecl::is_session_v<c24::password_session>);
  STATIC_REQUIRE_FALSE(apidecl::is_session_v<c24::token_auth>);
}

TEST_CASE("a session without a token logs in before its first call is sent, blocking or not", "[cielo24][session]") {
  apidecl::mock_transport mock;
  mock.respond(200, logged_in, json_type).respond(204).respond(204);
  c24::password_session const session("alice", password);
  CHECK_FALSE(session.logged_in());
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{}, session);
  auto const r = api.call(c24::authorize_job, c24::job_id = job_id);
  CHECK(r.get_if<204>() != nullptr);
  CHECK(r.attempts() == 1);
  CHECK(session.logged_in());
  REQUIRE(mock.requests().size() == 2);
  CHECK(mock.requests()[0].target == std::string("/api/account/login?v=1&username=alice&password=") + password);
  CHECK(mock.requests()[1].target == std::string("/api/job/authorize?v=1&api_token=") + new_token + "&job_id=" + job_id);

  apidecl::mock_transport polled;
  polled.respond(200, logged_in, json_type).respond(204);
  auto started = apidecl::make_client(polled, apidecl::boost_json_serializer{}, c24::password_session("bob", password));
  auto pending = started.start(c24::authorize_job, c24::job_id = job_id);
  for (int i = 0; i < 10 && !pending.ready(); ++i) started.poll();
  REQUIRE(pending.ready());
  CHECK(pending.get().get_if<204>() != nullptr);
  REQUIRE(polled.requests().size() == 2);
  CHECK(polled.requests()[1].target == std::string("/api/job/authorize?v=1&api_token=") + new_token + "&job_id=" + job_id);
}

TEST_CASE("a session without a token whose login fails sends nothing else", "[cielo24][session]") {
  apidecl::mock_transport mock;
  mock.respond(400, R"({"ErrorType": "LOGIN_INVALID", "ErrorComment": "bad password"})", json_type);
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{}, c24::password_session("alice", password));
  auto const r = api.call(c24::authorize_job, c24::job_id = job_id);
  REQUIRE(r.failure_if() != nullptr);
  CHECK(r.failure_if()->message() == "cannot authenticate the request: the login failed: cielo24 refused the credentials");
  CHECK(r.attempts() == 0);
  CHECK(mock.requests().size() == 1);
}
