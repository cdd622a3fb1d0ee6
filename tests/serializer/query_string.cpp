// query_string_serializer: flat Hana Structs as HTML-form bodies (application/x-www-form-urlencoded).
#include <catch2/catch.hpp>

#include "../support/codec_checks.hpp"

#include <apidecl/serializer/query_string.hpp>
#include <apidecl/types/open_enum.hpp>
#include <apidecl/serializer/serializer.hpp>
#include <apidecl/types/decimal.hpp>
#include <apidecl/types/id.hpp>
#include <apidecl/types/language_code.hpp>
#include <apidecl/types/money.hpp>
#include <apidecl/types/text_value.hpp>
#include <apidecl/types/timestamp.hpp>

#include <boost/hana/define_struct.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sample {

enum class priority { standard, priority };
constexpr auto enum_names(priority) noexcept {
  return std::array{apidecl::enum_name{priority::standard, "STANDARD"},
                    apidecl::enum_name{priority::priority, "PRIORITY"}};
}

enum class fidelity { mechanical, premium, unknown };
constexpr auto enum_names(fidelity) noexcept {
  return std::array{apidecl::enum_name{fidelity::mechanical, "MECHANICAL"},
                    apidecl::enum_name{fidelity::premium, "PREMIUM"}};
}

struct password_change {
  BOOST_HANA_DEFINE_STRUCT(password_change,
    (std::string, new_password),
    (std::optional<std::string>, username)
  );
};

struct form {
  BOOST_HANA_DEFINE_STRUCT(form,
    (std::string, name),
    (std::int32_t, count),
    (bool, urgent),
    (priority, level),
    (apidecl::open_enum<fidelity>, quality),
    (std::optional<std::string>, note),
    (std::vector<std::string>, tags)
  );
  static constexpr apidecl::wire_name wire_names[] = {{"level", "priority"}, {"quality", "fidelity"}};
};

struct counter {
  BOOST_HANA_DEFINE_STRUCT(counter, (std::uint16_t, count));
};

struct all_optional {
  BOOST_HANA_DEFINE_STRUCT(all_optional, (std::optional<std::string>, a), (std::vector<int>, b));
};

}  // namespace sample

namespace {

apidecl::query_string_serializer const qs;

template <class T>
std::string encoded(T const& value) {
  return test_support::encoded_by(qs, value);
}

template <class T>
T decoded(std::string_view text) {
  return test_support::decoded_by<T>(qs, text);
}

template <class T>
apidecl::decode_result refused(std::string_view text) {
  return test_support::refused_by<T>(qs, text);
}

sample::form a_form() {
  return {"Ann", 3, true, sample::priority::priority, sample::fidelity::premium, std::nullopt, {}};
}

}  // namespace

TEST_CASE("query_string_serializer models Serializer for HTML forms", "[serializer][query_string]") {
  STATIC_REQUIRE(apidecl::is_serializer_v<apidecl::query_string_serializer>);
  STATIC_REQUIRE(std::is_same_v<apidecl::query_string_serializer::media_type, apidecl::form>);
  STATIC_REQUIRE(apidecl::form::name == "application/x-www-form-urlencoded");
  STATIC_REQUIRE(apidecl::can_encode_v<apidecl::query_string_serializer, sample::form>);
  STATIC_REQUIRE(apidecl::can_decode_v<apidecl::query_string_serializer, sample::form>);
  STATIC_REQUIRE(apidecl::can_encode_v<apidecl::query_string_serializer, sample::password_change>);
  STATIC_REQUIRE(apidecl::can_decode_v<apidecl::query_string_serializer, sample::password_change>);
}

namespace sample {
struct nested {  // forms are flat: a struct field has no query-string spelling
  BOOST_HANA_DEFINE_STRUCT(nested, (std::string, name), (form, inner));
};
}  // namespace sample

TEST_CASE("the traits refuse types a form cannot carry", "[serializer][query_string]") {
  STATIC_REQUIRE_FALSE(apidecl::can_encode_v<apidecl::query_string_serializer, sample::nested>);
  STATIC_REQUIRE_FALSE(apidecl::can_decode_v<apidecl::query_string_serializer, sample::nested>);
  STATIC_REQUIRE_FALSE(apidecl::can_decode_v<apidecl::query_string_serializer, std::string>);
}

TEST_CASE("a flat struct encodes as name=value pairs in declaration order", "[serializer][query_string]") {
  CHECK(encoded(a_form()) == "name=Ann&count=3&urgent=true&priority=PRIORITY&fidelity=PREMIUM");
  CHECK(encoded(sample::counter{65535}) == "count=65535");
  CHECK(encoded(sample::password_change{"s3cret", std::string("ann")}) == "new_password=s3cret&username=ann");
}

TEST_CASE("values are percent-encoded so they cannot change the form's structure", "[serializer][query_string]") {
  CHECK(encoded(sample::password_change{"a&b=c+d e/f", std::nullopt}) == "new_password=a%26b%3Dc%2Bd%20e%2Ff");
  CHECK(encoded(sample::password_change{"caf\xC3\xA9", std::nullopt}) == "new_password=caf%C3%A9");
  CHECK(encoded(sample::password_change{"%41?#", std::nullopt}) == "new_password=%2541%3F%23");
  CHECK(encoded(sample::password_change{"", std::nullopt}) == "new_password=");
}

TEST_CASE("negative integers and false are written as text", "[serializer][query_string]") {
  auto f = a_form();
  f.count = -2147483647 - 1;
  f.urgent = false;
  CHECK(encoded(f) == "name=Ann&count=-2147483648&urgent=false&priority=PRIORITY&fidelity=PREMIUM");
}

TEST_CASE("an absent optional is left out of the form", "[serializer][query_string]") {
  CHECK(encoded(sample::password_change{"pw", std::nullopt}) == "new_password=pw");
  CHECK(encoded(sample::all_optional{}).empty());
}

TEST_CASE("a vector repeats its name once per element", "[serializer][query_string]") {
  auto f = a_form();
  f.note = "n";
  f.tags = {"red", "green blue", ""};
  CHECK(encoded(f) == "name=Ann&count=3&urgent=true&priority=PRIORITY&fidelity=PREMIUM&note=n&tags=red&"
                      "tags=green%20blue&tags=");
  CHECK(encoded(sample::all_optional{std::nullopt, {1, 2}}) == "b=1&b=2");
}

TEST_CASE("an open_enum writes the text it was read with", "[serializer][query_string]") {
  auto f = a_form();
  f.quality = apidecl::open_enum<sample::fidelity>::from_text("EXTERNAL VENDOR");
  CHECK(encoded(f) == "name=Ann&count=3&urgent=true&priority=PRIORITY&fidelity=EXTERNAL%20VENDOR");
}

TEST_CASE("encoding an enum value without a name fails", "[serializer][query_string]") {
  auto f = a_form();
  f.level = static_cast<sample::priority>(7);
  std::string out(256, '\0');
  apidecl::writer w(out.data(), out.size());
  apidecl::encode_result const status = qs.encode(f, w);
  CHECK_FALSE(status);
  CHECK(std::string(status.problem()).find("enum_names") != std::string::npos);
}

TEST_CASE("encoding into a writer too small overflows and reports the size needed", "[serializer][query_string]") {
  auto f = a_form();
  f.tags.assign(50, "a tag with spaces");
  std::string const whole = encoded(f);
  std::string small(10, '\0');
  apidecl::writer w(small.data(), small.size());
  REQUIRE(qs.encode(f, w));
  CHECK(w.overflowed());
  CHECK(w.size() == whole.size());
  CHECK(small == whole.substr(0, 10));
}

TEST_CASE("a form decodes into the struct's fields", "[serializer][query_string]") {
  auto const f = decoded<sample::form>("name=Ann&count=-3&urgent=false&priority=STANDARD&fidelity=MECHANICAL");
  CHECK(f.name == "Ann");
  CHECK(f.count == -3);
  CHECK_FALSE(f.urgent);
  CHECK(f.level == sample::priority::standard);
  CHECK(f.quality == sample::fidelity::mechanical);
  CHECK_FALSE(f.note.has_value());
  CHECK(f.tags.empty());
}

TEST_CASE("pairs may come in any order", "[serializer][query_string]") {
  auto const f = decoded<sample::form>("fidelity=PREMIUM&urgent=1&count=3&priority=PRIORITY&name=Ann");
  CHECK(f.name == "Ann");
  CHECK(f.count == 3);
  CHECK(f.urgent);
}

TEST_CASE("escapes are decoded and '+' is read as a space", "[serializer][query_string]") {
  CHECK(decoded<sample::password_change>("new_password=a%26b%3Dc%2Bd+e%2ff").new_password == "a&b=c+d e/f");
  CHECK(decoded<sample::password_change>("new_password=caf%C3%A9").new_password == "caf\xC3\xA9");
  CHECK(decoded<sample::password_change>("new%5Fpassword=x").new_password == "x");
  CHECK(decoded<sample::password_change>("new_password=").new_password.empty());
  CHECK(decoded<sample::password_change>("new_password").new_password.empty());
}

TEST_CASE("an optional is filled when given and empty when not", "[serializer][query_string]") {
  auto const with = decoded<sample::password_change>("new_password=pw&username=ann");
  REQUIRE(with.username.has_value());
  CHECK(*with.username == "ann");
  CHECK_FALSE(decoded<sample::password_change>("new_password=pw").username.has_value());
}

TEST_CASE("a repeated name fills a vector in order", "[serializer][query_string]") {
  auto const f = decoded<sample::all_optional>("b=3&a=x&b=1&b=2");
  CHECK(f.b == std::vector<int>{3, 1, 2});
  REQUIRE(f.a.has_value());
  CHECK(*f.a == "x");
}

TEST_CASE("decoding into a used target leaves none of its old values", "[serializer][query_string]") {
  sample::all_optional target{std::string("old"), {7, 8}};
  REQUIRE(qs.decode("b=1", target));
  CHECK(target.b == std::vector<int>{1});
  CHECK_FALSE(target.a.has_value());
}

TEST_CASE("unknown names are ignored", "[serializer][query_string]") {
  auto const p = decoded<sample::password_change>("v=1&api_token=abc&new_password=pw&&extra&other=%zz");
  CHECK(p.new_password == "pw");
}

TEST_CASE("a missing required field is a decode error naming it", "[serializer][query_string]") {
  auto const status = refused<sample::password_change>("username=ann");
  CHECK(status.where() == "new_password");
  CHECK(status.what().find("missing") != std::string::npos);
  CHECK(refused<sample::form>("name=Ann&urgent=true&priority=STANDARD&fidelity=X").where() == "count");
}

TEST_CASE("empty text is missing every required field", "[serializer][query_string]") {
  CHECK(refused<sample::password_change>("").where() == "new_password");
  auto const nothing = decoded<sample::all_optional>("");
  CHECK_FALSE(nothing.a.has_value());
  CHECK(nothing.b.empty());
}

TEST_CASE("a scalar given twice is a decode error", "[serializer][query_string]") {
  auto const status = refused<sample::password_change>("new_password=a&new_password=b");
  CHECK(status.where() == "new_password");
  CHECK(status.what() == "given more than once");
  CHECK(refused<sample::password_change>("new_password=a&username=x&username=y").where() == "username");
}

TEST_CASE("a value that does not parse as its field's type is a decode error", "[serializer][query_string]") {
  for (std::string_view text : {"count=", "count=abc", "count=12abc", "count=+5", "count=-1", "count=1.5", "count=%201"}) {
    INFO(text);
    auto const status = refused<sample::counter>(text);
    CHECK(status.where() == "count");
    CHECK(status.what() == "not an integer");
  }
  CHECK(refused<sample::counter>("count=65536").what() == "integer out of range");
  auto const not_bool = refused<sample::form>("name=A&count=1&urgent=yes&priority=STANDARD&fidelity=X");
  CHECK(not_bool.where() == "urgent");
  CHECK(not_bool.what() == "expected true or false");
  auto const unknown = refused<sample::form>("name=A&count=1&urgent=true&priority=LOW&fidelity=X");
  CHECK(unknown.where() == "priority");
  CHECK(unknown.what() == "unknown value \"LOW\"");
}

TEST_CASE("a malformed escape is a decode error", "[serializer][query_string]") {
  for (std::string_view text : {"new_password=%zz", "new_password=abc%", "new_password=%4", "new_password=%g1"}) {
    INFO(text);
    auto const status = refused<sample::password_change>(text);
    CHECK(status.where() == "new_password");
    CHECK(status.what() == "malformed percent-encoding");
  }
}

TEST_CASE("an open_enum keeps a value it does not know", "[serializer][query_string]") {
  auto const f = decoded<sample::form>("name=A&count=1&urgent=true&priority=STANDARD&fidelity=EXTERNAL+VENDOR");
  CHECK_FALSE(f.quality.is_known());
  CHECK(f.quality.text() == "EXTERNAL VENDOR");
}

TEST_CASE("encoding then decoding gives back equal values", "[serializer][query_string]") {
  sample::form const original{"Ann & Bob = \"us\" + caf\xC3\xA9 100%",
                              -42,
                              true,
                              sample::priority::standard,
                              apidecl::open_enum<sample::fidelity>::from_text("NEW/VALUE"),
                              std::string("a/b?c#d"),
                              {"x y", "", "&=+"}};
  auto const back = decoded<sample::form>(encoded(original));
  CHECK(back.name == original.name);
  CHECK(back.count == original.count);
  CHECK(back.urgent == original.urgent);
  CHECK(back.level == original.level);
  CHECK(back.quality == original.quality);
  CHECK(back.note == original.note);
  CHECK(back.tags == original.tags);
}

namespace sample {
using service_number = apidecl::id<struct service_tag, std::int32_t>;

/// onDemand's value types as query values.
struct estimate_query {
  BOOST_HANA_DEFINE_STRUCT(estimate_query,
    (service_number, service_id),
    (apidecl::language_code, source_lang),
    (std::vector<apidecl::language_code>, target_langs),
    (std::optional<apidecl::utc_timestamp>, since),
    (apidecl::decimal, budget),
    (apidecl::currency, currency)
  );
};
}  // namespace sample

namespace {
sample::estimate_query an_estimate_query() {
  return {sample::service_number(112),
          *apidecl::from_text<apidecl::language_code>("en-GB"),
          {*apidecl::from_text<apidecl::language_code>("fr-fr"), *apidecl::from_text<apidecl::language_code>("it")},
          apidecl::from_text<apidecl::utc_timestamp>("2014-06-25T16:39:07.25Z"),
          apidecl::decimal(11890, 2),
          apidecl::currency::gbp};
}
constexpr std::string_view an_encoded_estimate_query =
    "service_id=112&source_lang=en-gb&target_langs=fr-fr&target_langs=it&since=2014-06-25T16%3A39%3A07.25Z&"
    "budget=118.90&currency=GBP";
}  // namespace

TEST_CASE("text values are written as their text, percent-encoded", "[serializer][query_string]") {
  STATIC_REQUIRE(apidecl::can_encode_v<apidecl::query_string_serializer, sample::estimate_query>);
  STATIC_REQUIRE(apidecl::can_decode_v<apidecl::query_string_serializer, sample::estimate_query>);
  CHECK(encoded(an_estimate_query()) == an_encoded_estimate_query);
}

TEST_CASE("text values are read through parse_text", "[serializer][query_string]") {
  auto const q = decoded<sample::estimate_query>(an_encoded_estimate_query);
  CHECK(q.service_id.value() == 112);
  CHECK(q.source_lang.text() == "en-gb");
  REQUIRE(q.target_langs.size() == 2);
  CHECK(q.target_langs[1].text() == "it");
  REQUIRE(q.since.has_value());
  CHECK(q.since->seconds_since_epoch() == 1403714347);
  CHECK(apidecl::to_text(q.budget) == "118.90");
  CHECK(q.currency == apidecl::currency::gbp);
  CHECK(encoded(q) == an_encoded_estimate_query);
}

TEST_CASE("a '+' in a query value is a space, so a +00:00 offset must be escaped", "[serializer][query_string]") {
  std::string const escaped = "service_id=1&source_lang=en&since=2014-06-25T16:39:07%2B00:00&budget=1&currency=USD";
  REQUIRE(decoded<sample::estimate_query>(escaped).since.has_value());
  CHECK(apidecl::to_text(*decoded<sample::estimate_query>(escaped).since) == "2014-06-25T16:39:07Z");
  auto const status = refused<sample::estimate_query>(
      "service_id=1&source_lang=en&since=2014-06-25T16:39:07+00:00&budget=1&currency=USD");
  CHECK(status.where() == "since");
}

TEST_CASE("text a text value refuses is a decode error naming the field and the format", "[serializer][query_string]") {
  struct expectation {
    std::string_view body;
    std::string_view where;
    std::string_view what;
  };
  for (auto const& e : {expectation{"service_id=1&source_lang=en&since=2014-02-30T00:00:00Z&budget=1&currency=USD",
                                    "since", "not an ISO 8601 UTC timestamp"},
                        expectation{"service_id=1&source_lang=en_GB&budget=1&currency=USD", "source_lang",
                                    "not a language code (ll or ll-cc)"},
                        expectation{"service_id=1&source_lang=en&target_langs=fr&target_langs=ita&budget=1&"
                                    "currency=USD",
                                    "target_langs", "not a language code (ll or ll-cc)"},
                        expectation{"service_id=1&source_lang=en&budget=1.2e3&currency=USD", "budget",
                                    "not a decimal number"},
                        expectation{"service_id=x1&source_lang=en&budget=1&currency=USD", "service_id",
                                    "not an integer ID"}}) {
    INFO(e.body);
    auto const status = refused<sample::estimate_query>(e.body);
    CHECK(status.where() == e.where);
    CHECK(status.what() == e.what);
  }
}
