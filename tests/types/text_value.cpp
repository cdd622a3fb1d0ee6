// text_value: the requirement that lets every serializer read and write a type as text, its trait,
// and from_text / to_text.
#include <catch2/catch.hpp>

#include <apidecl/types/text_value.hpp>

#include <string>
#include <string_view>

namespace sample {

/// The exemplar from text_value.hpp: a stock-keeping number, "SKU-" and digits.
struct sku {
  std::string number;

  friend bool parse_text(std::string_view text, sku& out) {
    constexpr std::string_view prefix = "SKU-";
    if (text.size() <= prefix.size() || text.substr(0, prefix.size()) != prefix) return false;
    for (char const c : text.substr(prefix.size()))
      if (c < '0' || c > '9') return false;
    out.number = std::string(text.substr(prefix.size()));
    return true;
  }
  friend void format_text(sku const& value, apidecl::writer& out) noexcept {
    out.append("SKU-");
    out.append(value.number);
  }
};

/// The same, found as free functions in its namespace rather than as hidden friends, and saying
/// what its text looks like.
struct ticket {
  static constexpr std::string_view text_format = "a ticket number (#digits)";
  int number = 0;
};
inline bool parse_text(std::string_view text, ticket& out) {
  if (text.size() != 2 || text[0] != '#' || text[1] < '0' || text[1] > '9') return false;
  out.number = text[1] - '0';
  return true;
}
inline void format_text(ticket const& value, apidecl::writer& out) noexcept {
  out.push_back('#');
  out.push_back(static_cast<char>('0' + value.number));
}

/// A long text, longer than to_text's first buffer.
struct banner {
  std::size_t width = 0;
  friend bool parse_text(std::string_view text, banner& out) {
    out.width = text.size();
    return text.find_first_not_of('=') == std::string_view::npos;
  }
  friend void format_text(banner const& value, apidecl::writer& out) noexcept {
    for (std::size_t i = 0; i < value.width; ++i) out.push_back('=');
  }
};

struct reads_only {
  friend bool parse_text(std::string_view, reads_only&) { return true; }
};
struct writes_only {
  friend void format_text(writes_only const&, apidecl::writer&) {}
};
struct parse_returns_int {
  friend int parse_text(std::string_view, parse_returns_int&) { return 1; }
  friend void format_text(parse_returns_int const&, apidecl::writer&) {}
};
struct format_returns_size {
  friend bool parse_text(std::string_view, format_returns_size&) { return true; }
  friend std::size_t format_text(format_returns_size const&, apidecl::writer&) { return 0; }
};
struct no_default {
  explicit no_default(int) {}
  friend bool parse_text(std::string_view, no_default&) { return true; }
  friend void format_text(no_default const&, apidecl::writer&) {}
};

}  // namespace sample

TEST_CASE("is_text_value_v holds for types with parse_text and format_text found by ADL", "[types][text_value]") {
  STATIC_REQUIRE(apidecl::is_text_value_v<sample::sku>);
  STATIC_REQUIRE(apidecl::is_text_value_v<sample::ticket>);
  STATIC_REQUIRE(apidecl::is_text_value_v<sample::banner>);
}

TEST_CASE("is_text_value_v refuses types lacking a function, a right return type or a default",
          "[types][text_value]") {
  STATIC_REQUIRE_FALSE(apidecl::is_text_value_v<sample::reads_only>);
  STATIC_REQUIRE_FALSE(apidecl::is_text_value_v<sample::writes_only>);
  STATIC_REQUIRE_FALSE(apidecl::is_text_value_v<sample::parse_returns_int>);
  STATIC_REQUIRE_FALSE(apidecl::is_text_value_v<sample::format_returns_size>);
  STATIC_REQUIRE_FALSE(apidecl::is_text_value_v<sample::no_default>);
  STATIC_REQUIRE_FALSE(apidecl::is_text_value_v<int>);
  STATIC_REQUIRE_FALSE(apidecl::is_text_value_v<std::string>);
}

TEST_CASE("text_format_v is the type's own phrase, or a generic one", "[types][text_value]") {
  STATIC_REQUIRE(apidecl::text_format_v<sample::ticket> == "a ticket number (#digits)");
  STATIC_REQUIRE(apidecl::text_format_v<sample::sku> == "a valid value of the field's type");
}

TEST_CASE("from_text gives the value text spells, or nothing", "[types][text_value]") {
  auto const parsed = apidecl::from_text<sample::sku>("SKU-123");
  REQUIRE(parsed.has_value());
  CHECK(parsed->number == "123");
  CHECK_FALSE(apidecl::from_text<sample::sku>("SKU-").has_value());
  CHECK_FALSE(apidecl::from_text<sample::sku>("sku-123").has_value());
  CHECK(apidecl::from_text<sample::ticket>("#7")->number == 7);
  CHECK_FALSE(apidecl::from_text<sample::ticket>("#77").has_value());
}

TEST_CASE("to_text writes a value's text", "[types][text_value]") {
  CHECK(apidecl::to_text(sample::sku{"42"}) == "SKU-42");
  CHECK(apidecl::to_text(sample::ticket{3}) == "#3");
}

TEST_CASE("to_text writes text of any length", "[types][text_value]") {
  for (std::size_t width : {0u, 63u, 64u, 65u, 1000u}) {
    INFO(width);
    CHECK(apidecl::to_text(sample::banner{width}) == std::string(width, '='));
  }
}

TEST_CASE("a text value's text reads back as the same value", "[types][text_value]") {
  for (std::string_view text : {"SKU-0", "SKU-007", "SKU-1234567890123456789012345678901234567890"}) {
    INFO(text);
    auto const parsed = apidecl::from_text<sample::sku>(text);
    REQUIRE(parsed.has_value());
    CHECK(apidecl::to_text(*parsed) == text);
  }
}
