// The {fmt} formatters, meant for logs: no credential reaches their text, a request's shown
// through its declared secrets only (a plain request, which records none, with its query hidden);
// failures and unexpected statuses in one line.
#include <catch2/catch.hpp>

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/client/observer.hpp>
#include <apidecl/core/build.hpp>
#include <apidecl/fmt/formatters.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

#include <boost/hana/define_struct.hpp>

#include <fmt/format.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace c24 = apidecl::cielo24;

namespace {
constexpr char const* token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr char const* job = "64bea283eff6475ea6596027a6ba0929";
}  // namespace

namespace vault {
// An endpoint with a secret in each place a parameter goes, beside values that are not secret.
namespace params {
struct account : apidecl::path_param<std::string_view, apidecl::secret> {
  static constexpr std::string_view name = "account";
};
struct user : apidecl::query<std::string_view> {
  static constexpr std::string_view name = "user";
};
struct pin : apidecl::query<std::string_view, apidecl::optional, apidecl::secret> {
  static constexpr std::string_view name = "pin";
};
struct password : apidecl::header<std::string_view, apidecl::secret> {
  static constexpr std::string_view name = "X-Password";
};
struct trace : apidecl::header<std::string_view, apidecl::optional> {
  static constexpr std::string_view name = "X-Trace";
};
}  // namespace params
struct open_vault {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/vaults/{account}/open";
  using params = apidecl::params<params::account, params::user, params::pin, params::password, params::trace>;
  using responses = apidecl::responses<apidecl::on<204>>;
};
inline constexpr apidecl::keyword<params::account> account{};
inline constexpr apidecl::keyword<params::user> user{};
inline constexpr apidecl::keyword<params::pin> pin{};
inline constexpr apidecl::keyword<params::password> password{};
inline constexpr apidecl::keyword<params::trace> trace{};

// A body with a secret field, and one without.
struct pin_change {
  BOOST_HANA_DEFINE_STRUCT(pin_change, (std::string, user), (std::string, new_pin));
  static constexpr std::string_view secret_fields[] = {"new_pin"};
};
struct note {
  BOOST_HANA_DEFINE_STRUCT(note, (std::string, text));
};
// Bodies that hold a secret field deeper down; bodies that hold none, one of them a tree.
struct batch {
  BOOST_HANA_DEFINE_STRUCT(batch, (std::string, name), (std::vector<pin_change>, changes));
};
struct maybe_change {
  BOOST_HANA_DEFINE_STRUCT(maybe_change, (std::optional<pin_change>, change));
};
struct either {
  BOOST_HANA_DEFINE_STRUCT(either, (std::variant<note, pin_change>, what));
};
struct folder {
  BOOST_HANA_DEFINE_STRUCT(folder, (std::string, title), (std::vector<note>, notes));
};
struct outline {
  BOOST_HANA_DEFINE_STRUCT(outline, (std::string, title), (std::vector<outline>, children));
};
template <class Body>
struct put_body {
  static constexpr apidecl::method method = apidecl::method::put;
  static constexpr std::string_view path = "/vaults/settings";
  using body = apidecl::request_body<Body, apidecl::json>;
  using responses = apidecl::responses<apidecl::on<204>>;
};
}  // namespace vault

namespace {
// Keeps the head of every request an observer is told of, and its target as the formatter prints it.
struct keep_requests {
  std::vector<std::string>* heads;
  std::vector<std::string>* targets;
  void on(apidecl::attempt_sending const& e) {
    heads->push_back(e.request.head());
    targets->push_back(fmt::format("{}", e.request));
  }
};
}  // namespace

TEST_CASE("a plain request, which records no secret, prints its method and path, its query hidden whole", "[fmt]") {
  for (std::string_view query : {"api_token=s3cr3t", "username=ann&password=s3cr3t", "v=1"}) {
    INFO(query);
    std::string const target = "/api/account/x?" + std::string(query);
    apidecl::request const r(apidecl::method::get, target, "Authorization: Bearer s3cr3t\r\n", "body s3cr3t");
    CHECK(fmt::format("{}", r) == "GET /api/account/x?***");
  }
  CHECK(fmt::format("{}", apidecl::request(apidecl::method::delete_, "/api/item/7", {}, {})) == "DELETE /api/item/7");
}

TEST_CASE("a request built for cielo24 prints without its token", "[fmt]") {
  std::array<char, 512> buffer{};
  auto const built = apidecl::build(c24::delete_job, buffer, c24::api_token = token, c24::job_id = job);
  REQUIRE(built.has_value());
  std::string const text = fmt::format("{}", *built);
  CHECK(text == "GET /api/job/delete?***");
  CHECK(text.find(token) == std::string::npos);
}

TEST_CASE("building records exactly the values declared secret, in the path, the query and the header fields", "[fmt]") {
  std::vector<std::string> heads, targets;
  apidecl::mock_transport http;
  http.respond(204).respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, keep_requests{&heads, &targets});
  // The same text in a secret and a plain parameter: only the secret's place is hidden.
  (void)api.call(vault::open_vault{}, vault::account = "ann", vault::user = "ann", vault::pin = "1234",
                 vault::password = "hunter2", vault::trace = "hunter");
  (void)api.call(vault::open_vault{}, vault::account = "bob/1", vault::user = "bob", vault::password = "x");
  REQUIRE(http.requests().size() == 2);
  CHECK(http.requests()[0].request_line() == "GET /vaults/ann/open?user=ann&pin=1234 HTTP/1.1");  // sent as it is
  CHECK(heads == std::vector<std::string>{
                     "GET /vaults/***/open?user=ann&pin=*** HTTP/1.1\r\nX-Password: ***\r\nX-Trace: hunter\r\n",
                     "GET /vaults/***/open?user=bob HTTP/1.1\r\nX-Password: ***\r\n"});
  CHECK(targets == std::vector<std::string>{"GET /vaults/***/open?user=ann&pin=***", "GET /vaults/***/open?user=bob"});
}

TEST_CASE("a body whose type declares a secret field is shown as *** whole; another body as it is", "[fmt]") {
  std::vector<std::string> heads, targets, bodies;
  apidecl::mock_transport http;
  http.respond(204).respond(204);
  struct keep_bodies {
    std::vector<std::string>* bodies;
    void on(apidecl::attempt_sending const& e) { bodies->push_back(e.request.body()); }
  };
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, keep_bodies{&bodies});
  (void)api.call(vault::put_body<vault::pin_change>{}, apidecl::body = vault::pin_change{"ann", "4321"});
  (void)api.call(vault::put_body<vault::note>{}, apidecl::body = vault::note{"4321"});
  REQUIRE(http.requests().size() == 2);
  CHECK(http.requests()[0].body == R"({"user":"ann","new_pin":"4321"})");  // sent as it is
  CHECK(bodies == std::vector<std::string>{"***", R"({"text":"4321"})"});
  static_assert(apidecl::holds_secret_fields_v<vault::pin_change> && !apidecl::holds_secret_fields_v<vault::note>);
}

TEST_CASE("a body holding a secret field at any depth is shown as *** whole", "[fmt]") {
  static_assert(apidecl::holds_secret_fields_v<vault::batch> && apidecl::holds_secret_fields_v<vault::maybe_change> &&
                apidecl::holds_secret_fields_v<vault::either>);
  static_assert(!apidecl::holds_secret_fields_v<vault::folder>);
  static_assert(!apidecl::holds_secret_fields_v<vault::outline>);  // holds itself: the search ends
  std::vector<std::string> bodies;
  apidecl::mock_transport http;
  http.respond(204).respond(204).respond(204).respond(204);
  struct keep_bodies {
    std::vector<std::string>* bodies;
    void on(apidecl::attempt_sending const& e) { bodies->push_back(e.request.body()); }
  };
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, keep_bodies{&bodies});
  (void)api.call(vault::put_body<vault::batch>{}, apidecl::body = vault::batch{"b", {{"ann", "4321"}}});
  (void)api.call(vault::put_body<vault::maybe_change>{}, apidecl::body = vault::maybe_change{vault::pin_change{"ann", "4321"}});
  (void)api.call(vault::put_body<vault::either>{}, apidecl::body = vault::either{vault::note{"hello"}});
  (void)api.call(vault::put_body<vault::folder>{}, apidecl::body = vault::folder{"top", {{"leaf"}}});
  REQUIRE(http.requests().size() == 4);
  CHECK(http.requests()[0].body == R"({"name":"b","changes":[{"user":"ann","new_pin":"4321"}]})");  // sent as it is
  // The variant's body is hidden whichever alternative it holds: its type may hold a secret.
  CHECK(bodies == std::vector<std::string>{"***", "***", "***", R"({"title":"top","notes":[{"text":"leaf"}]})"});
}

TEST_CASE("a request an observer sees prints every declared secret as ***", "[fmt]") {
  struct log_targets {
    std::vector<std::string>* lines;
    void on(apidecl::attempt_sending const& e) { lines->push_back(fmt::format("{}", e.request)); }
  };
  std::vector<std::string> lines;
  apidecl::mock_transport http;
  http.respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{token}, log_targets{&lines});
  (void)api.call(c24::authorize_job, c24::job_id = job);
  CHECK(lines == std::vector<std::string>{std::string("GET /api/job/authorize?v=1&api_token=***&job_id=") + job});
}

TEST_CASE("a failure prints its one-line description", "[fmt]") {
  apidecl::failure const invalid =
      apidecl::validation_error{apidecl::validation_error::code::invalid_argument, "job_id", "is not a hexadecimal string", 0};
  CHECK(fmt::format("{}", invalid) == "invalid request: parameter 'job_id' is not a hexadecimal string");
  apidecl::failure const lost = apidecl::transport_error{apidecl::transport_errc::connection_lost, true, "reset"};
  CHECK(fmt::format("{}", lost) == "transport error: reset");
  apidecl::failure const undecodable = apidecl::decode_error{"TaskId", "expected a string", 200, "", "{\"TaskId\":1}"};
  CHECK(fmt::format("{}", undecodable) == "cannot decode the response body at 'TaskId': expected a string");
}

TEST_CASE("an unexpected status prints its status and the start of its body only", "[fmt]") {
  apidecl::unexpected_status const teapot{418, "Set-Cookie: session=s3cr3t\r\n", "short"};
  CHECK(fmt::format("{}", teapot) == "undocumented status 418 (5 bytes: \"short\")");
  apidecl::unexpected_status const page{502, "", std::string(100, 'x')};
  CHECK(fmt::format("{}", page) == "undocumented status 502 (100 bytes: \"" + std::string(80, 'x') + "...\")");
}
