// The client: builds the request in a buffer it owns, sends it through its Transport and decodes
// the answer with its Serializers.
#include <catch2/catch.hpp>

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/codec_result.hpp>
#include <apidecl/core/media_type.hpp>
#include <apidecl/transport/mock.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace c24 = apidecl::cielo24;

namespace client_test {

constexpr std::string_view token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr std::string_view job = "64bea283eff6475ea6596027a6ba0929";
constexpr std::string_view delete_line =
    "GET /api/job/delete?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f&job_id=64bea283eff6475ea6596027a6ba0929 "
    "HTTP/1.1";

// Reads `"Key": "value"` out of a flat JSON object; enough for the bodies these tests receive.
bool crude_field(std::string_view json, std::string_view key, std::string& value) {
  std::string const quoted = "\"" + std::string(key) + "\"";
  std::size_t at = json.find(quoted);
  if (at == std::string_view::npos) return false;
  at = json.find('"', json.find(':', at + quoted.size()));
  std::size_t const end = json.find('"', at + 1);
  if (at == std::string_view::npos || end == std::string_view::npos) return false;
  value = std::string(json.substr(at + 1, end - at - 1));
  return true;
}

// A Serializer of the test's own for the two cielo24 bodies.
struct crude_json {
  using media_type = apidecl::json;
  apidecl::decode_result decode(std::string_view text, c24::task& target) const {
    if (!crude_field(text, "TaskId", target.task_id)) return {"TaskId", "is missing"};
    return {};
  }
  apidecl::decode_result decode(std::string_view text, c24::error& target) const {
    std::string type;
    if (!crude_field(text, "ErrorType", type)) return {"ErrorType", "is missing"};
    if (!crude_field(text, "ErrorComment", target.comment)) return {"ErrorComment", "is missing"};
    target.type = apidecl::open_enum<c24::error_type>::from_text(type);
    return {};
  }
};

// A user-declared endpoint with an optional parameter that may be long.
struct note : apidecl::query<std::string_view, apidecl::optional> {
  static constexpr std::string_view name = "note";
};
struct job_id : apidecl::path_param<std::string_view, apidecl::hex> {
  static constexpr std::string_view name = "job_id";
};
inline constexpr apidecl::keyword<note> note_arg{};
inline constexpr apidecl::keyword<job_id> job_id_arg{};

struct annotate_job {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/{job_id}/annotate";
  using params = apidecl::params<job_id, note>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

std::string task_of(apidecl::result<c24::endpoints::delete_job> const& r) {
  return r.visit(apidecl::overload{
      [](c24::task const& t) { return "task " + t.task_id; },
      [](c24::error const& e) { return "error " + std::string(e.type.text()); },
      [](apidecl::unexpected_status const& s) { return "unexpected " + std::to_string(s.status); },
      [](apidecl::failure const& f) { return "failure " + f.message(); }});
}

}  // namespace client_test

using namespace client_test;

TEST_CASE("a client made from an lvalue transport refers to it", "[client]") {
  apidecl::mock_transport mock;
  auto api = apidecl::make_client(mock, crude_json{});
  STATIC_REQUIRE(std::is_same_v<decltype(api), apidecl::client<apidecl::mock_transport&, apidecl::serializer_set<crude_json>>>);
  CHECK(&api.transport() == &mock);

  mock.respond(200, R"({ "TaskId" : "cc8095fbfecf4647b2e10b622d81c19b" })");
  auto const r = api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);
  CHECK(task_of(r) == "task cc8095fbfecf4647b2e10b622d81c19b");
  REQUIRE(mock.requests().size() == 1);  // seen through the caller's own object
  CHECK(mock.requests()[0].request_line() == delete_line);
}

TEST_CASE("a client made from an rvalue transport owns it", "[client]") {
  apidecl::mock_transport scripted;
  scripted.respond(200, R"({"TaskId": "aa"})");
  auto api = apidecl::make_client(std::move(scripted), crude_json{});
  STATIC_REQUIRE(std::is_same_v<decltype(api), apidecl::client<apidecl::mock_transport, apidecl::serializer_set<crude_json>>>);
  CHECK(&api.transport() != &scripted);
  CHECK(api.transport().pending() == 1);

  auto const r = api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);
  CHECK(task_of(r) == "task aa");
  CHECK(api.transport().requests().size() == 1);
  CHECK(api.transport().pending() == 0);
}

TEST_CASE("a call returns the documented case decoded", "[client]") {
  apidecl::mock_transport mock;
  auto api = apidecl::make_client(mock, crude_json{});
  mock.respond(200, R"({"TaskId": "cc8095fbfecf4647b2e10b622d81c19b"})", "Content-Type: application/json\r\n")
      .respond(400, R"({"ErrorType": "ITEM_NOT_FOUND", "ErrorComment": "no such job"})");

  auto const deleted = api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);
  REQUIRE(deleted.get_if<200>() != nullptr);
  CHECK(deleted.get_if<200>()->task_id == "cc8095fbfecf4647b2e10b622d81c19b");

  auto const again = api.call(c24::delete_job, c24::job_id = job, c24::api_token = token);
  REQUIRE(again.get_if<400>() != nullptr);
  CHECK(again.get_if<400>()->type == c24::error_type::item_not_found);
  CHECK(again.get_if<400>()->comment == "no such job");
  CHECK(mock.requests().size() == 2);
  CHECK(mock.requests()[1].request_line() == delete_line);
}

TEST_CASE("a call to an endpoint whose responses carry no body needs no serializer", "[client]") {
  apidecl::mock_transport mock;
  auto api = apidecl::make_client(mock);
  mock.respond(204);
  auto const r = api.call(annotate_job{}, job_id_arg = "64be");
  CHECK(r.get_if<204>() != nullptr);
  REQUIRE(mock.requests().size() == 1);
  CHECK(mock.requests()[0].target == "/api/job/64be/annotate");
}

TEST_CASE("a transport failure comes back as a failure of kind transport", "[client]") {
  apidecl::mock_transport mock;
  auto api = apidecl::make_client(mock, crude_json{});
  mock.fail({apidecl::transport_errc::cannot_connect, false, "connection refused"});
  auto const r = api.call(c24::delete_job, c24::api_token = token, c24::job_id = job);

  REQUIRE(r.failure_if() != nullptr);
  CHECK(r.failure_if()->kind() == apidecl::failure_kind::transport);
  REQUIRE(r.failure_if()->transport() != nullptr);
  CHECK(r.failure_if()->transport()->code == apidecl::transport_errc::cannot_connect);
  CHECK_FALSE(r.failure_if()->may_have_reached_server());
  CHECK(r.http_status() == 0);
  CHECK(mock.requests().size() == 1);
}

TEST_CASE("a call whose arguments break their constraints sends nothing", "[client]") {
  apidecl::mock_transport mock;
  auto api = apidecl::make_client(mock, crude_json{});
  mock.respond(200, R"({"TaskId": "aa"})");
  auto const r = api.call(c24::delete_job, c24::api_token = token, c24::job_id = "64be&");

  REQUIRE(r.failure_if() != nullptr);
  CHECK(r.failure_if()->kind() == apidecl::failure_kind::validation);
  REQUIRE(r.failure_if()->validation() != nullptr);
  CHECK(r.failure_if()->validation()->parameter == "job_id");
  CHECK(r.failure_if()->validation()->code == apidecl::validation_error::code::invalid_argument);
  CHECK_FALSE(r.failure_if()->may_have_reached_server());
  CHECK(mock.requests().empty());
  CHECK(mock.pending() == 1);
}

TEST_CASE("the client's buffer grows for a request larger than its first 1024 bytes", "[client]") {
  apidecl::mock_transport mock;
  auto api = apidecl::make_client(mock);
  mock.respond(204).respond(204).respond(204);

  std::string const short_note = "ok";
  std::string const long_note(3000, 'n');
  std::string const longer_note(5000, 'm');

  CHECK(api.call(annotate_job{}, job_id_arg = "64be", note_arg = short_note).get_if<204>() != nullptr);
  CHECK(api.call(annotate_job{}, job_id_arg = "64be", note_arg = long_note).get_if<204>() != nullptr);
  CHECK(api.call(annotate_job{}, job_id_arg = "64be", note_arg = longer_note).get_if<204>() != nullptr);

  REQUIRE(mock.requests().size() == 3);
  CHECK(mock.requests()[0].target == "/api/job/64be/annotate?note=ok");
  CHECK(mock.requests()[1].target == "/api/job/64be/annotate?note=" + long_note);
  CHECK(mock.requests()[2].target == "/api/job/64be/annotate?note=" + longer_note);
}

TEST_CASE("a request that grew the buffer is still built exactly when percent-encoding makes it longer",
          "[client]") {
  apidecl::mock_transport mock;
  auto api = apidecl::make_client(mock);
  mock.respond(204);
  std::string const spaces(600, ' ');  // 600 bytes become 1800 on the wire
  CHECK(api.call(annotate_job{}, job_id_arg = "64be", note_arg = spaces).get_if<204>() != nullptr);
  REQUIRE(mock.requests().size() == 1);
  std::string expected = "/api/job/64be/annotate?note=";
  for (int i = 0; i < 600; ++i) expected += "%20";
  CHECK(mock.requests()[0].target == expected);
}

TEST_CASE("the client keeps the serializers it was given", "[client]") {
  apidecl::mock_transport mock;
  auto api = apidecl::make_client(mock, crude_json{});
  STATIC_REQUIRE(std::is_same_v<std::decay_t<decltype(api.serializers())>, apidecl::serializer_set<crude_json>>);
  STATIC_REQUIRE(std::decay_t<decltype(api.serializers())>::handles<apidecl::json>);
  STATIC_REQUIRE_FALSE(std::decay_t<decltype(api.serializers())>::handles<apidecl::xml>);
}
