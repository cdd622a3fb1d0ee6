// The Session requirement with a user-written session: a bearer token from a login endpoint,
// renewed once when a call is answered 401, the token a secret header field.
#include <catch2/catch.hpp>

#include <apidecl/auth/session.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/clock/test_clock.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

#include <boost/hana/define_struct.hpp>

#include <string>
#include <tuple>
#include <vector>

namespace {
struct user_param : apidecl::query<std::string_view> {
  static constexpr std::string_view name = "user";
};
inline constexpr apidecl::keyword<user_param> my_user{};

struct token_body {
  BOOST_HANA_DEFINE_STRUCT(token_body, (std::string, token));
  static constexpr std::string_view secret_fields[] = {"token"};
};

struct my_login {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/login";
  using params = apidecl::params<user_param>;
  using responses = apidecl::responses<apidecl::on<200, token_body, apidecl::json>>;
};
struct data {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/data";
  using params = apidecl::params<>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

// The exemplar of session.hpp, verbatim.
struct my_session {
  using login_endpoint = my_login;
  std::string token;
  auto login_arguments() const { return std::tuple(my_user = "me"); }
  bool refused(apidecl::response const& r) const { return r.status == 401; }
  apidecl::auth_result accept(apidecl::result<my_login> const& r) {
    if (r.get_if<200>() == nullptr) return apidecl::auth_result("the login failed");
    token = r.get_if<200>()->token;
    return {};
  }
  apidecl::auth_result authenticate(apidecl::request const&, apidecl::header_writer& h) const {
    h.add_secret("Authorization", "Bearer ", token);
    return {};
  }
};
static_assert(apidecl::is_session_v<my_session>);

struct key_param : apidecl::query<std::string_view, apidecl::secret> {
  static constexpr std::string_view name = "key";
};
struct page_param : apidecl::query<int> {
  static constexpr std::string_view name = "page";
};
struct keyed_data {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/keyed";
  using params = apidecl::params<key_param, page_param>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

// A session whose token goes in the query, where the client replaces it in the built request;
// it logs in as the exemplar does.
struct query_session : my_session {
  auto arguments() const { return std::tuple(apidecl::keyword<key_param>{} = std::string_view(token)); }
  apidecl::auth_result authenticate(apidecl::request const&, apidecl::header_writer& h) const {
    h.add_secret("X-Key-Echo", token);  // a secret after the query, which must move with it
    return {};
  }
};
static_assert(apidecl::is_session_v<query_session>);

struct heads {
  std::vector<std::string>* texts;
  void on(apidecl::attempt_sending const& e) { texts->push_back(e.request.head()); }
};

constexpr char const* json_type = "Content-Type: application/json\r\n";
}  // namespace

TEST_CASE("a user-written session logs in when refused and repeats the call with the new header", "[auth][session]") {
  apidecl::mock_transport http;
  http.respond(401).respond(200, R"({"token": "s3cr3t-t0ken"})", json_type).respond(204);
  std::vector<std::string> texts;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, my_session{"expired"}, heads{&texts});
  auto const r = api.call(data{});
  CHECK(r.get_if<204>() != nullptr);
  CHECK(r.attempts() == 2);
  REQUIRE(http.requests().size() == 3);
  CHECK(http.requests()[0].header("Authorization") == "Bearer expired");
  CHECK(http.requests()[1].target == "/login?user=me");
  CHECK(http.requests()[2].header("Authorization") == "Bearer s3cr3t-t0ken");
  REQUIRE(texts.size() == 3);
  for (std::string const& text : texts) {
    CHECK(text.find("s3cr3t") == std::string::npos);
    CHECK(text.find("expired") == std::string::npos);
  }
}

TEST_CASE("a user-written session's failed login ends the call with its phrase; a second 401 is final",
          "[auth][session]") {
  apidecl::mock_transport http;
  http.respond(401).respond(500);
  http.respond(401).respond(200, R"({"token": "t"})", json_type).respond(401);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, my_session{"x"});
  auto const failed = api.call(data{});
  REQUIRE(failed.failure_if() != nullptr);
  CHECK(failed.failure_if()->message() == "cannot authenticate the request: the login failed");
  auto const refused = api.call(data{});
  REQUIRE(refused.unexpected_if() != nullptr);
  CHECK(refused.http_status() == 401);
  CHECK(http.pending() == 0);
}

TEST_CASE("calls refused while a login is under way wait for it: one login renews them all", "[auth][session]") {
  apidecl::mock_transport http;
  http.respond(401).respond(401).respond(401);
  http.respond(200, R"({"token": "s3cr3t-t0ken"})", json_type);
  http.respond(204).respond(204).respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, my_session{"expired"}, apidecl::test_clock{});
  std::vector<apidecl::pending_call<data>> calls;
  for (int i = 0; i < 3; ++i) calls.push_back(api.start(data{}));
  for (int frame = 0; frame < 10 && api.in_flight() > 0; ++frame) api.poll();
  for (auto const& call : calls) {
    REQUIRE(call.ready());
    CHECK(call.get().get_if<204>() != nullptr);
    CHECK(call.get().attempts() == 2);
  }
  REQUIRE(http.requests().size() == 7);
  CHECK(http.requests()[3].target == "/login?user=me");
  for (int i : {0, 1, 2}) CHECK(http.requests()[i].header("Authorization") == "Bearer expired");
  for (int i : {4, 5, 6}) CHECK(http.requests()[i].header("Authorization") == "Bearer s3cr3t-t0ken");
}

TEST_CASE("a failed login fails every call that waited for it", "[auth][session]") {
  apidecl::mock_transport http;
  http.respond(401).respond(401).respond(500);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, my_session{"expired"}, apidecl::test_clock{});
  auto first = api.start(data{});
  auto second = api.start(data{});
  for (int frame = 0; frame < 10 && api.in_flight() > 0; ++frame) api.poll();
  for (auto const* call : {&first, &second}) {
    REQUIRE(call->ready());
    REQUIRE(call->get().failure_if() != nullptr);
    CHECK(call->get().failure_if()->message() == "cannot authenticate the request: the login failed");
  }
  CHECK(http.requests().size() == 3);
  CHECK(http.pending() == 0);
}

TEST_CASE("what is not a whole Session is detectable", "[auth][session]") {
  struct refuses_only {
    bool refused(apidecl::response const&) const { return true; }
    apidecl::auth_result authenticate(apidecl::request const&, apidecl::header_writer&) const { return {}; }
  };
  STATIC_REQUIRE(apidecl::is_auth_v<refuses_only>);
  STATIC_REQUIRE_FALSE(apidecl::is_session_v<refuses_only>);
  STATIC_REQUIRE_FALSE(apidecl::detail::is_client_policy_v<refuses_only>);
  STATIC_REQUIRE(apidecl::detail::is_client_policy_v<my_session>);
}

TEST_CASE("a renewed query value of another length is written in place, encoded, the rest and the secrets moved",
          "[auth][session]") {
  for (std::string const& renewed : {std::string("a much longer token & more=yes"), std::string("k")}) {
    apidecl::mock_transport http;
    http.respond(401).respond(200, R"({"token": ")" + renewed + R"("})", json_type).respond(204);
    std::vector<std::string> texts;
    auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, query_session{"old-token"}, heads{&texts});
    auto const r = api.call(keyed_data{}, apidecl::keyword<page_param>{} = 3);
    CHECK(r.get_if<204>() != nullptr);
    REQUIRE(http.requests().size() == 3);
    CHECK(http.requests()[0].target == "/keyed?key=old-token&page=3");
    std::string const encoded = renewed == "k" ? "k" : "a%20much%20longer%20token%20%26%20more%3Dyes";
    CHECK(http.requests()[2].target == "/keyed?key=" + encoded + "&page=3");
    CHECK(http.requests()[2].header("X-Key-Echo") == renewed);
    REQUIRE(texts.size() == 3);
    CHECK(texts[2] == "GET /keyed?key=***&page=3 HTTP/1.1\r\nX-Key-Echo: ***\r\n");
  }
}
