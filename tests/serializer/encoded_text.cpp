// encode_text: a value encoded by a Serializer, passed as a parameter's text.
#include <catch2/catch.hpp>

#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/encoded_text.hpp>
#include <apidecl/serializer/fields.hpp>

#include <boost/hana/define_struct.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace {
struct filter {
  BOOST_HANA_DEFINE_STRUCT(filter,
    (std::string, name),
    (std::optional<int>, limit)
  );
};

// Refuses every value, to show a failed encoding.
struct refusing_serializer {
  using media_type = apidecl::json;
  apidecl::encode_result encode(filter const&, apidecl::writer&) const { return apidecl::encode_result("is refused"); }
};
}  // namespace

TEST_CASE("a small value is encoded in one pass", "[serializer][encoded_text]") {
  auto const text = apidecl::encode_text(apidecl::boost_json_serializer{}, filter{"a", 3});

  REQUIRE(text);
  CHECK(text.text() == R"({"name":"a","limit":3})");
  CHECK(std::string_view(text) == text.text());
  CHECK(text.problem().empty());
}

TEST_CASE("a value larger than the first buffer is encoded whole", "[serializer][encoded_text]") {
  std::string const long_name(1000, 'x');

  auto const text = apidecl::encode_text(apidecl::boost_json_serializer{}, filter{long_name, std::nullopt});

  REQUIRE(text);
  CHECK(text.text() == R"({"name":")" + long_name + R"("})");
}

TEST_CASE("a failed encoding is empty and says why", "[serializer][encoded_text]") {
  auto const text = apidecl::encode_text(refusing_serializer{}, filter{"a", 1});

  CHECK_FALSE(text);
  CHECK(text.text().empty());
  CHECK(text.problem() == "is refused");
}
