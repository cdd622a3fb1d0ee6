// comma_list and comma_separated: list parameters such as target_language=fr,de.
#include <catch2/catch.hpp>

#include <apidecl/core/constraint.hpp>
#include <apidecl/types/comma_list.hpp>
#include <apidecl/types/enum_names.hpp>

#include <array>
#include <string>
#include <type_traits>
#include <string_view>
#include <vector>

namespace {
enum class color { red, dark_blue, unnamed };
constexpr auto enum_names(color) noexcept {
  return std::array{apidecl::enum_name{color::red, "RED"}, apidecl::enum_name{color::dark_blue, "DARK_BLUE"}};
}
}  // namespace

static_assert(apidecl::is_constraint_v<apidecl::comma_separated<>>);
static_assert(apidecl::is_constraint_v<apidecl::comma_separated<apidecl::hex>>);
static_assert(!std::is_constructible_v<apidecl::comma_list, std::string>, "a string is one item, not a range of chars");

TEST_CASE("a comma_list joins its items with commas", "[types][comma_list]") {
  CHECK(apidecl::comma_list{"fr", "de", "es"}.text() == "fr,de,es");
  CHECK(apidecl::comma_list{"fr"}.text() == "fr");
  std::string_view const converted = apidecl::comma_list{"a", "b"};
  CHECK_FALSE(converted.empty());
}

TEST_CASE("a comma_list of any scalars spells each as every serializer does", "[types][comma_list]") {
  CHECK(apidecl::comma_list(std::vector<int>{1, -2, 30}).text() == "1,-2,30");
  CHECK(apidecl::comma_list(std::vector<color>{color::red, color::dark_blue}).text() == "RED,DARK_BLUE");
  CHECK(apidecl::comma_list(std::vector<color>{color::red, color::unnamed}).text() == "RED,");
}

TEST_CASE("comma_separated refuses empty items and checks each item", "[types][comma_list]") {
  using any = apidecl::comma_separated<>;
  using hexes = apidecl::comma_separated<apidecl::hex>;
  CHECK(any::violation("fr,de").empty());
  CHECK(any::violation("fr") .empty());
  CHECK_FALSE(any::violation("").empty());
  CHECK_FALSE(any::violation("fr,").empty());
  CHECK_FALSE(any::violation(",fr").empty());
  CHECK_FALSE(any::violation("fr,,de").empty());
  CHECK(hexes::violation("ab,01").empty());
  CHECK(hexes::violation("ab,0g") == "is not a hexadecimal string");
}
