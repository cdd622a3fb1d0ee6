// money: onDemand's currencies by ISO 4217 code, and an amount paired with its currency.
#include <catch2/catch.hpp>

#include <apidecl/types/money.hpp>
#include <apidecl/types/open_enum.hpp>
#include <apidecl/types/text_value.hpp>

#include <string_view>

TEST_CASE("a currency is read and written as its ISO 4217 code", "[types][money]") {
  STATIC_REQUIRE(apidecl::has_enum_names_v<apidecl::currency>);
  CHECK(apidecl::enum_from_text<apidecl::currency>("CAD") == apidecl::currency::cad);
  CHECK(apidecl::enum_from_text<apidecl::currency>("EUR") == apidecl::currency::eur);
  CHECK(apidecl::enum_from_text<apidecl::currency>("GBP") == apidecl::currency::gbp);
  CHECK(apidecl::enum_from_text<apidecl::currency>("USD") == apidecl::currency::usd);
  CHECK(apidecl::enum_to_text(apidecl::currency::eur) == "EUR");
}

TEST_CASE("codes are matched exactly and other currencies are not known", "[types][money]") {
  for (std::string_view text : {"eur", "Eur", "EURO", "JPY", ""}) {
    INFO(text);
    CHECK_FALSE(apidecl::enum_from_text<apidecl::currency>(text).has_value());
  }
}

TEST_CASE("unknown has no code, so an open_enum keeps a code the list lacks", "[types][money]") {
  CHECK(apidecl::enum_to_text(apidecl::currency::unknown).empty());
  auto const yen = apidecl::open_enum<apidecl::currency>::from_text("JPY");
  CHECK_FALSE(yen.is_known());
  CHECK(yen.text() == "JPY");
  CHECK(apidecl::open_enum<apidecl::currency>::from_text("GBP") == apidecl::currency::gbp);
}

TEST_CASE("a currency that was never set is unknown", "[types][money]") {
  STATIC_REQUIRE(apidecl::currency{} == apidecl::currency::unknown);
  STATIC_REQUIRE(apidecl::money{}.code == apidecl::currency::unknown);
  STATIC_REQUIRE(apidecl::money{}.amount == apidecl::decimal());
}

TEST_CASE("money pairs an exact amount with its currency", "[types][money]") {
  apidecl::money const due{*apidecl::from_text<apidecl::decimal>("118.99"), apidecl::currency::eur};
  CHECK(apidecl::to_text(due.amount) == "118.99");
  CHECK(apidecl::enum_to_text(due.code) == "EUR");
}

TEST_CASE("money is equal when the currency is the same and the amounts are equal", "[types][money]") {
  apidecl::money const a{apidecl::decimal(1189, 1), apidecl::currency::eur};
  CHECK(a == apidecl::money{apidecl::decimal(11890, 2), apidecl::currency::eur});
  CHECK(a != apidecl::money{apidecl::decimal(1189, 1), apidecl::currency::usd});
  CHECK(a != apidecl::money{apidecl::decimal(11899, 2), apidecl::currency::eur});
}
