// detail::field_table and detail::field_addresses: a struct's fields as data, for serializers whose
// per-body code is a table walked by shared code (boost_json.hpp).
#include <catch2/catch.hpp>

#include <apidecl/serializer/detail/field_table.hpp>

#include <boost/describe/class.hpp>
#include <boost/hana/define_struct.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

// Describe's macros pass empty variadic arguments, which Clang's -Wpedantic flags before C++20.
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif

namespace field_table_test {

struct hana_job {
  BOOST_HANA_DEFINE_STRUCT(hana_job, (std::string, job_id), (int, count), (std::optional<std::string>, note));
  static constexpr apidecl::wire_name wire_names[] = {{"job_id", "JobId"}};
};

struct described_job {
  std::string job_id;
  int count = 0;
  std::optional<std::string> note;
  static constexpr apidecl::wire_name wire_names[] = {{"note", "Note"}};
};
BOOST_DESCRIBE_STRUCT(described_job, (), (job_id, count, note))

struct empty_body {
  BOOST_HANA_DEFINE_STRUCT(empty_body);
};

// What a field kind's function would be: one per field type, whatever struct holds the field.
template <class Field>
constexpr std::string_view kind_of() noexcept {
  if constexpr (std::is_same_v<Field, std::string>) return "string";
  else if constexpr (std::is_same_v<Field, int>) return "int";
  else if constexpr (std::is_same_v<Field, std::optional<std::string>>) return "optional string";
  else return "other";
}

struct probe {
  std::string_view name;
  std::string_view kind;
  template <class Field, class WireName>
  static constexpr probe make() noexcept {
    return {WireName::value, kind_of<Field>()};
  }
};

}  // namespace field_table_test

using namespace field_table_test;
using apidecl::detail::field_addresses;
using apidecl::detail::field_table;

TEST_CASE("a Hana Struct's table lists its fields in order, under their wire names, by type", "[serializer]") {
  constexpr auto const& table = field_table<hana_job, probe>;
  STATIC_REQUIRE(table.size() == 3);
  STATIC_REQUIRE(table[0].name == "JobId");
  STATIC_REQUIRE(table[0].kind == "string");
  STATIC_REQUIRE(table[1].name == "count");
  STATIC_REQUIRE(table[1].kind == "int");
  STATIC_REQUIRE(table[2].name == "note");
  STATIC_REQUIRE(table[2].kind == "optional string");
}

TEST_CASE("a described struct's table is read the same way", "[serializer]") {
  constexpr auto const& table = field_table<described_job, probe>;
  STATIC_REQUIRE(table.size() == 3);
  STATIC_REQUIRE(table[0].name == "job_id");
  STATIC_REQUIRE(table[0].kind == "string");
  STATIC_REQUIRE(table[1].kind == "int");
  STATIC_REQUIRE(table[2].name == "Note");
  STATIC_REQUIRE(table[2].kind == "optional string");
}

TEST_CASE("a struct without fields has an empty table", "[serializer]") {
  STATIC_REQUIRE(field_table<empty_body, probe>.empty());
  empty_body body;
  CHECK(field_addresses(body).empty());
}

TEST_CASE("the addresses are the fields', in the table's order, const for a const struct", "[serializer]") {
  hana_job hana;
  auto const at = field_addresses(hana);
  CHECK(at[0] == &hana.job_id);
  CHECK(at[1] == &hana.count);
  CHECK(at[2] == &hana.note);

  described_job const described{};
  auto const const_at = field_addresses(described);
  STATIC_REQUIRE(std::is_same_v<decltype(const_at)::value_type, void const*>);
  CHECK(const_at[0] == &described.job_id);
  CHECK(const_at[1] == &described.count);
  CHECK(const_at[2] == &described.note);
}
