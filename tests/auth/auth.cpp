// The Auth requirement: policies written by users add header fields after the request is built,
// may refuse, and may supply arguments; the client applies them between building and sending.
#include <catch2/catch.hpp>

#include <apidecl/apis/cielo24/token_auth.hpp>
#include <apidecl/auth/auth.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/query_string.hpp>
#include <apidecl/transport/mock.hpp>

#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace auth_test {

namespace c24 = apidecl::cielo24;

// A user's policy: a bearer token in the Authorization header.
struct bearer {
  std::string token;
  apidecl::auth_result authenticate(apidecl::request const&, apidecl::header_writer& h) const {
    h.add("Authorization", "Bearer ", token);
    return {};
  }
};

// A user's policy that signs what it sees: it records the request it was shown.
struct recording_auth {
  std::string seen;
  apidecl::auth_result authenticate(apidecl::request const& r, apidecl::header_writer& h) {
    seen = std::string(r.method_name()) + ' ' + std::string(r.target()) + '|' + std::string(r.headers().text()) +
           '|' + std::string(r.body());
    h.add("X-Seen", "yes");
    return {};
  }
};

// A user's policy that cannot sign (a hardware key that is not there).
struct unplugged_key {
  apidecl::auth_result authenticate(apidecl::request const&, apidecl::header_writer&) const {
    return apidecl::auth_result("the hardware key is not plugged in");
  }
};

// A user's policy that supplies an argument: an API key in the query of endpoints that declare it.
struct api_key : apidecl::query<std::string_view> {
  static constexpr std::string_view name = "api_key";
};
struct ping {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/ping";
  using params = apidecl::params<api_key>;
  using responses = apidecl::responses<apidecl::on<204>>;
};
struct status_page {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/status";
  using params = apidecl::params<>;
  using responses = apidecl::responses<apidecl::on<204>>;
};
struct key_in_query {
  std::string key;
  auto arguments() const { return std::tuple(apidecl::keyword<api_key>{} = std::string_view(key)); }
  apidecl::auth_result authenticate(apidecl::request const&, apidecl::header_writer&) const { return {}; }
};

std::string headers_written(void (*write)(apidecl::header_writer&), std::string_view* problem = nullptr) {
  char text[256];
  apidecl::writer out(text, sizeof text);
  apidecl::header_writer h(out);
  write(h);
  if (problem != nullptr) *problem = h.problem();
  return std::string(text, out.size());
}

}  // namespace auth_test

using namespace auth_test;

static_assert(apidecl::is_auth_v<bearer>);
static_assert(apidecl::is_auth_v<recording_auth>);
static_assert(apidecl::is_auth_v<apidecl::no_auth>);
static_assert(apidecl::is_auth_v<c24::token_auth>);
static_assert(!apidecl::is_auth_v<int>);
static_assert(!apidecl::is_auth_v<apidecl::mock_transport>);

TEST_CASE("header_writer writes one field per add, from pieces", "[auth]") {
  CHECK(headers_written([](apidecl::header_writer& h) {
          h.add("Authorization", "Bearer ", std::string("abc"));
          h.add("X-Trace", "1");
        }) == "Authorization: Bearer abc\r\nX-Trace: 1\r\n");
}

TEST_CASE("header_writer refuses fields that would break the header block", "[auth]") {
  std::string_view problem;
  CHECK(headers_written([](apidecl::header_writer& h) { h.add("X-Evil", "a\r\nInjected: yes"); }, &problem).empty());
  CHECK(problem == "a header value from the Auth policy contains a line break or NUL");
  CHECK(headers_written([](apidecl::header_writer& h) { h.add("X-Evil", "a", std::string_view("\0", 1)); },
                        &problem).empty());
  CHECK(headers_written([](apidecl::header_writer& h) { h.add("Bad Name", "v"); }, &problem).empty());
  CHECK(problem == "a header name from the Auth policy is not an HTTP token");
  CHECK(headers_written([](apidecl::header_writer& h) { h.add("", "v"); }, &problem).empty());
  CHECK(headers_written([](apidecl::header_writer& h) { h.add("X:Y", "v"); }, &problem).empty());
  CHECK(headers_written([](apidecl::header_writer& h) { h.add("X-Fine", "ok"); }, &problem) == "X-Fine: ok\r\n");
  CHECK(problem.empty());
}

TEST_CASE("a user-written Auth policy adds its header to every call", "[auth]") {
  apidecl::mock_transport mock;
  mock.respond(204);
  auto api = apidecl::make_client(mock, bearer{"s3cret"});
  CHECK(api.call(ping{}, apidecl::keyword<api_key>{} = "k").http_status() == 204);
  REQUIRE(mock.requests().size() == 1);
  CHECK(mock.requests()[0].header("Authorization") == "Bearer s3cret");
  CHECK(mock.requests()[0].headers == "Authorization: Bearer s3cret\r\n");
}

TEST_CASE("the policy sees the built request: method, target, the endpoint's headers and body", "[auth]") {
  apidecl::mock_transport mock;
  mock.respond(204);
  auto api = apidecl::make_client(mock, recording_auth{});
  (void)api.call(ping{}, apidecl::keyword<api_key>{} = "k");
  CHECK(api.auth().seen == "GET /ping?api_key=k||");
  CHECK(mock.requests()[0].headers == "X-Seen: yes\r\n");
}

TEST_CASE("a policy that cannot authenticate fails the call and sends nothing", "[auth]") {
  apidecl::mock_transport mock;
  mock.respond(204);
  auto api = apidecl::make_client(mock, unplugged_key{});
  auto const r = api.call(ping{}, apidecl::keyword<api_key>{} = "k");
  apidecl::failure const* f = r.failure_if();
  REQUIRE(f != nullptr);
  REQUIRE(f->validation() != nullptr);
  CHECK(f->validation()->code == apidecl::validation_error::code::cannot_authenticate);
  CHECK(f->message() == "cannot authenticate the request: the hardware key is not plugged in");
  CHECK_FALSE(f->may_have_reached_server());
  CHECK(mock.requests().empty());
}

TEST_CASE("a header the policy may not write fails the call and sends nothing", "[auth]") {
  apidecl::mock_transport mock;
  mock.respond(204);
  auto api = apidecl::make_client(mock, bearer{"line\nbreak"});
  auto const r = api.call(ping{}, apidecl::keyword<api_key>{} = "k");
  REQUIRE(r.failure_if() != nullptr);
  CHECK(r.failure_if()->message() ==
        "cannot authenticate the request: a header value from the Auth policy contains a line break or NUL");
  CHECK(mock.requests().empty());
}

TEST_CASE("a header longer than the client's buffer makes it grow, and the request is whole", "[auth]") {
  apidecl::mock_transport mock;
  mock.respond(204).respond(204);
  std::string const long_token(5000, 't');
  auto api = apidecl::make_client(mock, bearer{long_token});
  CHECK(api.call(ping{}, apidecl::keyword<api_key>{} = "k").http_status() == 204);
  CHECK(api.call(ping{}, apidecl::keyword<api_key>{} = "k").http_status() == 204);
  REQUIRE(mock.requests().size() == 2);
  for (auto const& sent : mock.requests()) {
    CHECK(sent.target == "/ping?api_key=k");
    CHECK(sent.header("Authorization") == "Bearer " + long_token);
  }
}

TEST_CASE("a policy's arguments go to endpoints that declare their parameter", "[auth]") {
  apidecl::mock_transport mock;
  mock.respond(204).respond(204).respond(204);
  auto api = apidecl::make_client(mock, key_in_query{"abc"});
  CHECK(api.call(ping{}).http_status() == 204);
  CHECK(api.call(ping{}, apidecl::keyword<api_key>{} = "mine").http_status() == 204);  // the caller's wins
  CHECK(api.call(status_page{}).http_status() == 204);                                // not declared: not added
  REQUIRE(mock.requests().size() == 3);
  CHECK(mock.requests()[0].target == "/ping?api_key=abc");
  CHECK(mock.requests()[1].target == "/ping?api_key=mine");
  CHECK(mock.requests()[2].target == "/status");
}

TEST_CASE("make_client sorts its policies whatever their order", "[auth]") {
  apidecl::mock_transport mock;
  auto a = apidecl::make_client(mock, bearer{"t"}, apidecl::query_string_serializer{});
  auto b = apidecl::make_client(mock, apidecl::query_string_serializer{}, bearer{"t"});
  STATIC_REQUIRE(std::is_same_v<decltype(a), decltype(b)>);
  STATIC_REQUIRE(std::is_same_v<decltype(a), apidecl::client<apidecl::mock_transport&,
                                                             apidecl::serializer_set<apidecl::query_string_serializer>, bearer>>);
  auto none = apidecl::make_client(mock);
  STATIC_REQUIRE(std::is_same_v<decltype(none), apidecl::client<apidecl::mock_transport&>>);
}
