// A Serializer written by a user, for a media type of their own, plugged into a client: the exemplar
// of the Serializer requirement (serializer.hpp), compiled and checked against is_serializer_v.
#include <catch2/catch.hpp>

#include <apidecl/apis/cielo24/job_delete.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/serializer.hpp>
#include <apidecl/transport/mock.hpp>

#include <charconv>
#include <string>
#include <string_view>

namespace shop {

/// One line of comma-separated fields, a format of this shop's own.
struct csv_line {
  static constexpr std::string_view name = "text/csv";
};

/// What the shop is sent. Not a Hana Struct: a user's serializer decides what it supports.
struct order {
  std::string item;
  int quantity = 0;
};

/// What the shop answers.
struct receipt {
  std::string id;
  std::string state;
};

/// Encodes an order as "item,quantity"; decodes a receipt from "id,state".
struct csv_serializer {
  using media_type = csv_line;

  apidecl::encode_result encode(order const& o, apidecl::writer& out) const {
    if (o.item.find_first_of(",\r\n") != std::string::npos)
      return apidecl::encode_result("holds a comma or a line break, which csv_line cannot quote");
    out.append(o.item);
    out.push_back(',');
    char digits[12];
    auto const end = std::to_chars(digits, digits + sizeof digits, o.quantity).ptr;
    out.append({digits, static_cast<std::size_t>(end - digits)});
    return {};
  }

  apidecl::decode_result decode(std::string_view text, receipt& r) const {
    std::size_t const comma = text.find(',');
    if (comma == std::string_view::npos) return {"", "expected two comma-separated fields"};
    if (comma == 0) return {"id", "is empty"};
    r.id.assign(text.substr(0, comma));
    r.state.assign(text.substr(comma + 1));
    return {};
  }
};

struct shop_id : apidecl::path_param<std::string_view> {
  static constexpr std::string_view name = "shop";
};
inline constexpr apidecl::keyword<shop_id> shop{};

/// POST /v1/shops/{shop}/orders with an order in csv_line; 201 answers a receipt in csv_line.
struct place_order {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/v1/shops/{shop}/orders";
  using params = apidecl::params<shop_id>;
  using body = apidecl::request_body<order, csv_line>;
  using responses = apidecl::responses<apidecl::on<201, receipt, csv_line>, apidecl::on<409>>;
};
inline constexpr place_order place{};

/// Everything a Serializer has but its media type.
struct untagged_serializer {
  apidecl::encode_result encode(order const&, apidecl::writer&) const { return {}; }
  apidecl::decode_result decode(std::string_view, receipt&) const { return {}; }
};

/// A media type tag without the name that goes in Content-Type.
struct nameless_media {};
struct serializer_of_nameless_media : untagged_serializer {
  using media_type = nameless_media;
};

}  // namespace shop

static_assert(apidecl::is_serializer_v<shop::csv_serializer>);
static_assert(!apidecl::is_serializer_v<shop::untagged_serializer>);
static_assert(!apidecl::is_serializer_v<shop::serializer_of_nameless_media>);
static_assert(apidecl::can_encode_v<shop::csv_serializer, shop::order>);
static_assert(!apidecl::can_encode_v<shop::csv_serializer, shop::receipt>);
static_assert(apidecl::can_decode_v<shop::csv_serializer, shop::receipt>);
static_assert(!apidecl::can_decode_v<shop::csv_serializer, shop::order>);

TEST_CASE("a user's serializer is recognised by the Serializer traits", "[serializer][user_serializer]") {
  STATIC_REQUIRE(apidecl::is_serializer_v<shop::csv_serializer>);
  STATIC_REQUIRE_FALSE(apidecl::is_serializer_v<shop::untagged_serializer>);
  STATIC_REQUIRE_FALSE(apidecl::is_serializer_v<int>);
  STATIC_REQUIRE(apidecl::is_valid_call_v<shop::place_order, decltype(shop::shop = "north"),
                                          decltype(apidecl::body = shop::order{})>);
  STATIC_REQUIRE_FALSE(apidecl::is_valid_call_v<shop::place_order, decltype(shop::shop = "north")>);
}

TEST_CASE("the body a user's serializer encodes is what the transport receives", "[serializer][user_serializer]") {
  apidecl::mock_transport mock;
  mock.respond(201, "R-17,accepted", "Content-Type: text/csv\r\n");
  auto api = apidecl::make_client(mock, shop::csv_serializer{});

  auto const r = api.call(shop::place, shop::shop = "north&south", apidecl::body = shop::order{"mug", 3});

  REQUIRE(mock.requests().size() == 1);
  auto const& sent = mock.requests()[0];
  CHECK(sent.request_line() == "POST /v1/shops/north%26south/orders HTTP/1.1");
  CHECK(sent.body == "mug,3");
  CHECK(sent.header("Content-Type") == std::optional<std::string_view>("text/csv"));
  CHECK(r.http_status() == 201);
}

TEST_CASE("the response in the user's media type is decoded by the user's serializer", "[serializer][user_serializer]") {
  apidecl::mock_transport mock;
  mock.respond(201, "R-17,accepted", "Content-Type: text/csv\r\n");
  auto api = apidecl::make_client(mock, shop::csv_serializer{});

  auto const r = api.call(shop::place, shop::shop = "north", apidecl::body = shop::order{"mug", 3});

  auto const* made = r.get_if<201>();
  REQUIRE(made != nullptr);
  CHECK(made->id == "R-17");
  CHECK(made->state == "accepted");
}

TEST_CASE("a documented status without a body needs nothing from the serializer", "[serializer][user_serializer]") {
  apidecl::mock_transport mock;
  mock.respond(409, "already placed");
  auto api = apidecl::make_client(mock, shop::csv_serializer{});

  auto const r = api.call(shop::place, shop::shop = "north", apidecl::body = shop::order{"mug", 1});

  CHECK(r.get_if<409>() != nullptr);
  CHECK(r.get_if<201>() == nullptr);
}

TEST_CASE("a decode error from a user's serializer keeps its path and the response", "[serializer][user_serializer]") {
  apidecl::mock_transport mock;
  mock.respond(201, ",accepted", "Content-Type: text/csv\r\n");
  mock.respond(201, "no comma here");
  auto api = apidecl::make_client(mock, shop::csv_serializer{});

  auto const empty_id = api.call(shop::place, shop::shop = "north", apidecl::body = shop::order{"mug", 1});
  REQUIRE(empty_id.failure_if() != nullptr);
  REQUIRE(empty_id.failure_if()->kind() == apidecl::failure_kind::decode);
  apidecl::decode_error const& first = *empty_id.failure_if()->decode();
  CHECK(first.where == "id");
  CHECK(first.what == "is empty");
  CHECK(first.status == 201);
  CHECK(first.body == ",accepted");
  CHECK(first.headers == "Content-Type: text/csv\r\n");

  auto const no_comma = api.call(shop::place, shop::shop = "north", apidecl::body = shop::order{"mug", 1});
  REQUIRE(no_comma.failure_if() != nullptr);
  REQUIRE(no_comma.failure_if()->decode() != nullptr);
  CHECK(no_comma.failure_if()->decode()->where.empty());
  CHECK(no_comma.failure_if()->decode()->what == "expected two comma-separated fields");
}

TEST_CASE("a body the user's serializer cannot encode is a validation failure and nothing is sent",
          "[serializer][user_serializer]") {
  apidecl::mock_transport mock;
  mock.respond(201, "R-1,accepted");
  auto api = apidecl::make_client(mock, shop::csv_serializer{});

  auto const r = api.call(shop::place, shop::shop = "north", apidecl::body = shop::order{"mug, large", 1});

  CHECK(mock.requests().empty());
  CHECK(mock.pending() == 1);
  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->kind() == apidecl::failure_kind::validation);
  apidecl::validation_error const& error = *r.failure_if()->validation();
  CHECK(error.code == apidecl::validation_error::code::unencodable_body);
  CHECK(error.parameter == "body");
  CHECK(error.problem == "holds a comma or a line break, which csv_line cannot quote");
}

TEST_CASE("a client with several serializers picks each endpoint's by media type", "[serializer][user_serializer]") {
  apidecl::mock_transport mock;
  mock.respond(201, "R-17,accepted");
  mock.respond(200, R"({"TaskId":"cc8095fbfecf4647b2e10b622d81c19b"})", "Content-Type: application/json\r\n");
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{}, shop::csv_serializer{});

  auto const placed = api.call(shop::place, shop::shop = "north", apidecl::body = shop::order{"mug", 2});
  auto const deleted = api.call(apidecl::cielo24::delete_job, apidecl::cielo24::api_token = "7ca5dc5c",
                                apidecl::cielo24::job_id = "64bea283");

  REQUIRE(mock.requests().size() == 2);
  CHECK(mock.requests()[0].body == "mug,2");
  CHECK(mock.requests()[0].header("Content-Type") == std::optional<std::string_view>("text/csv"));
  CHECK_FALSE(mock.requests()[1].header("Content-Type").has_value());
  REQUIRE(placed.get_if<201>() != nullptr);
  CHECK(placed.get_if<201>()->id == "R-17");
  REQUIRE(deleted.get_if<200>() != nullptr);
  CHECK(deleted.get_if<200>()->task_id == "cc8095fbfecf4647b2e10b622d81c19b");
}
