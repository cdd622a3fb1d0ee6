// boost_json_serializer and std::variant (one_of.hpp): an alternative picked by its discriminator,
// or the first that decodes, and every way a value can fail to be one of them.
#include <catch2/catch.hpp>

#include "../support/codec_checks.hpp"

#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/one_of.hpp>
#include <apidecl/serializer/serializer.hpp>

#include <boost/hana/define_struct.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace one_of_test {

struct cat {
  BOOST_HANA_DEFINE_STRUCT(cat, (std::string, pet_type), (bool, hunts));
  static constexpr apidecl::wire_name wire_names[] = {{"pet_type", "petType"}};
  static constexpr std::string_view discriminator_property = "petType";
  static constexpr std::string_view discriminator_value = "Cat";
};
struct dog {  // no field for the discriminator: the serializer writes it
  BOOST_HANA_DEFINE_STRUCT(dog, (int, bark_volume));
  static constexpr std::string_view discriminator_property = "petType";
  static constexpr std::string_view discriminator_value = "Dog";
};
using pet = std::variant<cat, dog>;

struct owner {
  BOOST_HANA_DEFINE_STRUCT(owner, (std::string, name), (std::vector<pet>, pets), (std::optional<pet>, favourite));
};

struct card_payment {
  BOOST_HANA_DEFINE_STRUCT(card_payment, (std::string, card), (int, cvc));
};
struct iban_payment {
  BOOST_HANA_DEFINE_STRUCT(iban_payment, (std::string, iban));
};
using payment = std::variant<card_payment, iban_payment>;
using number_or_text = std::variant<std::int64_t, std::string>;

struct misnamed {  // a discriminator property other than cat's
  BOOST_HANA_DEFINE_STRUCT(misnamed, (int, x));
  static constexpr std::string_view discriminator_property = "kind";
  static constexpr std::string_view discriminator_value = "M";
};

}  // namespace one_of_test

using namespace one_of_test;

namespace {
apidecl::boost_json_serializer const json;
}

static_assert(apidecl::can_decode_v<apidecl::boost_json_serializer, pet>);
static_assert(apidecl::can_encode_v<apidecl::boost_json_serializer, owner>);
static_assert(apidecl::can_decode_v<apidecl::boost_json_serializer, number_or_text>);
static_assert(!apidecl::can_decode_v<apidecl::boost_json_serializer, std::variant<cat, float*>>,
              "every alternative must be a type the serializer reads");
static_assert(apidecl::is_discriminated_v<pet>);
static_assert(!apidecl::is_discriminated_v<payment>);
static_assert(!apidecl::detail::one_of_traits<std::variant<cat, card_payment>>::all_or_none,
              "a discriminator on some alternatives only is refused");
static_assert(!apidecl::detail::one_of_traits<std::variant<cat, misnamed>>::consistent(),
              "alternatives naming different properties are refused");
static_assert(!apidecl::detail::one_of_traits<std::variant<cat, cat>>::consistent(), "two alternatives, one text");

TEST_CASE("the discriminator picks the alternative, wherever the variant is", "[serializer][boost_json][one_of]") {
  owner const o = test_support::decoded_by<owner>(
      json, R"({"name":"Ann","pets":[{"petType":"Dog","bark_volume":7},{"hunts":true,"petType":"Cat"}],)"
            R"("favourite":{"petType":"Cat","hunts":false}})");

  REQUIRE(o.pets.size() == 2);
  REQUIRE(std::holds_alternative<dog>(o.pets[0]));
  CHECK(std::get<dog>(o.pets[0]).bark_volume == 7);
  REQUIRE(std::holds_alternative<cat>(o.pets[1]));
  CHECK(std::get<cat>(o.pets[1]).hunts);
  CHECK(std::get<cat>(o.pets[1]).pet_type == "Cat");
  REQUIRE(o.favourite);
  CHECK(std::holds_alternative<cat>(*o.favourite));
}

TEST_CASE("encoding writes the discriminator, and decoding gives the value back", "[serializer][boost_json][one_of]") {
  owner const o{"Ann", {dog{3}, cat{"Cat", true}}, std::nullopt};
  std::string const text = test_support::encoded_by(json, o);

  CHECK(text == R"({"name":"Ann","pets":[{"bark_volume":3,"petType":"Dog"},{"petType":"Cat","hunts":true}]})");
  owner const back = test_support::decoded_by<owner>(json, text);
  CHECK(std::get<dog>(back.pets[0]).bark_volume == 3);
  CHECK(std::get<cat>(back.pets[1]).hunts);
}

TEST_CASE("a discriminator field naming another alternative is not encoded", "[serializer][boost_json][one_of]") {
  char buffer[256];
  apidecl::writer out(buffer, sizeof buffer);
  apidecl::encode_result const status = json.encode(pet{cat{"Dog", true}}, out);
  REQUIRE_FALSE(status);
  CHECK(status.problem() == "holds a discriminator field that does not name its own alternative");
}

TEST_CASE("a discriminator field left empty is given its alternative's text", "[serializer][boost_json][one_of]") {
  CHECK(test_support::encoded_by(json, pet{cat{"", false}}) == R"({"petType":"Cat","hunts":false})");
}

TEST_CASE("an unknown, missing or mistyped discriminator is a decode error naming the property",
          "[serializer][boost_json][one_of]") {
  auto const unknown = test_support::refused_by<owner>(json, R"({"name":"A","pets":[{"petType":"Ferret"}]})");
  CHECK(unknown.where() == "pets/0/petType");
  CHECK(unknown.what() == "unknown discriminator value \"Ferret\"");

  auto const missing = test_support::refused_by<owner>(json, R"({"name":"A","pets":[{"hunts":true}]})");
  CHECK(missing.where() == "pets/0/petType");
  CHECK(missing.what() == "missing discriminator");

  auto const mistyped = test_support::refused_by<pet>(json, R"({"petType":1,"hunts":true})");
  CHECK(mistyped.where() == "petType");
  CHECK(mistyped.what() == "expected a string");

  auto const not_object = test_support::refused_by<pet>(json, R"(["Cat"])");
  CHECK(not_object.what() == "expected an object");

  // The alternative named, then decoded: its own errors keep their path.
  auto const bad_field = test_support::refused_by<owner>(json, R"({"name":"A","pets":[{"petType":"Dog","bark_volume":"loud"}]})");
  CHECK(bad_field.where() == "pets/0/bark_volume");
  CHECK(bad_field.what() == "expected an integer");
}

TEST_CASE("without a discriminator the first alternative that decodes is the value", "[serializer][boost_json][one_of]") {
  payment const card = test_support::decoded_by<payment>(json, R"({"card":"4111","cvc":123,"iban":"x"})");
  REQUIRE(std::holds_alternative<card_payment>(card));
  CHECK(std::get<card_payment>(card).cvc == 123);

  payment const iban = test_support::decoded_by<payment>(json, R"({"iban":"DE89","card":"4111"})");
  REQUIRE(std::holds_alternative<iban_payment>(iban));
  CHECK(std::get<iban_payment>(iban).iban == "DE89");

  CHECK(std::get<std::int64_t>(test_support::decoded_by<number_or_text>(json, "42")) == 42);
  CHECK(std::get<std::string>(test_support::decoded_by<number_or_text>(json, R"("42")")) == "42");
  CHECK(test_support::encoded_by(json, number_or_text{std::string("x")}) == R"("x")");
}

TEST_CASE("a value no alternative decodes gives every alternative's reason", "[serializer][boost_json][one_of]") {
  auto const none = test_support::refused_by<payment>(json, R"({"card":"4111"})");
  CHECK(none.where().empty());
  CHECK(none.what() == "matches no alternative (0: cvc: missing required field; 1: iban: missing required field)");

  auto const wrong_type = test_support::refused_by<number_or_text>(json, "true");
  CHECK(wrong_type.what() == "matches no alternative (0: expected an integer; 1: expected a string)");

  auto const malformed = test_support::refused_by<payment>(json, R"({"card":)");
  CHECK(malformed.what().rfind("malformed JSON", 0) == 0);
}
