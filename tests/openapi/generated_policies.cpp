// What apidecl-openapi makes of security schemes and integer bounds (security_and_ranges.yaml),
// used as a user would: each scheme's policy sends its credential and never shows it, and a value
// out of its documented range is refused before sending.
#include <catch2/catch.hpp>

#include "../auth/shown_texts.hpp"
#include "security_and_ranges.hpp"

#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace gs = gadget_store;

namespace {
constexpr char const* secret = "s3cr3t-cr3d3nt1al";
}  // namespace

TEST_CASE("each security scheme's policy sends its credential where the document says", "[openapi]") {
  apidecl::mock_transport mock;
  mock.respond(200, "[]").respond(200, R"({"id": 7, "name": "lamp"})").respond(201).respond(200, "[]");
  auto by_token = apidecl::make_client(mock, apidecl::boost_json_serializer{}, gs::token_auth{secret});
  CHECK(by_token.call(gs::list_gadgets).get_if<200>() != nullptr);
  auto by_password = apidecl::make_client(mock, apidecl::boost_json_serializer{}, gs::password_auth{"ann", secret});
  CHECK(by_password.call(gs::show_gadget, gs::id = 7).get_if<200>()->name == "lamp");
  auto by_key_field = apidecl::make_client(mock, apidecl::boost_json_serializer{}, gs::key_field_auth{secret});
  CHECK(by_key_field.call(gs::create_gadget, apidecl::body = gs::gadget{8, "desk"}).http_status() == 201);
  auto by_key_argument = apidecl::make_client(mock, apidecl::boost_json_serializer{}, gs::key_argument_auth{secret});
  CHECK(by_key_argument.call(gs::search_gadgets, gs::temperature = 20).get_if<200>() != nullptr);

  REQUIRE(mock.requests().size() == 4);
  CHECK(mock.requests()[0].header("Authorization") == "Bearer " + std::string(secret));
  CHECK(mock.requests()[1].header("Authorization") == "Basic YW5uOnMzY3IzdC1jcjNkM250MWFs");  // ann:s3cr3t-cr3d3nt1al
  CHECK(mock.requests()[2].header("X-API-Key") == secret);
  CHECK(mock.requests()[3].target == "/search?temperature=20&api_key=" + std::string(secret));
}

TEST_CASE("no generated policy's credential appears in what observers are shown", "[openapi]") {
  std::vector<std::string> texts;
  apidecl::mock_transport mock;
  mock.respond(401).respond(404).respond(201).respond(200, "[]");
  auto shown = test_support::shown_texts(texts);
  (void)apidecl::make_client(mock, apidecl::boost_json_serializer{}, gs::token_auth{secret}, shown).call(gs::list_gadgets);
  (void)apidecl::make_client(mock, apidecl::boost_json_serializer{}, gs::password_auth{"ann", secret}, shown)
      .call(gs::show_gadget, gs::id = 7);
  (void)apidecl::make_client(mock, apidecl::boost_json_serializer{}, gs::key_field_auth{secret}, shown)
      .call(gs::create_gadget, apidecl::body = gs::gadget{8, "desk"});
  (void)apidecl::make_client(mock, apidecl::boost_json_serializer{}, gs::key_argument_auth{secret}, shown)
      .call(gs::search_gadgets, gs::temperature = 20);
  REQUIRE(mock.requests().size() == 4);
  CHECK(std::count(texts.begin(), texts.end(), "GET /search?temperature=20&api_key=*** HTTP/1.1\r\n") == 1);
  CHECK_FALSE(test_support::shown_anywhere(texts, secret));
  CHECK_FALSE(test_support::shown_anywhere(texts, "YW5uOnMzY3IzdC1jcjNkM250MWFs"));
}

TEST_CASE("integer parameters keep their documented bounds, exclusive ones made inclusive", "[openapi]") {
  apidecl::mock_transport mock;
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{}, gs::token_auth{secret});
  auto refused = [&](auto const& endpoint, auto const&... args) {
    auto const r = api.call(endpoint, args...);
    return r.failure_if() != nullptr && r.failure_if()->validation() != nullptr ? r.failure_if()->message() : "";
  };
  CHECK(refused(gs::list_gadgets, gs::limit = 0) == "invalid request: parameter 'limit' is less than its declared minimum");
  CHECK(refused(gs::list_gadgets, gs::limit = 101) ==
        "invalid request: parameter 'limit' is greater than its declared maximum");
  CHECK(refused(gs::list_gadgets, gs::offset = -1) ==
        "invalid request: parameter 'offset' is less than its declared minimum");
  CHECK(refused(gs::show_gadget, gs::id = 0) == "invalid request: parameter 'id' is less than its declared minimum");
  CHECK(refused(gs::search_gadgets, gs::temperature = -274) ==
        "invalid request: parameter 'temperature' is less than its declared minimum");
  CHECK(refused(gs::search_gadgets, gs::temperature = 1000) ==
        "invalid request: parameter 'temperature' is greater than its declared maximum");
  CHECK(mock.requests().empty());

  mock.respond(200, "[]").respond(200, "[]").respond(200, "[]");
  CHECK(api.call(gs::list_gadgets, gs::limit = 1, gs::offset = 0).http_status() == 200);
  CHECK(api.call(gs::list_gadgets, gs::limit = 100).http_status() == 200);
  CHECK(api.call(gs::search_gadgets, gs::temperature = -273).http_status() == 200);
  REQUIRE(mock.requests().size() == 3);
  CHECK(mock.requests()[2].target == "/search?temperature=-273");
}
