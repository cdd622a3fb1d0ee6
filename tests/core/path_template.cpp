// Reading {placeholder}s out of path templates, at compile time and at run time.
#include <catch2/catch.hpp>

#include <apidecl/core/path_template.hpp>

#include <string>
#include <string_view>

namespace pt = apidecl::path_template;
using namespace std::string_view_literals;

// Everything is constexpr, so descriptors can be checked while compiling.
static_assert(pt::is_well_formed("/api/quote/{quote_id}/authorize"));
static_assert(!pt::is_well_formed("api/job"));
static_assert(pt::count("/a/{x}/b/{y}") == 2);
static_assert(pt::at("/a/{x}/b/{y}", 1).name == "y");
static_assert(pt::at("/a/{x}/b/{y}", 1).open == 9);
static_assert(pt::contains("/a/{x}/b/{y}", "x"));
static_assert(!pt::contains("/a/{x}/b/{y}", "z"));

TEST_CASE("templates that start with '/' and close every brace around a name are well-formed",
          "[core][path_template]") {
  STATIC_REQUIRE(pt::is_well_formed("/"));
  STATIC_REQUIRE(pt::is_well_formed("/api/job/authorize"));
  STATIC_REQUIRE(pt::is_well_formed("/v2/widgets/{widget_id}"));
  STATIC_REQUIRE(pt::is_well_formed("/{a}"));
  STATIC_REQUIRE(pt::is_well_formed("/{a}{b}"));
  STATIC_REQUIRE(pt::is_well_formed("/x/{Name_2}/y/{id}.json"));
  STATIC_REQUIRE(pt::is_well_formed("/a-b.c~d/%20/"));
}

TEST_CASE("templates without a leading '/' are malformed", "[core][path_template]") {
  STATIC_REQUIRE_FALSE(pt::is_well_formed(""));
  STATIC_REQUIRE_FALSE(pt::is_well_formed("api/job"));
  STATIC_REQUIRE_FALSE(pt::is_well_formed("{id}/x"));
  STATIC_REQUIRE_FALSE(pt::is_well_formed("https://example.com/x"));
}

TEST_CASE("stray, nested or unclosed braces make a template malformed", "[core][path_template]") {
  STATIC_REQUIRE_FALSE(pt::is_well_formed("/a/}"));
  STATIC_REQUIRE_FALSE(pt::is_well_formed("/a/{id}}"));
  STATIC_REQUIRE_FALSE(pt::is_well_formed("/a/{"));
  STATIC_REQUIRE_FALSE(pt::is_well_formed("/a/{id"));
  STATIC_REQUIRE_FALSE(pt::is_well_formed("/a/{id/b"));
  STATIC_REQUIRE_FALSE(pt::is_well_formed("/a/{{id}}"));
  STATIC_REQUIRE_FALSE(pt::is_well_formed("/a/{x{y}}"));
}

TEST_CASE("a placeholder needs a non-empty name of letters, digits and '_'", "[core][path_template]") {
  STATIC_REQUIRE_FALSE(pt::is_well_formed("/a/{}"));
  STATIC_REQUIRE_FALSE(pt::is_well_formed("/a/{job-id}"));
  STATIC_REQUIRE_FALSE(pt::is_well_formed("/a/{job id}"));
  STATIC_REQUIRE_FALSE(pt::is_well_formed("/a/{job.id}"));
}

TEST_CASE("a template holds no query or fragment", "[core][path_template]") {
  STATIC_REQUIRE_FALSE(pt::is_well_formed("/a?b=1"));
  STATIC_REQUIRE_FALSE(pt::is_well_formed("/a/{id}?v=1"));
  STATIC_REQUIRE_FALSE(pt::is_well_formed("/a#top"));
}

TEST_CASE("count gives the number of placeholders", "[core][path_template]") {
  STATIC_REQUIRE(pt::count("/") == 0);
  STATIC_REQUIRE(pt::count("/api/job/delete") == 0);
  STATIC_REQUIRE(pt::count("/v2/widgets/{widget_id}") == 1);
  STATIC_REQUIRE(pt::count("/{a}{b}/{c}") == 3);
}

TEST_CASE("at gives each placeholder's name and the position of its brace", "[core][path_template]") {
  constexpr std::string_view path = "/api/{org}/quote/{quote_id}/authorize";
  STATIC_REQUIRE(pt::at(path, 0).name == "org");
  STATIC_REQUIRE(pt::at(path, 0).open == 5);
  STATIC_REQUIRE(pt::at(path, 1).name == "quote_id");
  STATIC_REQUIRE(pt::at(path, 1).open == 17);
  CHECK(path[pt::at(path, 1).open] == '{');
  CHECK(path.substr(pt::at(path, 1).open, 10) == "{quote_id}");
}

TEST_CASE("adjacent placeholders are read apart", "[core][path_template]") {
  constexpr std::string_view path = "/{a}{bc}";
  STATIC_REQUIRE(pt::at(path, 0).name == "a");
  STATIC_REQUIRE(pt::at(path, 1).name == "bc");
  STATIC_REQUIRE(pt::at(path, 1).open == 4);
}

TEST_CASE("next past the last placeholder gives an empty name at the end", "[core][path_template]") {
  constexpr std::string_view path = "/a/{x}/b";
  constexpr pt::placeholder first = pt::next(path, 0);
  STATIC_REQUIRE(first.name == "x");
  constexpr pt::placeholder after = pt::next(path, first.open + 1);
  STATIC_REQUIRE(after.name.empty());
  STATIC_REQUIRE(after.open == path.size());
}

TEST_CASE("contains matches whole placeholder names only", "[core][path_template]") {
  constexpr std::string_view path = "/widgets/{widget_id}/parts/{part}";
  STATIC_REQUIRE(pt::contains(path, "widget_id"));
  STATIC_REQUIRE(pt::contains(path, "part"));
  STATIC_REQUIRE_FALSE(pt::contains(path, "widget"));
  STATIC_REQUIRE_FALSE(pt::contains(path, "widgets"));
  STATIC_REQUIRE_FALSE(pt::contains(path, "parts"));
  STATIC_REQUIRE_FALSE(pt::contains(path, ""));
  STATIC_REQUIRE_FALSE(pt::contains("/no/placeholders", "no"));
}

TEST_CASE("the same functions work on a template only known at run time", "[core][path_template]") {
  std::string text = "/v1/{user}/files/{file_name}";
  std::string_view const path = text;
  REQUIRE(pt::is_well_formed(path));
  REQUIRE(pt::count(path) == 2);
  CHECK(pt::at(path, 0).name == "user"sv);
  CHECK(pt::at(path, 1).name == "file_name"sv);
  CHECK(pt::contains(path, "file_name"));
  text[0] = 'v';
  CHECK_FALSE(pt::is_well_formed(text));
}
