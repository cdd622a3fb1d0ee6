// decimal: exact fixed-point numbers for money, read and written as text without floating point.
#include <catch2/catch.hpp>

#include <apidecl/types/decimal.hpp>
#include <apidecl/types/text_value.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace {

apidecl::decimal parsed(std::string_view text) {
  INFO(text);
  auto const value = apidecl::from_text<apidecl::decimal>(text);
  REQUIRE(value.has_value());
  return *value;
}

}  // namespace

TEST_CASE("decimal is a text value", "[types][decimal]") {
  STATIC_REQUIRE(apidecl::is_text_value_v<apidecl::decimal>);
  STATIC_REQUIRE(apidecl::text_format_v<apidecl::decimal> == "a decimal number");
}

TEST_CASE("a decimal reads its digits into a coefficient and a scale", "[types][decimal]") {
  auto const price = parsed("118.99");
  CHECK(price.coefficient() == 11899);
  CHECK(price.scale() == 2);
  CHECK(parsed("118.90").coefficient() == 11890);
  CHECK(parsed("118.90").scale() == 2);
  CHECK(parsed("42").coefficient() == 42);
  CHECK(parsed("42").scale() == 0);
  CHECK(parsed("-0.5").coefficient() == -5);
  CHECK(parsed("-0.5").scale() == 1);
  CHECK(parsed("0.000000000000000001").coefficient() == 1);
  CHECK(parsed("0.000000000000000001").scale() == 18);
}

TEST_CASE("a decimal is written exactly as it was read", "[types][decimal]") {
  for (std::string_view text : {"118.99", "118.90", "0.10", "0.00", "0", "-0.5", "-118.99", "49984", "0.01", "-0.001",
                                "100", "100.0", "1.000000000000000000", "0.000000000000000001", "9223372036854775807",
                                "-9223372036854775808", "922337203.6854775807", "-9.223372036854775808"}) {
    INFO(text);
    CHECK(apidecl::to_text(parsed(text)) == text);
  }
}

TEST_CASE("the 64-bit limits read and write exactly", "[types][decimal]") {
  CHECK(parsed("9223372036854775807").coefficient() == std::numeric_limits<std::int64_t>::max());
  CHECK(parsed("-9223372036854775808").coefficient() == std::numeric_limits<std::int64_t>::min());
  CHECK(apidecl::to_text(apidecl::decimal(std::numeric_limits<std::int64_t>::min(), 18)) == "-9.223372036854775808");
}

TEST_CASE("a decimal built from coefficient and scale writes that value", "[types][decimal]") {
  CHECK(apidecl::to_text(apidecl::decimal(11899, 2)) == "118.99");
  CHECK(apidecl::to_text(apidecl::decimal(5, 3)) == "0.005");
  CHECK(apidecl::to_text(apidecl::decimal(-5, 3)) == "-0.005");
  CHECK(apidecl::to_text(apidecl::decimal(0, 2)) == "0.00");
  CHECK(apidecl::to_text(apidecl::decimal(120, 0)) == "120");
  CHECK(apidecl::to_text(apidecl::decimal()) == "0");
}

TEST_CASE("redundant leading zeros and the sign of zero are read but not written back", "[types][decimal]") {
  CHECK(apidecl::to_text(parsed("007.50")) == "7.50");
  CHECK(apidecl::to_text(parsed("-0")) == "0");
  CHECK(apidecl::to_text(parsed("-0.00")) == "0.00");
  CHECK(parsed("-0.00") == apidecl::decimal());
}

TEST_CASE("text that is not a plain decimal number is refused", "[types][decimal]") {
  for (std::string_view text : {"", "-", ".", ".5", "5.", "-.5", "+1", "1e3", "1E3", "1.2.3", "1,5", " 1", "1 ", "0x10",
                                "--1", "1-", "1.-5", "NaN", "inf", "\xC2\xBD", "\xD9\xA1"}) {
    INFO(text);
    CHECK_FALSE(apidecl::from_text<apidecl::decimal>(text).has_value());
  }
}

TEST_CASE("a coefficient beyond 64 bits is refused, not wrapped", "[types][decimal]") {
  for (std::string_view text : {"9223372036854775808", "-9223372036854775809", "92233720368547758.08",
                                "99999999999999999999", "0.99999999999999999999"}) {
    INFO(text);
    CHECK_FALSE(apidecl::from_text<apidecl::decimal>(text).has_value());
  }
}

TEST_CASE("more than 18 digits after the point are refused", "[types][decimal]") {
  CHECK(apidecl::from_text<apidecl::decimal>("0.000000000000000001").has_value());
  CHECK_FALSE(apidecl::from_text<apidecl::decimal>("0.0000000000000000001").has_value());
  CHECK_FALSE(apidecl::from_text<apidecl::decimal>("1.0000000000000000000").has_value());
}

TEST_CASE("a refused text leaves the target as it was", "[types][decimal]") {
  apidecl::decimal target(11899, 2);
  CHECK_FALSE(parse_text("12.3x", target));
  CHECK_FALSE(parse_text("99999999999999999999", target));
  CHECK(target.coefficient() == 11899);
  CHECK(target.scale() == 2);
}

TEST_CASE("decimals compare by value, whatever their scales", "[types][decimal]") {
  CHECK(parsed("118.9") == parsed("118.90"));
  CHECK(parsed("0") == parsed("0.000"));
  CHECK(parsed("1") != parsed("1.01"));
  CHECK(parsed("118.89") < parsed("118.9"));
  CHECK(parsed("118.9") <= parsed("118.90"));
  CHECK(parsed("118.9") >= parsed("118.90"));
  CHECK(parsed("-1") < parsed("0.00"));
  CHECK(parsed("-1.5") < parsed("-1.49"));
  CHECK(parsed("-1.5") > parsed("-1.50001"));
  CHECK(parsed("2") > parsed("1.999999999999999999"));
  CHECK_FALSE(parsed("1.10") < parsed("1.1"));
}

TEST_CASE("comparing decimals far apart in scale does not overflow", "[types][decimal]") {
  auto const huge = parsed("9223372036854775807");
  auto const tiny = parsed("0.000000000000000001");
  CHECK(huge > tiny);
  CHECK(tiny < huge);
  CHECK(parsed("-9223372036854775808") < parsed("-0.000000000000000001"));
  CHECK(parsed("9.223372036854775807") < parsed("10"));
  CHECK(parsed("9.223372036854775807") > parsed("9"));
  CHECK(parsed("9.223372036854775807") == apidecl::decimal(std::numeric_limits<std::int64_t>::max(), 18));
}

TEST_CASE("decimals read and compare at compile time", "[types][decimal]") {
  STATIC_REQUIRE(apidecl::from_text<apidecl::decimal>("118.99")->coefficient() == 11899);
  STATIC_REQUIRE(*apidecl::from_text<apidecl::decimal>("118.9") == apidecl::decimal(11890, 2));
  STATIC_REQUIRE_FALSE(apidecl::from_text<apidecl::decimal>("1e3").has_value());
}
