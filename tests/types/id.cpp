// id: identifiers of one kind of thing, which cannot be mixed up with those of another.
#include <catch2/catch.hpp>

#include <apidecl/types/id.hpp>
#include <apidecl/types/text_value.hpp>

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace sample {
using quote_id = apidecl::id<struct quote_tag>;
using project_id = apidecl::id<struct project_tag, std::int64_t>;
using asset_id = apidecl::id<struct asset_tag, std::int64_t>;
using small_id = apidecl::id<struct small_tag, std::uint8_t>;

struct point {
  int x = 0;
  friend bool operator==(point a, point b) { return a.x == b.x; }
  friend bool operator<(point a, point b) { return a.x < b.x; }
};
using point_id = apidecl::id<struct point_tag, point>;

template <class A, class B, class = void>
struct comparable : std::false_type {};
template <class A, class B>
struct comparable<A, B, std::void_t<decltype(std::declval<A const&>() == std::declval<B const&>())>>
    : std::true_type {};
}  // namespace sample

TEST_CASE("ids of different kinds are different types that do not convert", "[types][id]") {
  STATIC_REQUIRE_FALSE(std::is_same_v<sample::project_id, sample::asset_id>);
  STATIC_REQUIRE_FALSE(std::is_convertible_v<sample::project_id, sample::asset_id>);
  STATIC_REQUIRE_FALSE(std::is_constructible_v<sample::asset_id, sample::project_id>);
  STATIC_REQUIRE_FALSE(sample::comparable<sample::project_id, sample::asset_id>::value);
  STATIC_REQUIRE(sample::comparable<sample::project_id, sample::project_id>::value);
}

TEST_CASE("an id is made from its value only on purpose", "[types][id]") {
  STATIC_REQUIRE_FALSE(std::is_convertible_v<std::string, sample::quote_id>);
  STATIC_REQUIRE_FALSE(std::is_convertible_v<std::int64_t, sample::project_id>);
  STATIC_REQUIRE_FALSE(std::is_convertible_v<sample::project_id, std::int64_t>);
  STATIC_REQUIRE(std::is_constructible_v<sample::project_id, std::int64_t>);
  STATIC_REQUIRE(std::is_same_v<sample::quote_id::value_type, std::string>);
  sample::quote_id const quote("795");
  CHECK(quote.value() == "795");
  CHECK(sample::project_id(123).value() == 123);
}

TEST_CASE("a default id holds a default value", "[types][id]") {
  CHECK(sample::quote_id().value().empty());
  CHECK(sample::project_id().value() == 0);
}

TEST_CASE("ids compare by value", "[types][id]") {
  CHECK(sample::project_id(123) == sample::project_id(123));
  CHECK(sample::project_id(123) != sample::project_id(124));
  CHECK(sample::project_id(9) < sample::project_id(10));
  CHECK(sample::project_id(10) > sample::project_id(9));
  CHECK(sample::project_id(10) <= sample::project_id(10));
  CHECK(sample::project_id(10) >= sample::project_id(10));
  CHECK(sample::quote_id("10") < sample::quote_id("9"));  // text orders as text
  CHECK(sample::point_id(sample::point{1}) < sample::point_id(sample::point{2}));
}

TEST_CASE("ids order, so they can key a map", "[types][id]") {
  std::map<sample::project_id, std::string> names{{sample::project_id(2), "b"}, {sample::project_id(1), "a"}};
  CHECK(names.begin()->second == "a");
  CHECK(names.at(sample::project_id(2)) == "b");
}

TEST_CASE("string and integer ids are text values; others are not", "[types][id]") {
  STATIC_REQUIRE(apidecl::is_text_value_v<sample::quote_id>);
  STATIC_REQUIRE(apidecl::is_text_value_v<sample::project_id>);
  STATIC_REQUIRE(apidecl::is_text_value_v<sample::small_id>);
  STATIC_REQUIRE_FALSE(apidecl::is_text_value_v<sample::point_id>);
  STATIC_REQUIRE_FALSE(apidecl::is_text_value_v<apidecl::id<struct flag_tag, bool>>);
  STATIC_REQUIRE(apidecl::text_format_v<sample::project_id> == "an integer ID");
}

TEST_CASE("a string id reads any text, exactly", "[types][id]") {
  for (std::string_view text : {"795", "cc8095fbfecf4647b2e10b622d81c19b", "", " spaced ", "caf\xC3\xA9"}) {
    INFO(text);
    auto const quote = apidecl::from_text<sample::quote_id>(text);
    REQUIRE(quote.has_value());
    CHECK(quote->value() == text);
    CHECK(apidecl::to_text(*quote) == text);
  }
}

TEST_CASE("an integer id reads decimal digits and writes them back", "[types][id]") {
  CHECK(apidecl::from_text<sample::project_id>("123")->value() == 123);
  CHECK(apidecl::to_text(sample::project_id(123)) == "123");
  CHECK(apidecl::to_text(sample::project_id(-7)) == "-7");
  CHECK(apidecl::to_text(sample::project_id(std::numeric_limits<std::int64_t>::min())) == "-9223372036854775808");
  CHECK(apidecl::from_text<sample::project_id>("9223372036854775807")->value() ==
        std::numeric_limits<std::int64_t>::max());
  CHECK(apidecl::from_text<sample::small_id>("255")->value() == 255);
}

TEST_CASE("an integer id refuses anything but the whole text as an integer in range", "[types][id]") {
  for (std::string_view text : {"", "abc", "12a", "a12", " 12", "12 ", "+12", "1.0", "1e3", "0x10", "-",
                                "9223372036854775808"}) {
    INFO(text);
    CHECK_FALSE(apidecl::from_text<sample::project_id>(text).has_value());
  }
  CHECK_FALSE(apidecl::from_text<sample::small_id>("256").has_value());
  CHECK_FALSE(apidecl::from_text<sample::small_id>("-1").has_value());
}
