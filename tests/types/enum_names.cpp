// enum_names: an enumeration's wire names, declared next to it and found by argument-dependent lookup.
#include <catch2/catch.hpp>

#include <apidecl/types/enum_names.hpp>

#include <array>
#include <string_view>

namespace sample {

enum class fidelity { mechanical, premium, professional, unlisted };
constexpr auto enum_names(fidelity) noexcept {
  return std::array{apidecl::enum_name{fidelity::mechanical, "MECHANICAL"},
                    apidecl::enum_name{fidelity::premium, "PREMIUM"},
                    apidecl::enum_name{fidelity::professional, "PROFESSIONAL"}};
}

/// A plain (unscoped) enum works the same.
enum job_status { authorizing, in_process };
constexpr auto enum_names(job_status) noexcept {
  return std::array{apidecl::enum_name{authorizing, "Authorizing"}, apidecl::enum_name{in_process, "In Process"}};
}

enum class nameless { a, b };

/// Not an enum, even though an enum_names overload takes it.
struct not_an_enum {};
constexpr auto enum_names(not_an_enum) noexcept { return std::array<apidecl::enum_name<int>, 0>{}; }

}  // namespace sample

TEST_CASE("has_enum_names_v is true only for enums that declare their names", "[types][enum_names]") {
  STATIC_REQUIRE(apidecl::has_enum_names_v<sample::fidelity>);
  STATIC_REQUIRE(apidecl::has_enum_names_v<sample::job_status>);
  STATIC_REQUIRE_FALSE(apidecl::has_enum_names_v<sample::nameless>);
  STATIC_REQUIRE_FALSE(apidecl::has_enum_names_v<sample::not_an_enum>);
  STATIC_REQUIRE_FALSE(apidecl::has_enum_names_v<int>);
}

TEST_CASE("a wire name gives its enumerator", "[types][enum_names]") {
  CHECK(apidecl::enum_from_text<sample::fidelity>("MECHANICAL") == sample::fidelity::mechanical);
  CHECK(apidecl::enum_from_text<sample::fidelity>("PROFESSIONAL") == sample::fidelity::professional);
  CHECK(apidecl::enum_from_text<sample::job_status>("In Process") == sample::in_process);
}

TEST_CASE("a text that is no wire name gives no enumerator", "[types][enum_names]") {
  CHECK_FALSE(apidecl::enum_from_text<sample::fidelity>("mechanical").has_value());
  CHECK_FALSE(apidecl::enum_from_text<sample::fidelity>("MECHANICAL ").has_value());
  CHECK_FALSE(apidecl::enum_from_text<sample::fidelity>("").has_value());
  CHECK_FALSE(apidecl::enum_from_text<sample::job_status>("InProcess").has_value());
}

TEST_CASE("an enumerator gives its wire name, or nothing if it has none", "[types][enum_names]") {
  CHECK(apidecl::enum_to_text(sample::fidelity::premium) == "PREMIUM");
  CHECK(apidecl::enum_to_text(sample::in_process) == "In Process");
  CHECK(apidecl::enum_to_text(sample::fidelity::unlisted).empty());
  CHECK(apidecl::enum_to_text(static_cast<sample::fidelity>(42)).empty());
}

TEST_CASE("names and enumerators convert at compile time", "[types][enum_names]") {
  STATIC_REQUIRE(apidecl::enum_to_text(sample::fidelity::mechanical) == "MECHANICAL");
  STATIC_REQUIRE(*apidecl::enum_from_text<sample::fidelity>("PREMIUM") == sample::fidelity::premium);
  STATIC_REQUIRE_FALSE(apidecl::enum_from_text<sample::fidelity>("HIGH").has_value());
}

TEST_CASE("every declared name converts to its enumerator and back", "[types][enum_names]") {
  for (auto const& entry : enum_names(sample::fidelity{})) {
    INFO(entry.text);
    CHECK(apidecl::enum_from_text<sample::fidelity>(entry.text) == entry.value);
    CHECK(apidecl::enum_to_text(entry.value) == entry.text);
  }
}
