// language_code: onDemand's locale codes, `ll` or `ll-cc`, held inline in lower case.
#include <catch2/catch.hpp>

#include <apidecl/types/language_code.hpp>
#include <apidecl/types/text_value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace {

apidecl::language_code parsed(std::string_view text) {
  INFO(text);
  auto const value = apidecl::from_text<apidecl::language_code>(text);
  REQUIRE(value.has_value());
  return *value;
}

}  // namespace

TEST_CASE("language_code is a text value held without the heap", "[types][language_code]") {
  STATIC_REQUIRE(apidecl::is_text_value_v<apidecl::language_code>);
  STATIC_REQUIRE(std::is_trivially_copyable_v<apidecl::language_code>);
  STATIC_REQUIRE(apidecl::text_format_v<apidecl::language_code> == "a language code (ll or ll-cc)");
}

TEST_CASE("a language with a country has both parts", "[types][language_code]") {
  auto const code = parsed("en-gb");
  CHECK(code.text() == "en-gb");
  CHECK(code.language() == "en");
  CHECK(code.country() == "gb");
  CHECK_FALSE(code.empty());
}

TEST_CASE("a language alone has no country", "[types][language_code]") {
  auto const code = parsed("fr");
  CHECK(code.text() == "fr");
  CHECK(code.language() == "fr");
  CHECK(code.country().empty());
}

TEST_CASE("any case is read and written in lower case", "[types][language_code]") {
  CHECK(apidecl::to_text(parsed("en-GB")) == "en-gb");
  CHECK(apidecl::to_text(parsed("EN-gb")) == "en-gb");
  CHECK(apidecl::to_text(parsed("Fr-Fr")) == "fr-fr");
  CHECK(apidecl::to_text(parsed("IT")) == "it");
}

TEST_CASE("a lower-case code is written exactly as it was read", "[types][language_code]") {
  for (std::string_view text : {"en-gb", "fr-fr", "it-it", "en-us", "zh-cn", "de", "ja"}) {
    INFO(text);
    CHECK(apidecl::to_text(parsed(text)) == text);
  }
}

TEST_CASE("anything but ll or ll-cc is refused", "[types][language_code]") {
  for (std::string_view text : {"", "e", "eng", "en-", "en-g", "en-gbr", "eng-gb", "en_gb", "en gb", "en--b", "-engb",
                                "en-g1", "e1", "en-GB ", " en", "zh-Hans", "zh-hans-cn", "en-419", "\xC3\xA9",
                                "en-\xC3\xA9", "e@", "e[", "e`", "e{"}) {
    INFO(text);
    CHECK_FALSE(apidecl::from_text<apidecl::language_code>(text).has_value());
  }
  CHECK_FALSE(apidecl::from_text<apidecl::language_code>(std::string_view("en\0gb", 5)).has_value());
}

TEST_CASE("a refused text leaves the target as it was", "[types][language_code]") {
  auto target = parsed("en-gb");
  CHECK_FALSE(parse_text("fr-f1", target));
  CHECK(target.text() == "en-gb");
}

TEST_CASE("codes are equal when their lower-case text is", "[types][language_code]") {
  CHECK(parsed("en-GB") == parsed("en-gb"));
  CHECK(parsed("en-gb") != parsed("en-us"));
  CHECK(parsed("en") != parsed("en-gb"));
  CHECK(apidecl::language_code() != parsed("en"));
}

TEST_CASE("a default code is empty and writes nothing", "[types][language_code]") {
  apidecl::language_code const none;
  CHECK(none.empty());
  CHECK(none.text().empty());
  CHECK(none.language().empty());
  CHECK(none.country().empty());
  CHECK(apidecl::to_text(none).empty());
}

TEST_CASE("codes read at compile time", "[types][language_code]") {
  STATIC_REQUIRE(apidecl::from_text<apidecl::language_code>("en-GB")->text() == "en-gb");
  STATIC_REQUIRE(apidecl::from_text<apidecl::language_code>("it-IT")->country() == "it");
  STATIC_REQUIRE_FALSE(apidecl::from_text<apidecl::language_code>("eng").has_value());
}
