// What apidecl-openapi makes of form bodies with nested objects and arrays (form_bodies.yaml),
// used as a user would: each field goes on the wire in the style the document's Encoding Object
// gives it, and what a server would send back decodes into the same value.
#include <catch2/catch.hpp>

#include "form_bodies.hpp"

#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/query_string.hpp>
#include <apidecl/transport/mock.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace fb = sign_ups;

namespace {
fb::sign_up a_sign_up() {
  fb::sign_up s;
  s.name = "Ann & Bob";
  s.home = {"Oslo", fb::geo{"59.9", 12}, std::vector<std::string>{"Storgata 1"}};
  s.contact = fb::contact{std::string("a@b.c"), std::nullopt};
  s.tags = std::vector<std::string>{"x", "y"};
  s.scores = std::vector<std::int64_t>{3, 5};
  return s;
}
}  // namespace

TEST_CASE("a generated form body is sent in the styles its Encoding Object gives", "[openapi]") {
  apidecl::mock_transport mock;
  mock.respond(201, R"({"id": "a1"})").respond(204);
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{}, apidecl::query_string_serializer{});
  auto const created = api.call(fb::sign_up_op, apidecl::body = a_sign_up());
  REQUIRE(created.get_if<201>() != nullptr);
  CHECK(created.get_if<201>()->id == "a1");
  fb::move_account_request move;
  move.address = {"Rome", std::nullopt, std::nullopt};
  move.reason = "sun";
  CHECK(api.call(fb::move_account, fb::id = "a1", apidecl::body = move).http_status() == 204);

  REQUIRE(mock.requests().size() == 2);
  CHECK(mock.requests()[0].header("Content-Type") == "application/x-www-form-urlencoded");
  // home: deepObject; contact: form (its fields as the body's); tags: form, exploded; scores: not exploded
  CHECK(mock.requests()[0].body ==
        "name=Ann%20%26%20Bob&home%5Bcity%5D=Oslo&home%5Bgeo%5D%5Blat%5D=59.9&home%5Bgeo%5D%5Balt%5D=12&"
        "home%5Blines%5D=Storgata%201&email=a%40b.c&tags=x&tags=y&scores=3,5");
  CHECK(mock.requests()[1].body == "city=Rome&reason=sun");
}

TEST_CASE("a generated form body decodes back from what it encodes", "[openapi]") {
  apidecl::query_string_serializer const form;
  std::string text(512, '\0');
  apidecl::writer out(text.data(), text.size());
  REQUIRE(form.encode(a_sign_up(), out));
  REQUIRE_FALSE(out.overflowed());
  text.resize(out.size());
  fb::sign_up back;
  REQUIRE(form.decode(text, back));
  CHECK(back.name == "Ann & Bob");
  REQUIRE(back.home.geo.has_value());
  CHECK(back.home.geo->alt == 12);
  REQUIRE(back.contact.has_value());
  CHECK(back.contact->email == "a@b.c");
  CHECK(back.scores == std::vector<std::int64_t>{3, 5});
  CHECK_FALSE(back.notify.has_value());

  fb::sign_up missing;
  auto const refused = form.decode("name=Ann&home[geo][lat]=1", missing);
  CHECK(refused.where() == "home[city]");
  CHECK(refused.what() == "missing required field");
}
