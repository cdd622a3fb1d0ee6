// boost_json_serializer: Hana Structs to JSON and back, and every way a body can fail to decode.
#include <catch2/catch.hpp>

#include "../support/codec_checks.hpp"

#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/serializer.hpp>
#include <apidecl/types/decimal.hpp>
#include <apidecl/types/id.hpp>
#include <apidecl/types/open_enum.hpp>
#include <apidecl/types/language_code.hpp>
#include <apidecl/types/money.hpp>
#include <apidecl/types/timestamp.hpp>

#include <boost/hana/define_struct.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sample {

struct task {
  BOOST_HANA_DEFINE_STRUCT(task, (std::string, task_id));
  static constexpr apidecl::wire_name wire_names[] = {{"task_id", "TaskId"}};
};

template <class Int>
struct number {
  BOOST_HANA_DEFINE_STRUCT(number, (Int, value));
};

struct scalars {
  BOOST_HANA_DEFINE_STRUCT(scalars,
    (std::string, text),
    (std::int64_t, count),
    (bool, flag),
    (double, ratio)
  );
};

struct annotated {
  BOOST_HANA_DEFINE_STRUCT(annotated,
    (std::string, id),
    (std::optional<std::string>, note),
    (std::optional<int>, rank)
  );
  static constexpr apidecl::wire_name wire_names[] = {{"id", "Id"}, {"note", "Note"}, {"rank", "Rank"}};
};

struct item {
  BOOST_HANA_DEFINE_STRUCT(item, (std::int32_t, id), (std::string, name));
};

struct listing {
  BOOST_HANA_DEFINE_STRUCT(listing, (std::vector<int>, numbers), (std::vector<item>, items));
};

struct inner_part {
  BOOST_HANA_DEFINE_STRUCT(inner_part, (std::string, field));
};
struct outer_part {
  BOOST_HANA_DEFINE_STRUCT(outer_part, (inner_part, inner));
};
struct document {
  BOOST_HANA_DEFINE_STRUCT(document, (outer_part, outer));
};

/// A closed enumeration: a name it does not know is an error. `medium` has no name on purpose.
enum class cup_size { small, medium, large };
constexpr auto enum_names(cup_size) noexcept {
  return std::array{apidecl::enum_name{cup_size::small, "SMALL"}, apidecl::enum_name{cup_size::large, "LARGE"}};
}

/// An open enumeration: the service may add states.
enum class state { active, retired, unknown };
constexpr auto enum_names(state) noexcept {
  return std::array{apidecl::enum_name{state::active, "ACTIVE"}, apidecl::enum_name{state::retired, "RETIRED"}};
}

struct order {
  BOOST_HANA_DEFINE_STRUCT(order, (cup_size, size), (apidecl::open_enum<state>, status));
  static constexpr apidecl::wire_name wire_names[] = {{"size", "Size"}, {"status", "Status"}};
};

struct nothing {
  BOOST_HANA_DEFINE_STRUCT(nothing);
};

struct everything {
  BOOST_HANA_DEFINE_STRUCT(everything,
    (std::string, text),
    (std::int64_t, count),
    (std::uint64_t, total),
    (bool, flag),
    (double, ratio),
    (std::optional<std::string>, note),
    (std::optional<std::int16_t>, absent),
    (std::vector<int>, numbers),
    (std::vector<item>, items),
    (outer_part, outer),
    (cup_size, size),
    (apidecl::open_enum<state>, status)
  );
};

}  // namespace sample

namespace {

apidecl::boost_json_serializer const json;

template <class T>
std::string encoded(T const& value) {
  return test_support::encoded_by(json, value);
}

template <class T>
T decoded(std::string_view text) {
  return test_support::decoded_by<T>(json, text);
}

template <class T>
apidecl::decode_result refused(std::string_view text, apidecl::boost_json_serializer const& with = json) {
  return test_support::refused_by<T>(with, text);
}

bool mentions(std::string const& text, std::string_view word) { return text.find(word) != std::string::npos; }

boost::json::value reparsed(std::string const& text) {
  boost::json::error_code ec;
  boost::json::value value = boost::json::parse(text, ec);
  INFO(text);
  REQUIRE_FALSE(ec);
  return value;
}

}  // namespace

TEST_CASE("boost_json_serializer models Serializer for JSON", "[serializer][boost_json]") {
  STATIC_REQUIRE(apidecl::is_serializer_v<apidecl::boost_json_serializer>);
  STATIC_REQUIRE(std::is_same_v<apidecl::boost_json_serializer::media_type, apidecl::json>);
  STATIC_REQUIRE(apidecl::can_encode_v<apidecl::boost_json_serializer, sample::task>);
  STATIC_REQUIRE(apidecl::can_decode_v<apidecl::boost_json_serializer, sample::task>);
}

namespace sample {
struct opaque {  // not a Hana Struct
  std::string name;
};
struct holds_opaque {
  BOOST_HANA_DEFINE_STRUCT(holds_opaque, (std::vector<opaque>, items));
};
}  // namespace sample

TEST_CASE("the traits tell which types boost_json_serializer supports", "[serializer][boost_json]") {
  STATIC_REQUIRE_FALSE(apidecl::can_decode_v<apidecl::boost_json_serializer, sample::opaque>);
  STATIC_REQUIRE_FALSE(apidecl::can_encode_v<apidecl::boost_json_serializer, sample::opaque>);
  STATIC_REQUIRE_FALSE(apidecl::can_decode_v<apidecl::boost_json_serializer, sample::holds_opaque>);
  STATIC_REQUIRE(apidecl::can_encode_v<apidecl::boost_json_serializer, std::string_view>);
  STATIC_REQUIRE_FALSE(apidecl::can_decode_v<apidecl::boost_json_serializer, std::string_view>);
}

TEST_CASE("a renamed field is read and written under its wire name", "[serializer][boost_json]") {
  CHECK(decoded<sample::task>(R"({"TaskId":"cc8095fbfecf4647b2e10b622d81c19b"})").task_id ==
        "cc8095fbfecf4647b2e10b622d81c19b");
  CHECK(encoded(sample::task{"abc"}) == R"({"TaskId":"abc"})");
  CHECK_FALSE(refused<sample::task>(R"({"task_id":"abc"})"));
}

TEST_CASE("escapes in strings decode to the characters they stand for", "[serializer][boost_json]") {
  constexpr char expected[] = "q\"b\\s/n\nt\tr\rz\0e\xC3\xA9";
  auto const t = decoded<sample::task>(R"({"TaskId":"q\"b\\s\/n\nt\tr\rz\u0000e\u00e9"})");
  CHECK(t.task_id == std::string(expected, sizeof expected - 1));
}

TEST_CASE("a surrogate pair decodes to one UTF-8 character", "[serializer][boost_json]") {
  CHECK(decoded<sample::task>(R"({"TaskId":"\ud83d\ude00"})").task_id == "\xF0\x9F\x98\x80");
  CHECK(decoded<sample::task>("{\"TaskId\":\"\xF0\x9F\x98\x80 caf\xC3\xA9\"}").task_id == "\xF0\x9F\x98\x80 caf\xC3\xA9");
}

TEST_CASE("a lone surrogate or invalid UTF-8 is malformed JSON", "[serializer][boost_json]") {
  CHECK(mentions(refused<sample::task>(R"({"TaskId":"\ud800"})").what(), "malformed JSON"));
  CHECK(mentions(refused<sample::task>(R"({"TaskId":"\udc00"})").what(), "malformed JSON"));
  CHECK(mentions(refused<sample::task>("{\"TaskId\":\"\xFF\"}").what(), "malformed JSON"));
}

TEST_CASE("strings with escapes and non-ASCII text round-trip", "[serializer][boost_json]") {
  constexpr char controls[] = "controls \n\r\t\b\f \x01 \x1F and NUL \0 end";
  std::string const texts[] = {
      "plain",
      "",
      "quote \" backslash \\ slash /",
      std::string(controls, sizeof controls - 1),
      "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80",
  };
  for (std::string const& text : texts) {
    INFO(text);
    std::string const json_text = encoded(sample::task{text});
    CHECK(reparsed(json_text).at("TaskId").as_string() == boost::json::string_view(text.data(), text.size()));
    CHECK(decoded<sample::task>(json_text).task_id == text);
  }
}

TEST_CASE("a string that is not valid UTF-8 is refused rather than written as broken JSON",
          "[serializer][boost_json]") {
  for (std::string_view bad : {"\xFF", "ab\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80"}) {
    INFO("bytes: " << bad.size());
    std::string out(64, '\0');
    apidecl::writer w(out.data(), out.size());
    apidecl::encode_result const status = json.encode(sample::task{std::string(bad)}, w);
    CHECK_FALSE(status);
    CHECK(mentions(std::string(status.problem()), "UTF-8"));
  }
}

TEST_CASE("64-bit integers decode at both limits", "[serializer][boost_json]") {
  using limits = std::numeric_limits<std::int64_t>;
  CHECK(decoded<sample::number<std::int64_t>>(R"({"value":-9223372036854775808})").value == limits::min());
  CHECK(decoded<sample::number<std::int64_t>>(R"({"value":9223372036854775807})").value == limits::max());
  CHECK(decoded<sample::number<std::uint64_t>>(R"({"value":18446744073709551615})").value ==
        std::numeric_limits<std::uint64_t>::max());
  CHECK(decoded<sample::number<std::uint64_t>>(R"({"value":0})").value == 0u);
}

TEST_CASE("64-bit integers encode at both limits", "[serializer][boost_json]") {
  CHECK(encoded(sample::number<std::int64_t>{std::numeric_limits<std::int64_t>::min()}) ==
        R"({"value":-9223372036854775808})");
  CHECK(encoded(sample::number<std::int64_t>{std::numeric_limits<std::int64_t>::max()}) ==
        R"({"value":9223372036854775807})");
  CHECK(encoded(sample::number<std::uint64_t>{std::numeric_limits<std::uint64_t>::max()}) ==
        R"({"value":18446744073709551615})");
}

TEST_CASE("narrow integers take exactly their range", "[serializer][boost_json]") {
  CHECK(decoded<sample::number<std::int8_t>>(R"({"value":-128})").value == -128);
  CHECK(decoded<sample::number<std::int8_t>>(R"({"value":127})").value == 127);
  CHECK(decoded<sample::number<std::uint16_t>>(R"({"value":65535})").value == 65535);
  CHECK(decoded<sample::number<std::int32_t>>(R"({"value":-2147483648})").value ==
        std::numeric_limits<std::int32_t>::min());
}

TEST_CASE("an integer outside its field's range is a decode error", "[serializer][boost_json]") {
  auto const check = [](apidecl::decode_result const& status) {
    CHECK(status.where() == "value");
    CHECK(status.what() == "integer out of range");
  };
  check(refused<sample::number<std::int8_t>>(R"({"value":128})"));
  check(refused<sample::number<std::int8_t>>(R"({"value":-129})"));
  check(refused<sample::number<std::uint8_t>>(R"({"value":256})"));
  check(refused<sample::number<std::uint16_t>>(R"({"value":65536})"));
  check(refused<sample::number<std::int32_t>>(R"({"value":2147483648})"));
  check(refused<sample::number<std::int64_t>>(R"({"value":9223372036854775808})"));
}

TEST_CASE("a negative number into an unsigned field is a decode error", "[serializer][boost_json]") {
  CHECK(refused<sample::number<std::uint8_t>>(R"({"value":-1})").what() == "integer out of range");
  CHECK(refused<sample::number<std::uint16_t>>(R"({"value":-1})").what() == "integer out of range");
  CHECK(refused<sample::number<std::uint64_t>>(R"({"value":-9223372036854775808})").what() ==
        "integer out of range");
}

TEST_CASE("a fraction or exponent into an integer field is a decode error", "[serializer][boost_json]") {
  CHECK(refused<sample::number<int>>(R"({"value":1.5})").what() == "expected an integer");
  CHECK(refused<sample::number<int>>(R"({"value":1e2})").what() == "expected an integer");
  CHECK(refused<sample::number<int>>(R"({"value":"12"})").what() == "expected an integer");
}

TEST_CASE("booleans are JSON true and false only", "[serializer][boost_json]") {
  CHECK(decoded<sample::number<bool>>(R"({"value":true})").value);
  CHECK_FALSE(decoded<sample::number<bool>>(R"({"value":false})").value);
  CHECK(refused<sample::number<bool>>(R"({"value":1})").where() == "value");
  CHECK(refused<sample::number<bool>>(R"({"value":"true"})").where() == "value");
  CHECK(refused<sample::number<bool>>(R"({"value":null})").where() == "value");
  CHECK(encoded(sample::number<bool>{true}) == R"({"value":true})");
  CHECK(encoded(sample::number<bool>{false}) == R"({"value":false})");
}

TEST_CASE("doubles decode from any JSON number", "[serializer][boost_json]") {
  CHECK(decoded<sample::number<double>>(R"({"value":2.5})").value == 2.5);
  CHECK(decoded<sample::number<double>>(R"({"value":-3})").value == -3.0);
  CHECK(decoded<sample::number<double>>(R"({"value":18446744073709551615})").value == Approx(1.8446744073709552e19));
  CHECK(decoded<sample::number<double>>(R"({"value":1.5e-3})").value == Approx(0.0015));
  CHECK(refused<sample::number<double>>(R"({"value":"2.5"})").what() == "expected a number");
}

TEST_CASE("a number too large for a double is a decode error, not infinity", "[serializer][boost_json]") {
  CHECK(refused<sample::number<double>>(R"({"value":1e400})").what() == "number out of range");
  CHECK(refused<sample::number<double>>(R"({"value":-1e400})").what() == "number out of range");
}

TEST_CASE("doubles round-trip", "[serializer][boost_json]") {
  for (double value : {0.0, 2.5, -0.15625, 1e300, 0.1, 1.0 / 3.0}) {
    std::string const text = encoded(sample::number<double>{value});
    CHECK(reparsed(text).at("value").as_double() == Approx(value));
    CHECK(decoded<sample::number<double>>(text).value == Approx(value));
  }
}

TEST_CASE("encoding NaN or infinity fails and writes nothing", "[serializer][boost_json]") {
  for (double value : {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                       -std::numeric_limits<double>::infinity()}) {
    std::string out(64, '\0');
    apidecl::writer w(out.data(), out.size());
    apidecl::encode_result const status = json.encode(sample::number<double>{value}, w);
    CHECK_FALSE(status);
    CHECK(mentions(std::string(status.problem()), "NaN"));
    CHECK(w.size() == 0);
  }
}

TEST_CASE("an optional field may be present, absent or null", "[serializer][boost_json]") {
  auto const present = decoded<sample::annotated>(R"({"Id":"a","Note":"hello","Rank":3})");
  REQUIRE(present.note.has_value());
  CHECK(*present.note == "hello");
  REQUIRE(present.rank.has_value());
  CHECK(*present.rank == 3);

  auto const absent = decoded<sample::annotated>(R"({"Id":"a"})");
  CHECK(absent.id == "a");
  CHECK_FALSE(absent.note.has_value());
  CHECK_FALSE(absent.rank.has_value());

  auto const null = decoded<sample::annotated>(R"({"Id":"a","Note":null,"Rank":null})");
  CHECK_FALSE(null.note.has_value());
  CHECK_FALSE(null.rank.has_value());
}

TEST_CASE("an optional field of the wrong type is still a decode error", "[serializer][boost_json]") {
  auto const status = refused<sample::annotated>(R"({"Id":"a","Rank":"first"})");
  CHECK(status.where() == "Rank");
  CHECK(status.what() == "expected an integer");
}

TEST_CASE("decoding into a used target leaves none of its old values", "[serializer][boost_json]") {
  sample::annotated target{"old", std::string("old note"), 7};
  REQUIRE(json.decode(R"({"Id":"new"})", target));
  CHECK(target.id == "new");
  CHECK_FALSE(target.note.has_value());
  CHECK_FALSE(target.rank.has_value());

  sample::listing list{{1, 2, 3}, {{1, "one"}}};
  REQUIRE(json.decode(R"({"numbers":[9],"items":[]})", list));
  CHECK(list.numbers == std::vector<int>{9});
  CHECK(list.items.empty());
}

TEST_CASE("an absent optional is left out when encoding, not written as null", "[serializer][boost_json]") {
  CHECK(encoded(sample::annotated{"a", std::nullopt, std::nullopt}) == R"({"Id":"a"})");
  CHECK(encoded(sample::annotated{"a", std::string("n"), std::nullopt}) == R"({"Id":"a","Note":"n"})");
  CHECK(encoded(sample::annotated{"a", std::nullopt, 0}) == R"({"Id":"a","Rank":0})");
}

TEST_CASE("vectors of scalars and of structs decode in order", "[serializer][boost_json]") {
  auto const list = decoded<sample::listing>(R"({"numbers":[3,1,2],"items":[{"id":1,"name":"a"},{"id":2,"name":"b"}]})");
  CHECK(list.numbers == std::vector<int>{3, 1, 2});
  REQUIRE(list.items.size() == 2);
  CHECK(list.items[0].id == 1);
  CHECK(list.items[0].name == "a");
  CHECK(list.items[1].id == 2);
  CHECK(list.items[1].name == "b");

  auto const empty = decoded<sample::listing>(R"({"numbers":[],"items":[]})");
  CHECK(empty.numbers.empty());
  CHECK(empty.items.empty());
}

TEST_CASE("an error inside a vector names the element's index in its path", "[serializer][boost_json]") {
  auto const in_struct = refused<sample::listing>(R"({"numbers":[],"items":[{"id":1,"name":"a"},{"id":"x","name":"b"}]})");
  CHECK(in_struct.where() == "items/1/id");
  CHECK(in_struct.what() == "expected an integer");

  auto const missing = refused<sample::listing>(R"({"numbers":[],"items":[{"id":1,"name":"a"},{"id":2}]})");
  CHECK(missing.where() == "items/1/name");
  CHECK(mentions(missing.what(), "missing"));

  auto const scalar = refused<sample::listing>(R"({"numbers":[1,2,"three"],"items":[]})");
  CHECK(scalar.where() == "numbers/2");
}

TEST_CASE("a vector field given something other than an array is a decode error", "[serializer][boost_json]") {
  auto const status = refused<sample::listing>(R"({"numbers":{"0":1},"items":[]})");
  CHECK(status.where() == "numbers");
  CHECK(status.what() == "expected an array");
}

TEST_CASE("vectors encode as arrays", "[serializer][boost_json]") {
  CHECK(encoded(sample::listing{{1, 2}, {{7, "x"}}}) == R"({"numbers":[1,2],"items":[{"id":7,"name":"x"}]})");
  CHECK(encoded(sample::listing{}) == R"({"numbers":[],"items":[]})");
}

TEST_CASE("an error in a nested struct names the whole path to it", "[serializer][boost_json]") {
  CHECK(decoded<sample::document>(R"({"outer":{"inner":{"field":"deep"}}})").outer.inner.field == "deep");

  auto const wrong_type = refused<sample::document>(R"({"outer":{"inner":{"field":42}}})");
  CHECK(wrong_type.where() == "outer/inner/field");
  CHECK(wrong_type.what() == "expected a string");

  auto const missing = refused<sample::document>(R"({"outer":{"inner":{}}})");
  CHECK(missing.where() == "outer/inner/field");
  CHECK(mentions(missing.what(), "missing"));

  auto const not_object = refused<sample::document>(R"({"outer":{"inner":[]}})");
  CHECK(not_object.where() == "outer/inner");
  CHECK(not_object.what() == "expected an object");
}

TEST_CASE("an enum with enum_names reads and writes its names", "[serializer][boost_json]") {
  auto const o = decoded<sample::order>(R"({"Size":"LARGE","Status":"RETIRED"})");
  CHECK(o.size == sample::cup_size::large);
  CHECK(o.status == sample::state::retired);
  CHECK(o.status.is_known());
  CHECK(encoded(sample::order{sample::cup_size::small, sample::state::active}) == R"({"Size":"SMALL","Status":"ACTIVE"})");
}

TEST_CASE("an unknown name for a closed enum is a decode error that quotes it", "[serializer][boost_json]") {
  auto const status = refused<sample::order>(R"({"Size":"HUGE","Status":"ACTIVE"})");
  CHECK(status.where() == "Size");
  CHECK(mentions(status.what(), "HUGE"));
  CHECK(refused<sample::order>(R"({"Size":"large","Status":"ACTIVE"})").where() == "Size");
  CHECK(refused<sample::order>(R"({"Size":1,"Status":"ACTIVE"})").what() == "expected a string");
}

TEST_CASE("encoding an enum value that has no name fails", "[serializer][boost_json]") {
  std::string out(64, '\0');
  apidecl::writer w(out.data(), out.size());
  apidecl::encode_result const status = json.encode(sample::order{sample::cup_size::medium, sample::state::active}, w);
  CHECK_FALSE(status);
  CHECK(mentions(std::string(status.problem()), "enum_names"));
}

TEST_CASE("an unknown name for an open_enum is kept as text", "[serializer][boost_json]") {
  auto const o = decoded<sample::order>(R"({"Size":"SMALL","Status":"SUSPENDED"})");
  CHECK_FALSE(o.status.is_known());
  CHECK(o.status.value() == sample::state::unknown);
  CHECK(o.status.text() == "SUSPENDED");
  CHECK(encoded(o) == R"({"Size":"SMALL","Status":"SUSPENDED"})");
  CHECK(refused<sample::order>(R"({"Size":"SMALL","Status":null})").where() == "Status");
}

TEST_CASE("unknown fields are ignored, whatever they hold", "[serializer][boost_json]") {
  auto const t = decoded<sample::task>(
      R"({"Before":1,"TaskId":"abc","Nested":{"a":[1,{"b":null}],"c":"d"},"List":[[],{}],"Flag":false})");
  CHECK(t.task_id == "abc");
}

TEST_CASE("a missing required field is a decode error naming it", "[serializer][boost_json]") {
  auto const status = refused<sample::task>(R"({"JobId":"abc"})");
  CHECK(status.where() == "TaskId");
  CHECK(mentions(status.what(), "missing"));
  CHECK(refused<sample::task>("{}").where() == "TaskId");
}

TEST_CASE("with several fields wrong, the first declared is the one named, wherever it is in the body",
          "[serializer][boost_json]") {
  auto const status = refused<sample::scalars>(R"({"ratio":"x","flag":1,"count":"1","text":"t"})");
  CHECK(status.where() == "count");
  CHECK(status.what() == "expected an integer");
}

TEST_CASE("a key given twice is read as Boost.JSON's object keeps it, the last one", "[serializer][boost_json]") {
  CHECK(decoded<sample::task>(R"({"TaskId":"first","TaskId":"last"})").task_id == "last");
  CHECK(refused<sample::task>(R"({"TaskId":"first","TaskId":2})").where() == "TaskId");
}

TEST_CASE("a body with no fields decodes from any object and is written as an empty object",
          "[serializer][boost_json]") {
  sample::nothing target;
  CHECK(json.decode(R"({"anything":[1,2]})", target));
  CHECK(json.decode("{}", target));
  CHECK(refused<sample::nothing>("[]").what() == "expected an object");
  CHECK(encoded(sample::nothing{}) == "{}");
}

TEST_CASE("a value of the wrong JSON type is a decode error naming the field", "[serializer][boost_json]") {
  struct expectation {
    std::string_view body;
    std::string_view what;
  };
  for (auto const& e : {expectation{R"({"text":1,"count":1,"flag":true,"ratio":1})", "expected a string"},
                        expectation{R"({"text":null,"count":1,"flag":true,"ratio":1})", "expected a string"},
                        expectation{R"({"text":"t","count":"1","flag":true,"ratio":1})", "expected an integer"},
                        expectation{R"({"text":"t","count":1,"flag":"yes","ratio":1})", "expected true or false"},
                        expectation{R"({"text":"t","count":1,"flag":true,"ratio":[1]})", "expected a number"}}) {
    INFO(e.body);
    apidecl::decode_result const status = refused<sample::scalars>(e.body);
    CHECK(status.what() == e.what);
    CHECK_FALSE(status.where().empty());
  }
}

TEST_CASE("malformed JSON is a decode error for the whole body", "[serializer][boost_json]") {
  for (std::string_view body : {std::string_view(R"({"TaskId": "abc)"), std::string_view(R"({"TaskId": "abc"} trailing)"),
                                std::string_view(R"({"TaskId": "abc"}{})"), std::string_view(""), std::string_view("   "),
                                std::string_view(R"({"TaskId": 'abc'})"), std::string_view(R"({"TaskId": "abc",})"),
                                std::string_view("<html>Bad Gateway</html>")}) {
    INFO(body);
    apidecl::decode_result const status = refused<sample::task>(body);
    CHECK(status.where().empty());
    CHECK(mentions(status.what(), "malformed JSON"));
  }
}

TEST_CASE("a body that is JSON but not an object is a decode error", "[serializer][boost_json]") {
  for (std::string_view body : {"[]", "null", "\"TaskId\"", "42", "true"}) {
    INFO(body);
    apidecl::decode_result const status = refused<sample::task>(body);
    CHECK(status.where().empty());
    CHECK(status.what() == "expected an object");
  }
}

TEST_CASE("input nested beyond max_depth is a decode error, not a crash", "[serializer][boost_json]") {
  std::string const open(10000, '[');
  CHECK(mentions(refused<sample::task>(open).what(), "malformed JSON"));
  CHECK(mentions(refused<sample::task>(open + std::string(10000, ']')).what(), "malformed JSON"));

  std::string objects;
  for (int i = 0; i < 10000; ++i) objects += R"({"a":)";
  CHECK(mentions(refused<sample::task>(objects).what(), "malformed JSON"));

  std::string const in_unknown_field = R"({"TaskId":"x","deep":)" + open + std::string(10000, ']') + "}";
  CHECK(mentions(refused<sample::task>(in_unknown_field).what(), "malformed JSON"));
}

TEST_CASE("nesting up to max_depth is accepted and max_depth can be lowered", "[serializer][boost_json]") {
  auto const nested = [](int depth) {
    return R"({"TaskId":"x","extra":)" + std::string(depth - 1, '[') + "0" + std::string(depth - 1, ']') + "}";
  };
  CHECK(decoded<sample::task>(nested(32)).task_id == "x");
  CHECK_FALSE(refused<sample::task>(nested(33)));

  apidecl::boost_json_serializer shallow;
  shallow.max_depth = 2;
  sample::task t;
  CHECK(shallow.decode(nested(2), t));
  CHECK(refused<sample::task>(nested(3), shallow).what() == "malformed JSON: too deep");
}

TEST_CASE("a large body decodes", "[serializer][boost_json]") {
  std::string const big(1 << 20, 'x');
  std::string const body = R"({"TaskId":")" + big + R"("})";
  CHECK(decoded<sample::task>(body).task_id == big);

  std::string many = R"({"numbers":[)";
  for (int i = 0; i < 100000; ++i) many += std::to_string(i) + ",";
  many.back() = ']';
  many += R"(,"items":[]})";
  auto const list = decoded<sample::listing>(many);
  REQUIRE(list.numbers.size() == 100000);
  CHECK(list.numbers.back() == 99999);
}

TEST_CASE("encoding writes valid JSON that decodes back to equal values", "[serializer][boost_json]") {
  sample::everything const original{
      "t\xC3\xA9xt \"q\"", -42, std::numeric_limits<std::uint64_t>::max(), true, 0.15625, std::string("note"),
      std::nullopt, {1, -2, 3}, {{1, "a"}, {2, "b"}}, {{"deep"}}, sample::cup_size::large,
      apidecl::open_enum<sample::state>::from_text("NEW_STATE")};
  std::string const text = encoded(original);

  boost::json::value const tree = reparsed(text);
  boost::json::object const& object = tree.as_object();
  CHECK(object.at("text").as_string() == "t\xC3\xA9xt \"q\"");
  CHECK(object.at("count").as_int64() == -42);
  CHECK(object.at("total").as_uint64() == std::numeric_limits<std::uint64_t>::max());
  CHECK(object.at("flag").as_bool());
  CHECK(object.at("ratio").as_double() == 0.15625);
  CHECK(object.at("note").as_string() == "note");
  CHECK_FALSE(object.contains("absent"));
  CHECK(object.at("numbers").as_array().size() == 3);
  CHECK(object.at("items").as_array()[1].as_object().at("name").as_string() == "b");
  CHECK(object.at("outer").as_object().at("inner").as_object().at("field").as_string() == "deep");
  CHECK(object.at("size").as_string() == "LARGE");
  CHECK(object.at("status").as_string() == "NEW_STATE");

  auto const back = decoded<sample::everything>(text);
  CHECK(back.text == original.text);
  CHECK(back.count == original.count);
  CHECK(back.total == original.total);
  CHECK(back.flag == original.flag);
  CHECK(back.ratio == original.ratio);
  CHECK(back.note == original.note);
  CHECK_FALSE(back.absent.has_value());
  CHECK(back.numbers == original.numbers);
  REQUIRE(back.items.size() == 2);
  CHECK(back.items[1].id == 2);
  CHECK(back.items[1].name == "b");
  CHECK(back.outer.inner.field == "deep");
  CHECK(back.size == original.size);
  CHECK(back.status == original.status);
  CHECK(encoded(back) == text);
}

TEST_CASE("encoding into a writer too small overflows and reports the size needed", "[serializer][boost_json]") {
  sample::listing const list{std::vector<int>(200, 12345), {{1, std::string(1000, 'n')}}};
  std::string const whole = encoded(list);
  REQUIRE(whole.size() > 1500);

  std::string small(16, '\0');
  apidecl::writer w(small.data(), small.size());
  REQUIRE(json.encode(list, w));
  CHECK(w.overflowed());
  CHECK(w.size() == whole.size());
  CHECK(small == whole.substr(0, 16));

  std::string retry(w.size(), '\0');
  apidecl::writer again(retry.data(), retry.size());
  REQUIRE(json.encode(list, again));
  CHECK_FALSE(again.overflowed());
  CHECK(retry == whole);
}

TEST_CASE("encoding appends after what the writer already holds", "[serializer][boost_json]") {
  std::string out(64, '\0');
  apidecl::writer w(out.data(), out.size());
  w.append("prefix:");
  REQUIRE(json.encode(sample::task{"x"}, w));
  CHECK(std::string_view(out.data(), w.size()) == R"(prefix:{"TaskId":"x"})");
}

namespace sample {
/// onDemand's value types, as a JSON body would carry them.
struct priced_quote {
  BOOST_HANA_DEFINE_STRUCT(priced_quote,
    (apidecl::id<struct quote_tag>, quote_id),
    (apidecl::id<struct project_tag, std::int64_t>, project_id),
    (apidecl::utc_timestamp, created),
    (std::optional<apidecl::utc_timestamp>, due),
    (apidecl::language_code, source),
    (std::vector<apidecl::language_code>, targets),
    (apidecl::decimal, prepaid),
    (apidecl::currency, currency)
  );
  static constexpr apidecl::wire_name wire_names[] = {
      {"quote_id", "QuoteID"}, {"project_id", "ProjectID"},     {"created", "CreationDate"},
      {"due", "DueDate"},      {"source", "SourceLanguage"},    {"targets", "TargetLanguages"},
      {"prepaid", "PrepaidCredit"}, {"currency", "Currency"}};
};

/// A user's text value that does not say what its text looks like.
struct sku {
  std::string number;
  friend bool parse_text(std::string_view text, sku& out) {
    if (text.substr(0, 4) != "SKU-") return false;
    out.number = std::string(text.substr(4));
    return true;
  }
  friend void format_text(sku const& value, apidecl::writer& out) noexcept {
    out.append("SKU-");
    out.append(value.number);
  }
};
struct product {
  BOOST_HANA_DEFINE_STRUCT(product, (sku, code));
};
}  // namespace sample

namespace {
constexpr std::string_view a_priced_quote =
    R"({"QuoteID":"795","ProjectID":123,"CreationDate":"2014-06-25T16:39:07Z","DueDate":"2014-07-01T10:22:46.5Z",)"
    R"("SourceLanguage":"en-gb","TargetLanguages":["fr-fr","it-it"],"PrepaidCredit":"118.90","Currency":"EUR"})";
}  // namespace

TEST_CASE("text values are JSON strings, read through parse_text", "[serializer][boost_json]") {
  STATIC_REQUIRE(apidecl::can_encode_v<apidecl::boost_json_serializer, sample::priced_quote>);
  STATIC_REQUIRE(apidecl::can_decode_v<apidecl::boost_json_serializer, sample::priced_quote>);
  auto const q = decoded<sample::priced_quote>(a_priced_quote);
  CHECK(q.quote_id.value() == "795");
  CHECK(q.project_id.value() == 123);
  CHECK(q.created.seconds_since_epoch() == 1403714347);
  REQUIRE(q.due.has_value());
  CHECK(q.due->nanoseconds() == 500000000);
  CHECK(q.source.text() == "en-gb");
  REQUIRE(q.targets.size() == 2);
  CHECK(q.targets[1].country() == "it");
  CHECK(q.prepaid == apidecl::decimal(1189, 1));
  CHECK(q.currency == apidecl::currency::eur);
}

TEST_CASE("text values are written as the text they were read from", "[serializer][boost_json]") {
  CHECK(encoded(decoded<sample::priced_quote>(a_priced_quote)) == a_priced_quote);
}

TEST_CASE("an integer id is a JSON number and a string id a JSON string", "[serializer][boost_json]") {
  boost::json::value const tree = reparsed(encoded(decoded<sample::priced_quote>(a_priced_quote)));
  CHECK(tree.at("ProjectID").is_int64());
  CHECK(tree.at("QuoteID").is_string());
  std::string with_string_project(a_priced_quote);
  with_string_project.replace(with_string_project.find("123"), 3, R"("123")");
  auto const status = refused<sample::priced_quote>(with_string_project);
  CHECK(status.where() == "ProjectID");
  CHECK(status.what() == "expected an integer");
}

TEST_CASE("text a text value refuses is a decode error naming the field and the format", "[serializer][boost_json]") {
  struct expectation {
    std::string_view from;
    std::string_view to;
    std::string_view where;
    std::string_view what;
  };
  for (auto const& e : {expectation{"2014-06-25T16:39:07Z", "2014-02-30T16:39:07Z", "CreationDate",
                                    "not an ISO 8601 UTC timestamp"},
                        expectation{"2014-07-01T10:22:46.5Z", "2014-07-01T10:22:46", "DueDate",
                                    "not an ISO 8601 UTC timestamp"},
                        expectation{R"("it-it")", R"("it_IT")", "TargetLanguages/1",
                                    "not a language code (ll or ll-cc)"},
                        expectation{"118.90", "118,90", "PrepaidCredit", "not a decimal number"}}) {
    INFO(e.to);
    std::string body(a_priced_quote);
    body.replace(body.find(e.from), e.from.size(), e.to);
    auto const status = refused<sample::priced_quote>(body);
    CHECK(status.where() == e.where);
    CHECK(status.what() == e.what);
  }
}

TEST_CASE("a text value given a JSON number is a decode error, so no amount passes through double",
          "[serializer][boost_json]") {
  std::string body(a_priced_quote);
  body.replace(body.find(R"("118.90")"), 8, "118.90");
  auto const status = refused<sample::priced_quote>(body);
  CHECK(status.where() == "PrepaidCredit");
  CHECK(status.what() == "expected a string");
}

TEST_CASE("a user's text value reads and writes through its own functions", "[serializer][boost_json]") {
  CHECK(decoded<sample::product>(R"({"code":"SKU-42"})").code.number == "42");
  CHECK(encoded(sample::product{{"7"}}) == R"({"code":"SKU-7"})");
  auto const status = refused<sample::product>(R"({"code":"42"})");
  CHECK(status.where() == "code");
  CHECK(status.what() == "not a valid value of the field's type");
}

TEST_CASE("a text value whose text is not valid UTF-8 is refused when encoding", "[serializer][boost_json]") {
  std::string out(64, '\0');
  apidecl::writer w(out.data(), out.size());
  apidecl::encode_result const status = json.encode(sample::product{{"\xFF"}}, w);
  CHECK_FALSE(status);
  CHECK(mentions(std::string(status.problem()), "UTF-8"));
}
