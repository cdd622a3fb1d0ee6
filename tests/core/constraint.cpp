// Constraints on parameter values: each says what is wrong with a value, or nothing.
#include <catch2/catch.hpp>

#include <apidecl/core/constraint.hpp>

#include <cstdint>
#include <string_view>

namespace {

struct fidelity_names {
  static constexpr std::string_view values[] = {"MECHANICAL", "PREMIUM", "PROFESSIONAL"};
};
using fidelity = apidecl::one_of<fidelity_names>;

// An exemplar user-written Constraint.
struct no_spaces {
  static constexpr std::string_view violation(std::string_view text) noexcept {
    return text.find(' ') == std::string_view::npos ? std::string_view{} : "contains a space";
  }
};

struct not_a_constraint {};
struct violation_returns_bool {
  static constexpr bool violation(std::string_view) noexcept { return false; }
};
struct violation_takes_int {
  static constexpr std::string_view violation(int) noexcept { return {}; }
};
struct violation_is_a_member {
  std::string_view violation(std::string_view) const noexcept { return {}; }
};

constexpr bool satisfies(std::string_view (*violation)(std::string_view) noexcept, std::string_view text) {
  return violation(text).empty();
}

}  // namespace

TEST_CASE("hex accepts non-empty strings of hex digits in either case", "[core][constraint]") {
  STATIC_REQUIRE(apidecl::hex::violation("64bea283eff6475ea6596027a6ba0929").empty());
  STATIC_REQUIRE(apidecl::hex::violation("0123456789abcdefABCDEF").empty());
  STATIC_REQUIRE(apidecl::hex::violation("0").empty());
}

TEST_CASE("hex rejects the empty string and any other character", "[core][constraint]") {
  CHECK(apidecl::hex::violation("") == "is not a hexadecimal string (it is empty)");
  CHECK(apidecl::hex::violation("64be&") == "is not a hexadecimal string");
  CHECK(apidecl::hex::violation("g") == "is not a hexadecimal string");
  CHECK(apidecl::hex::violation("0x1f") == "is not a hexadecimal string");
  CHECK(apidecl::hex::violation("ab cd") == "is not a hexadecimal string");
  CHECK(apidecl::hex::violation("-1") == "is not a hexadecimal string");
  CHECK_FALSE(apidecl::hex::violation(std::string_view("ab\0", 3)).empty());
}

TEST_CASE("length bounds are inclusive", "[core][constraint]") {
  using two_to_four = apidecl::length<2, 4>;
  CHECK(two_to_four::violation("a") == "is shorter than its declared minimum length");
  CHECK(two_to_four::violation("ab").empty());
  CHECK(two_to_four::violation("abcd").empty());
  CHECK(two_to_four::violation("abcde") == "is longer than its declared maximum length");
  CHECK(apidecl::length<0, 0>::violation("").empty());
  CHECK_FALSE(apidecl::length<0, 0>::violation("x").empty());
  CHECK(apidecl::length<3, 3>::violation("abc").empty());
}

TEST_CASE("length counts bytes, not characters", "[core][constraint]") {
  CHECK(apidecl::length<2, 2>::violation("\xC3\xA9").empty());  // é: one character, two bytes
  CHECK_FALSE(apidecl::length<1, 1>::violation("\xC3\xA9").empty());
}

TEST_CASE("range bounds are inclusive, on the decimal text of a whole number", "[core][constraint]") {
  using percent = apidecl::range<0, 100>;
  STATIC_REQUIRE(percent::violation("0").empty());
  STATIC_REQUIRE(percent::violation("100").empty());
  CHECK(percent::violation("42").empty());
  CHECK(percent::violation("-1") == "is less than its declared minimum");
  CHECK(percent::violation("101") == "is greater than its declared maximum");
  using below_zero = apidecl::range<-273, -1>;
  CHECK(below_zero::violation("-273").empty());
  CHECK(below_zero::violation("-1").empty());
  CHECK(below_zero::violation("-274") == "is less than its declared minimum");
  CHECK(below_zero::violation("0") == "is greater than its declared maximum");
  CHECK(below_zero::violation("-0") == "is greater than its declared maximum");
}

TEST_CASE("range refuses what is not a whole number", "[core][constraint]") {
  using any = apidecl::range<INTMAX_MIN, INTMAX_MAX>;
  for (std::string_view text : {"", "-", "+1", "1.5", "1e3", " 1", "0x10", "12a"}) {
    INFO(text);
    CHECK(any::violation(text) == "is not a whole number");
  }
}

TEST_CASE("range reads the whole of std::intmax_t, and a longer number is out of range", "[core][constraint]") {
  using any = apidecl::range<INTMAX_MIN, INTMAX_MAX>;
  CHECK(any::violation("9223372036854775807").empty());
  CHECK(any::violation("-9223372036854775808").empty());
  CHECK(any::violation("9223372036854775808") == "is greater than its declared maximum");
  CHECK(any::violation("-9223372036854775809") == "is less than its declared minimum");
  CHECK(any::violation("18446744073709551615") == "is greater than its declared maximum");  // a uint64_t's largest
  CHECK(apidecl::range<1, INTMAX_MAX>::violation("00000000000000000000000001").empty());
  CHECK(apidecl::range<1, INTMAX_MAX>::violation("99999999999999999999999999x") == "is not a whole number");
}

TEST_CASE("one_of accepts exactly its listed values", "[core][constraint]") {
  STATIC_REQUIRE(fidelity::violation("PREMIUM").empty());
  CHECK(fidelity::violation("MECHANICAL").empty());
  CHECK(fidelity::violation("PROFESSIONAL").empty());
  CHECK(fidelity::violation("premium") == "is not one of its allowed values");
  CHECK(fidelity::violation("PREMIUM ") == "is not one of its allowed values");
  CHECK(fidelity::violation("") == "is not one of its allowed values");
}

TEST_CASE("all_of reports the first constraint violated", "[core][constraint]") {
  using token = apidecl::all_of<apidecl::hex, apidecl::length<32, 32>>;
  CHECK(token::violation("7ca5dc5c7cce449fb0fff719307e8f5f").empty());
  CHECK(token::violation("7ca5") == "is shorter than its declared minimum length");
  CHECK(token::violation("zz") == "is not a hexadecimal string");  // both fail: hex is listed first

  using reversed = apidecl::all_of<apidecl::length<32, 32>, apidecl::hex>;
  CHECK(reversed::violation("zz") == "is shorter than its declared minimum length");
}

TEST_CASE("all_of of nothing accepts everything, as does no_constraint", "[core][constraint]") {
  STATIC_REQUIRE(apidecl::all_of<>::violation("anything at all").empty());
  STATIC_REQUIRE(apidecl::no_constraint::violation("").empty());
  STATIC_REQUIRE(apidecl::no_constraint::violation("& # ?").empty());
}

TEST_CASE("all_of combines user-written constraints with the shipped ones", "[core][constraint]") {
  using name = apidecl::all_of<apidecl::length<1, 8>, no_spaces>;
  CHECK(name::violation("widget").empty());
  CHECK(name::violation("a widget") == "contains a space");
  CHECK(name::violation("a long widget") == "is longer than its declared maximum length");
}

TEST_CASE("constraints are usable through a function pointer, as the request builder uses them",
          "[core][constraint]") {
  CHECK(satisfies(&apidecl::hex::violation, "abc"));
  CHECK_FALSE(satisfies(&apidecl::all_of<apidecl::hex>::violation, "xyz"));
  CHECK(satisfies(&fidelity::violation, "PREMIUM"));
}

TEST_CASE("is_constraint_v recognises the Constraint requirement", "[core][constraint]") {
  STATIC_REQUIRE(apidecl::is_constraint_v<apidecl::no_constraint>);
  STATIC_REQUIRE(apidecl::is_constraint_v<apidecl::hex>);
  STATIC_REQUIRE(apidecl::is_constraint_v<apidecl::length<1, 2>>);
  STATIC_REQUIRE(apidecl::is_constraint_v<apidecl::range<-1, 1>>);
  STATIC_REQUIRE(apidecl::is_constraint_v<fidelity>);
  STATIC_REQUIRE(apidecl::is_constraint_v<apidecl::all_of<>>);
  STATIC_REQUIRE(apidecl::is_constraint_v<apidecl::all_of<apidecl::hex, no_spaces>>);
  STATIC_REQUIRE(apidecl::is_constraint_v<no_spaces>);

  STATIC_REQUIRE_FALSE(apidecl::is_constraint_v<int>);
  STATIC_REQUIRE_FALSE(apidecl::is_constraint_v<not_a_constraint>);
  STATIC_REQUIRE_FALSE(apidecl::is_constraint_v<violation_returns_bool>);
  STATIC_REQUIRE_FALSE(apidecl::is_constraint_v<violation_takes_int>);
  STATIC_REQUIRE_FALSE(apidecl::is_constraint_v<violation_is_a_member>);
}
