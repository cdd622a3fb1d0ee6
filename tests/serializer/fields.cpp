// Body types declared with Boost.Describe read and write as Hana Structs do, in every serializer:
// the same fields in the same order, the same wire names, the same errors.
#include <catch2/catch.hpp>

#include "../support/codec_checks.hpp"

#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/serializer/query_string.hpp>

#include <boost/describe/class.hpp>
#include <boost/hana/define_struct.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

// Describe's macros pass empty variadic arguments, which Clang's -Wpedantic flags before C++20.
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif

namespace fields_test {

struct described_task {
  std::string task_id;
  int count = 0;
  std::optional<bool> urgent;
  static constexpr apidecl::wire_name wire_names[] = {{"task_id", "TaskId"}};
  static constexpr std::string_view xml_element = "Task";
};
BOOST_DESCRIBE_STRUCT(described_task, (), (task_id, count, urgent))

struct hana_task {
  BOOST_HANA_DEFINE_STRUCT(hana_task, (std::string, task_id), (int, count), (std::optional<bool>, urgent));
  static constexpr apidecl::wire_name wire_names[] = {{"task_id", "TaskId"}};
  static constexpr std::string_view xml_element = "Task";
};

// A described struct with a private member: only public members are fields.
class with_private {
 public:
  std::string name;

 private:
  int cache_ = 0;
  BOOST_DESCRIBE_CLASS(with_private, (), (name), (), (cache_))
};

}  // namespace fields_test

using namespace fields_test;

TEST_CASE("a described struct is a struct, with its public members as fields in order", "[serializer][fields]") {
  STATIC_REQUIRE(apidecl::is_struct_v<described_task>);
  STATIC_REQUIRE(apidecl::is_struct_v<hana_task>);
  STATIC_REQUIRE_FALSE(apidecl::is_struct_v<std::string>);
  STATIC_REQUIRE(std::is_same_v<apidecl::field_types_t<described_task>, apidecl::field_types_t<hana_task>>);
  STATIC_REQUIRE(apidecl::field_types_t<with_private>::size == 1);
  constexpr auto names = apidecl::detail::member_names<described_task>();
  STATIC_REQUIRE(names.size() == 3);
  STATIC_REQUIRE(names[0] == "task_id");
  STATIC_REQUIRE(names[2] == "urgent");
}

TEST_CASE("a described struct and its Hana twin encode to the same text in every serializer", "[serializer][fields]") {
  described_task const d{"cc80", 3, true};
  hana_task const h{"cc80", 3, true};
  apidecl::boost_json_serializer const json;
  apidecl::pugixml_serializer const xml;
  apidecl::query_string_serializer const form;
  CHECK(test_support::encoded_by(json, d) == R"({"TaskId":"cc80","count":3,"urgent":true})");
  CHECK(test_support::encoded_by(json, d) == test_support::encoded_by(json, h));
  CHECK(test_support::encoded_by(xml, d) == test_support::encoded_by(xml, h));
  CHECK(test_support::encoded_by(form, d) == "TaskId=cc80&count=3&urgent=true");
}

TEST_CASE("a described struct decodes, and is refused, as its Hana twin is", "[serializer][fields]") {
  apidecl::boost_json_serializer const json;
  auto const d = test_support::decoded_by<described_task>(json, R"({"TaskId":"cc80","count":3})");
  CHECK(d.task_id == "cc80");
  CHECK(d.count == 3);
  CHECK_FALSE(d.urgent.has_value());
  auto const xml = test_support::decoded_by<described_task>(apidecl::pugixml_serializer{},
                                                            "<Task><TaskId>cc80</TaskId><count>7</count></Task>");
  CHECK(xml.count == 7);
  for (std::string_view text : {R"({"TaskId":"cc80"})", R"({"TaskId":1,"count":3})", R"({"TaskId":"x","count":"3"})"}) {
    INFO(text);
    described_task a;
    hana_task b;
    apidecl::decode_result const from_described = json.decode(text, a);
    apidecl::decode_result const from_hana = json.decode(text, b);
    REQUIRE_FALSE(from_described);
    CHECK(from_described.where() == from_hana.where());
    CHECK(from_described.what() == from_hana.what());
  }
}
