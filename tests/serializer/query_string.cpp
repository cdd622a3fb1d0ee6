// query_string_serializer: structs as HTML-form bodies (application/x-www-form-urlencoded), flat or
// nested in OpenAPI's styles.
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

#include <boost/describe/class.hpp>
#include <boost/hana/define_struct.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Describe's macros pass empty variadic arguments, which Clang's -Wpedantic flags before C++20.
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif

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
struct list_of_forms {  // OpenAPI gives no form spelling of an array of objects
  BOOST_HANA_DEFINE_STRUCT(list_of_forms, (std::vector<counter>, items));
};
struct list_of_lists {
  BOOST_HANA_DEFINE_STRUCT(list_of_lists, (std::vector<std::vector<int>>, rows));
};
struct with_number {  // a double has no text spelling that every reader agrees on
  BOOST_HANA_DEFINE_STRUCT(with_number, (double, ratio));
};
}  // namespace sample

TEST_CASE("the traits refuse types a form cannot carry", "[serializer][query_string]") {
  STATIC_REQUIRE_FALSE(apidecl::can_encode_v<apidecl::query_string_serializer, sample::list_of_forms>);
  STATIC_REQUIRE_FALSE(apidecl::can_decode_v<apidecl::query_string_serializer, sample::list_of_forms>);
  STATIC_REQUIRE_FALSE(apidecl::can_encode_v<apidecl::query_string_serializer, sample::list_of_lists>);
  STATIC_REQUIRE_FALSE(apidecl::can_decode_v<apidecl::query_string_serializer, sample::with_number>);
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

// ---- nested objects and arrays (OpenAPI's Encoding Object: form, explode, deepObject) ----------

namespace sample {
struct point {
  BOOST_HANA_DEFINE_STRUCT(point, (std::string, lat), (std::optional<std::int32_t>, alt));
};
struct address {
  BOOST_HANA_DEFINE_STRUCT(address, (std::string, city), (std::optional<point>, where), (std::vector<std::string>, lines));
};
struct sign_up {
  BOOST_HANA_DEFINE_STRUCT(sign_up,
    (std::string, name),
    (address, home),
    (std::optional<address>, work),
    (std::vector<std::string>, tags),
    (std::optional<std::vector<std::int32_t>>, scores)
  );
  static constexpr apidecl::form_encoding form_encodings[] = {
      {"home", apidecl::form_style::deep_object}, {"scores", apidecl::form_style::form, false}};
};
struct contact {  // OpenAPI's default for every field: form, exploded
  BOOST_HANA_DEFINE_STRUCT(contact, (std::string, email), (std::optional<point>, where));
};
struct hostile_names {
  BOOST_HANA_DEFINE_STRUCT(hostile_names, (std::string, a), (point, b));
  static constexpr apidecl::wire_name wire_names[] = {{"a", "x[y]&z=%\xC3\xA9"}, {"b", "p]["}};
  static constexpr apidecl::form_encoding form_encodings[] = {{"b", apidecl::form_style::deep_object}};
};
struct described_inner {
  std::string code;
};
BOOST_DESCRIBE_STRUCT(described_inner, (), (code))
struct described_outer {
  described_inner inner;
  std::vector<std::string> list;
  static constexpr apidecl::form_encoding form_encodings[] = {{"inner", apidecl::form_style::deep_object},
                                                              {"list", apidecl::form_style::form, false}};
};
BOOST_DESCRIBE_STRUCT(described_outer, (), (inner, list))
}  // namespace sample

namespace {
sample::sign_up a_sign_up() {
  return {"Ann", {"Oslo", sample::point{"59.9", 12}, {"Storgata 1", "3rd floor"}}, std::nullopt, {"a", "b"}, std::nullopt};
}
}  // namespace

TEST_CASE("a deep_object field nests its fields in brackets, percent-encoded", "[serializer][query_string]") {
  STATIC_REQUIRE(apidecl::can_encode_v<apidecl::query_string_serializer, sample::sign_up>);
  STATIC_REQUIRE(apidecl::can_decode_v<apidecl::query_string_serializer, sample::sign_up>);
  CHECK(encoded(a_sign_up()) ==
        "name=Ann&home%5Bcity%5D=Oslo&home%5Bwhere%5D%5Blat%5D=59.9&home%5Bwhere%5D%5Balt%5D=12&"
        "home%5Blines%5D=Storgata%201&home%5Blines%5D=3rd%20floor&tags=a&tags=b");
}

TEST_CASE("a struct field in the default form style writes its fields as its parent's", "[serializer][query_string]") {
  CHECK(encoded(sample::contact{"a@b.c", sample::point{"1.5", std::nullopt}}) == "email=a%40b.c&lat=1.5");
  auto const back = decoded<sample::contact>("lat=2&email=x");
  REQUIRE(back.where.has_value());
  CHECK(back.where->lat == "2");
  CHECK_FALSE(back.where->alt.has_value());
  auto s = a_sign_up();
  s.work = sample::address{"Rome", std::nullopt, {"Via Roma"}};
  CHECK(encoded(s).find("&city=Rome&lines=Via%20Roma&tags=a") != std::string::npos);
}

TEST_CASE("an unexploded vector is one pair of comma-separated values, a comma in a value escaped",
          "[serializer][query_string]") {
  auto s = a_sign_up();
  s.scores = std::vector<std::int32_t>{3, -1, 0};
  CHECK(encoded(s).substr(encoded(s).rfind('&')) == "&scores=3,-1,0");
  sample::described_outer const d{{"x,y"}, {"p,q", "", "r"}};
  CHECK(encoded(d) == "inner%5Bcode%5D=x%2Cy&list=p%2Cq,,r");
  auto const back = decoded<sample::described_outer>(encoded(d));
  CHECK(back.inner.code == "x,y");
  CHECK(back.list == std::vector<std::string>{"p,q", "", "r"});
}

TEST_CASE("empty vectors and absent optionals write nothing and read back empty", "[serializer][query_string]") {
  sample::sign_up s{"Ann", {"Oslo", std::nullopt, {}}, std::nullopt, {}, std::vector<std::int32_t>{}};
  CHECK(encoded(s) == "name=Ann&home%5Bcity%5D=Oslo");
  auto const back = decoded<sample::sign_up>(encoded(s));
  CHECK_FALSE(back.home.where.has_value());
  CHECK(back.home.lines.empty());
  CHECK_FALSE(back.work.has_value());
  CHECK(back.tags.empty());
  CHECK_FALSE(back.scores.has_value());
  CHECK(decoded<sample::described_outer>("inner[code]=c&list=").list == std::vector<std::string>{""});
}

TEST_CASE("nested values decode back equal, from escaped or literal brackets", "[serializer][query_string]") {
  auto const original = a_sign_up();
  auto const back = decoded<sample::sign_up>(encoded(original));
  CHECK(back.name == original.name);
  CHECK(back.home.city == "Oslo");
  REQUIRE(back.home.where.has_value());
  CHECK(back.home.where->alt == 12);
  CHECK(back.home.lines == original.home.lines);
  CHECK(back.tags == original.tags);
  auto const literal = decoded<sample::sign_up>("home[where][lat]=1&name=N&home[city]=C&scores=1,2");
  REQUIRE(literal.home.where.has_value());
  CHECK(literal.home.where->lat == "1");
  CHECK(literal.scores == std::vector<std::int32_t>{1, 2});
}

TEST_CASE("names holding brackets, '&', '=', '%' and UTF-8 are escaped whole and read back", "[serializer][query_string]") {
  sample::hostile_names const h{"v", {"1", 2}};
  std::string const text = encoded(h);
  CHECK(text == "x%5By%5D%26z%3D%25%C3%A9=v&p%5D%5B%5Blat%5D=1&p%5D%5B%5Balt%5D=2");
  auto const back = decoded<sample::hostile_names>(text);
  CHECK(back.a == "v");
  CHECK(back.b.alt == 2);
}

TEST_CASE("a nested field's decode error names it with its brackets", "[serializer][query_string]") {
  auto const missing = refused<sample::sign_up>("name=Ann&home[where][alt]=3");
  CHECK(missing.where() == "home[city]");
  CHECK(missing.what() == "missing required field");
  auto const lat = refused<sample::sign_up>("name=Ann&home[city]=C&home[where][alt]=3");
  CHECK(lat.where() == "home[where][lat]");  // an optional struct given in part still needs its required fields
  auto const alt = refused<sample::sign_up>("name=Ann&home[city]=C&home[where][lat]=1&home[where][alt]=high");
  CHECK(alt.where() == "home[where][alt]");
  CHECK(alt.what() == "not an integer");
  auto const twice = refused<sample::sign_up>("name=Ann&home[city]=C&scores=1&scores=2");
  CHECK(twice.where() == "scores");
  CHECK(twice.what() == "given more than once");
  auto const listed = refused<sample::sign_up>("name=Ann&home[city]=C&scores=1,x,3");
  CHECK(listed.where() == "scores");
  CHECK(listed.what() == "not an integer");
  auto const escape = refused<sample::sign_up>("name=Ann&home[city]=C&home[lines]=%zz");
  CHECK(escape.where() == "home[lines]");
  CHECK(escape.what() == "malformed percent-encoding");
  CHECK(refused<sample::sign_up>("name=Ann&home[city]=C&home[city]=D").what() == "given more than once");
}

TEST_CASE("hostile names decode without recursion or surprise", "[serializer][query_string]") {
  std::string deep = "name=Ann&home[city]=C&home";
  for (int i = 0; i < 10000; ++i) deep += "[where]";
  deep += "[lat]=1&home]city[=X&home[city=Y&[city]=Z&home[[city]]=W&home%5Bcity%5D%5B%5D=V";
  auto const s = decoded<sample::sign_up>(deep);  // none of the odd names is one of the body's
  CHECK(s.home.city == "C");
  CHECK_FALSE(s.home.where.has_value());
  std::string many = "name=Ann&home[city]=C";
  for (int i = 0; i < 20000; ++i) many += "&tags=t";
  CHECK(decoded<sample::sign_up>(many).tags.size() == 20000);
}

TEST_CASE("a nested form into a writer too small reports the size needed", "[serializer][query_string]") {
  std::string const whole = encoded(a_sign_up());
  std::string small(16, '\0');
  apidecl::writer w(small.data(), small.size());
  REQUIRE(qs.encode(a_sign_up(), w));
  CHECK(w.size() == whole.size());
  CHECK(small == whole.substr(0, 16));
}
