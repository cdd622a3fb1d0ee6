// enum_value and enum_keyword: a parameter whose values are an enumeration's names.
#include <catch2/catch.hpp>

#include <apidecl/core/build.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/types/enum_param.hpp>

#include <array>
#include <string_view>

namespace {
enum class fidelity { mechanical, premium, unnamed };
constexpr auto enum_names(fidelity) noexcept {
  return std::array{apidecl::enum_name{fidelity::mechanical, "MECHANICAL"}, apidecl::enum_name{fidelity::premium, "PREMIUM"}};
}

// The header's example.
struct fidelity_param : apidecl::query<std::string_view, apidecl::enum_value<fidelity>> {
  static constexpr std::string_view name = "transcription_fidelity";
};
inline constexpr apidecl::enum_keyword<fidelity_param, fidelity> transcription_fidelity{};

struct transcribe {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/transcribe";
  using params = apidecl::params<fidelity_param>;
  using responses = apidecl::responses<apidecl::on<204>>;
};
}  // namespace

static_assert(apidecl::is_constraint_v<apidecl::enum_value<fidelity>>);
static_assert(apidecl::is_valid_call_v<transcribe, decltype(transcription_fidelity = fidelity::premium)>);

TEST_CASE("enum_value accepts the names only", "[types][enum_param]") {
  using constraint = apidecl::enum_value<fidelity>;
  CHECK(constraint::violation("PREMIUM").empty());
  CHECK(constraint::violation("premium") == "is not one of its allowed values");
  CHECK(constraint::violation("") == "is not one of its allowed values");
}

TEST_CASE("an enum_keyword sends the enumerator's name", "[types][enum_param]") {
  char buffer[256];
  auto const built = apidecl::build(transcribe{}, buffer, transcription_fidelity = fidelity::premium);

  REQUIRE(built);
  CHECK(built->target() == "/transcribe?transcription_fidelity=PREMIUM");
}

TEST_CASE("an enumerator without a name is refused when the request is built", "[types][enum_param]") {
  char buffer[256];
  auto const built = apidecl::build(transcribe{}, buffer, transcription_fidelity = fidelity::unnamed);

  REQUIRE_FALSE(built);
}
