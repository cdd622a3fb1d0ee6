// open_enum: an enumeration read from a service that may add values, keeping what it does not know.
#include <catch2/catch.hpp>

#include <apidecl/types/open_enum.hpp>

#include <array>
#include <string>
#include <string_view>
#include <type_traits>

namespace sample {

enum class error_type { bad_api_token, item_not_found, unknown };
constexpr auto enum_names(error_type) noexcept {
  return std::array{apidecl::enum_name{error_type::bad_api_token, "BAD_API_TOKEN"},
                    apidecl::enum_name{error_type::item_not_found, "ITEM_NOT_FOUND"}};
}

using open_error = apidecl::open_enum<error_type>;

}  // namespace sample

TEST_CASE("a known name reads as its value", "[types][open_enum]") {
  auto const e = sample::open_error::from_text("ITEM_NOT_FOUND");
  CHECK(e.is_known());
  CHECK(e.value() == sample::error_type::item_not_found);
  CHECK(e == sample::error_type::item_not_found);
  CHECK(e != sample::error_type::bad_api_token);
  CHECK(e.text() == "ITEM_NOT_FOUND");
}

TEST_CASE("an unknown name reads as unknown and keeps its text", "[types][open_enum]") {
  auto const e = sample::open_error::from_text("QUOTA_EXCEEDED");
  CHECK_FALSE(e.is_known());
  CHECK(e.value() == sample::error_type::unknown);
  CHECK(e == sample::error_type::unknown);
  CHECK(e.text() == "QUOTA_EXCEEDED");
}

TEST_CASE("names are matched exactly", "[types][open_enum]") {
  auto const e = sample::open_error::from_text("item_not_found");
  CHECK_FALSE(e.is_known());
  CHECK(e.text() == "item_not_found");
}

TEST_CASE("a default open_enum is unknown with no text", "[types][open_enum]") {
  sample::open_error const e;
  CHECK_FALSE(e.is_known());
  CHECK(e.value() == sample::error_type::unknown);
  CHECK(e.text().empty());
}

TEST_CASE("an open_enum converts from its enum and writes that value's name", "[types][open_enum]") {
  STATIC_REQUIRE(std::is_convertible_v<sample::error_type, sample::open_error>);
  sample::open_error e = sample::error_type::bad_api_token;
  CHECK(e.is_known());
  CHECK(e.text() == "BAD_API_TOKEN");
  e = sample::error_type::item_not_found;
  CHECK(e.text() == "ITEM_NOT_FOUND");
}

TEST_CASE("two unknown values are equal only with the same text", "[types][open_enum]") {
  auto const a = sample::open_error::from_text("NEW_ONE");
  CHECK(a == sample::open_error::from_text("NEW_ONE"));
  CHECK(a != sample::open_error::from_text("NEW_TWO"));
  CHECK(sample::open_error::from_text("BAD_API_TOKEN") == sample::open_error(sample::error_type::bad_api_token));
  CHECK(sample::open_error::from_text("BAD_API_TOKEN") != a);
}

TEST_CASE("a copy keeps the unknown text, also after the original is gone", "[types][open_enum]") {
  sample::open_error copy;
  {
    std::string received = "A_LONG_ERROR_NAME_THAT_DOES_NOT_FIT_A_SMALL_STRING_BUFFER";
    auto const original = sample::open_error::from_text(received);
    copy = original;
    received.assign(received.size(), 'x');
  }
  CHECK(copy.text() == "A_LONG_ERROR_NAME_THAT_DOES_NOT_FIT_A_SMALL_STRING_BUFFER");
  CHECK_FALSE(copy.is_known());
}
