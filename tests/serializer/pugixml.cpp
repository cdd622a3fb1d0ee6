// pugixml_serializer: Hana Structs to XML and back, the onDemand Authorize Quote bodies, and every
// way a body can fail to decode or encode.
#include <catch2/catch.hpp>

#include "../support/ondemand_seed.hpp"
#include "../support/codec_checks.hpp"
#include "../support/xml_tree.hpp"

#include <apidecl/core/writer.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/serializer/serializer.hpp>
#include <apidecl/types/fixed_vector.hpp>
#include <apidecl/types/open_enum.hpp>

#include <boost/hana/define_struct.hpp>

#include <array>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace sample {

/// An exact amount in hundredths, a text value ("12.34") as money is on onDemand's wire.
struct amount {
  std::int64_t cents = 0;
  static constexpr std::string_view text_format = "an amount like 12.34";

  friend bool parse_text(std::string_view text, amount& out) {
    std::size_t const dot = text.find('.');
    if (dot == std::string_view::npos || text.size() - dot != 3 || dot == 0) return false;
    std::int64_t units = 0;
    int hundredths = 0;
    char const* const units_end = text.data() + dot;
    if (auto const r = std::from_chars(text.data(), units_end, units); r.ec != std::errc() || r.ptr != units_end)
      return false;
    char const* const end = text.data() + text.size();
    if (auto const r = std::from_chars(units_end + 1, end, hundredths); r.ec != std::errc() || r.ptr != end)
      return false;
    out.cents = units * 100 + hundredths;
    return true;
  }
  friend void format_text(amount const& value, apidecl::writer& out) noexcept {
    char digits[32];
    char* stop = std::to_chars(digits, digits + 24, value.cents / 100).ptr;
    *stop++ = '.';
    *stop++ = static_cast<char>('0' + value.cents % 100 / 10);
    *stop++ = static_cast<char>('0' + value.cents % 10);
    out.append({digits, static_cast<std::size_t>(stop - digits)});
  }
  friend bool operator==(amount a, amount b) { return a.cents == b.cents; }
};

enum class authorization_status { authorized, pending, error, unknown };
constexpr auto enum_names(authorization_status) noexcept {
  return std::array{apidecl::enum_name{authorization_status::authorized, "Authorized"},
                    apidecl::enum_name{authorization_status::pending, "Pending"},
                    apidecl::enum_name{authorization_status::error, "Error"}};
}

struct product {
  BOOST_HANA_DEFINE_STRUCT(product, (std::int64_t, asset_id), (std::vector<std::string>, skus));
  static constexpr apidecl::wire_name wire_names[] = {{"asset_id", "AssetID"}, {"skus", "SKUs/SKU/SKUNumber"}};
};

struct project {
  BOOST_HANA_DEFINE_STRUCT(project,
    (std::int64_t, project_id),
    (std::string, project_url),
    (std::string, project_due_date),
    (std::vector<product>, products)
  );
  static constexpr apidecl::wire_name wire_names[] = {{"project_id", "ProjectID"},
                                                      {"project_url", "ProjectURL"},
                                                      {"project_due_date", "ProjectDueDate"},
                                                      {"products", "Products/Product"}};
};

/// The Authorize Quote response.
struct quote_authorization {
  BOOST_HANA_DEFINE_STRUCT(quote_authorization,
    (apidecl::open_enum<authorization_status>, status),
    (std::optional<std::string>, payment_url),
    (std::string, quote_url),
    (std::vector<project>, projects)
  );
  static constexpr std::string_view xml_element = "QuoteAuthorization";
  static constexpr apidecl::wire_name wire_names[] = {
      {"status", "Status"}, {"payment_url", "PaymentURL"}, {"quote_url", "QuoteURL"}, {"projects", "Projects/Project"}};
};

/// The Authorize Quote request body, in the seed's 2014 shape.
template <class Languages>
struct basic_quote {
  BOOST_HANA_DEFINE_STRUCT(basic_quote,
    (std::string, quote_id),
    (std::string, creation_date),
    (int, service_id),
    (std::string, source_language),
    (Languages, target_languages),
    (int, total_translations),
    (int, translation_credit),
    (amount, total_cost),
    (amount, prepaid_credit),
    (amount, amount_due),
    (std::string, currency),
    (std::optional<std::vector<product>>, products)
  );
  static constexpr std::string_view xml_element = "Quote";
  static constexpr apidecl::wire_name wire_names[] = {{"quote_id", "QuoteID"},
                                                      {"creation_date", "CreationDate"},
                                                      {"service_id", "ServiceID"},
                                                      {"source_language", "SourceLanguage/LanguageCode"},
                                                      {"target_languages", "TargetLanguages/TargetLanguage/LanguageCode"},
                                                      {"total_translations", "TotalTranslations"},
                                                      {"translation_credit", "TranslationCredit"},
                                                      {"total_cost", "TotalCost"},
                                                      {"prepaid_credit", "PrepaidCredit"},
                                                      {"amount_due", "AmountDue"},
                                                      {"currency", "Currency"},
                                                      {"products", "Products/Product"}};
};
using quote = basic_quote<std::vector<std::string>>;
/// The same body for a user who avoids the heap for its lists.
using fixed_quote = basic_quote<apidecl::fixed_vector<std::string, 2>>;

/// Attributes, a renamed nested struct, a bool and repeated elements without a container.
struct tag {
  BOOST_HANA_DEFINE_STRUCT(tag, (int, id), (std::optional<std::string>, lang), (std::string, text));
  static constexpr apidecl::wire_name wire_names[] = {{"id", "@id"}, {"lang", "@lang"}, {"text", "Text"}};
};
struct labelled {
  BOOST_HANA_DEFINE_STRUCT(labelled,
    (std::int16_t, version),
    (bool, draft),
    (std::vector<tag>, tags),
    (std::optional<tag>, main)
  );
  static constexpr std::string_view xml_element = "Labelled";
  static constexpr apidecl::wire_name wire_names[] = {
      {"version", "@version"}, {"draft", "Draft"}, {"tags", "Tag"}, {"main", "Main"}};
};

/// A text field, to show what survives the trip.
struct note {
  BOOST_HANA_DEFINE_STRUCT(note, (std::string, text));
  static constexpr std::string_view xml_element = "Note";
  static constexpr apidecl::wire_name wire_names[] = {{"text", "Text"}};
};

/// A closed enumeration: a name it does not know is an error. `medium` has no name on purpose.
enum class cup_size { small, medium, large };
constexpr auto enum_names(cup_size) noexcept {
  return std::array{apidecl::enum_name{cup_size::small, "SMALL"}, apidecl::enum_name{cup_size::large, "LARGE"}};
}
struct cup {
  BOOST_HANA_DEFINE_STRUCT(cup, (cup_size, size), (std::optional<cup_size>, refill));
  static constexpr std::string_view xml_element = "Cup";
  static constexpr apidecl::wire_name wire_names[] = {{"size", "@size"}, {"refill", "Refill"}};
};

/// Fields sharing elements: `Source/Code` and `Source/Name` write one <Source>, and the fields
/// under `Meta` one <Meta>, whose <Dates> holds two of them; the labels repeat in <Meta>.
struct shipment {
  BOOST_HANA_DEFINE_STRUCT(shipment,
    (std::optional<std::string>, source_code),
    (std::optional<std::string>, source_name),
    (std::string, id),
    (std::optional<std::string>, created),
    (std::optional<std::string>, due),
    (std::vector<std::string>, labels),
    (std::optional<int>, weight)
  );
  static constexpr std::string_view xml_element = "Shipment";
  static constexpr apidecl::wire_name wire_names[] = {{"source_code", "Source/Code"},
                                                      {"source_name", "Source/Name"},
                                                      {"id", "ID"},
                                                      {"created", "Meta/Dates/Created"},
                                                      {"due", "Meta/Dates/Due"},
                                                      {"labels", "Meta/Label"},
                                                      {"weight", "Meta/Weight"}};
};
/// Fields sharing <Source> with another between them, and a path through an element another field
/// writes: the encoder could not write either in declaration order, so neither compiles.
struct split_source {
  BOOST_HANA_DEFINE_STRUCT(split_source, (std::string, code), (std::string, id), (std::string, name));
  static constexpr std::string_view xml_element = "Split";
  static constexpr apidecl::wire_name wire_names[] = {
      {"code", "Source/Code"}, {"id", "ID"}, {"name", "Source/Name"}};
};
struct through_a_leaf {
  BOOST_HANA_DEFINE_STRUCT(through_a_leaf, (std::string, source), (std::string, name));
  static constexpr std::string_view xml_element = "Through";
  static constexpr apidecl::wire_name wire_names[] = {{"source", "Source"}, {"name", "Source/Name"}};
};
struct through_a_list {
  BOOST_HANA_DEFINE_STRUCT(through_a_list, (std::vector<std::string>, items), (std::string, count));
  static constexpr std::string_view xml_element = "Through";
  static constexpr apidecl::wire_name wire_names[] = {{"items", "List/Item"}, {"count", "List/Item/Count"}};
};

struct no_root_name {
  BOOST_HANA_DEFINE_STRUCT(no_root_name, (std::string, text));
};
struct with_double {
  BOOST_HANA_DEFINE_STRUCT(with_double, (double, ratio));
  static constexpr std::string_view xml_element = "WithDouble";
};

}  // namespace sample

namespace {

apidecl::pugixml_serializer const xml;

template <class T>
std::string encoded(T const& value) {
  return test_support::encoded_by(xml, value);
}

template <class T>
T decoded(std::string_view text) {
  return test_support::decoded_by<T>(xml, text);
}

template <class T>
apidecl::decode_result refused(std::string_view text) {
  return test_support::refused_by<T>(xml, text);
}

template <class T>
apidecl::encode_result encode_result_of(T const& value) {
  std::string out(4096, '\0');
  apidecl::writer w(out.data(), out.size());
  return xml.encode(value, w);
}

bool mentions(std::string const& text, std::string_view word) { return text.find(word) != std::string::npos; }

using test_support::same_tree_as;
using ondemand_seed::no_payment_required;
using ondemand_seed::payment_required;
using ondemand_seed::request_example;

template <class Quote>
Quote request_example_value() {
  Quote q{};
  q.quote_id = "795";
  q.creation_date = "2014-06-25T16:39:07Z";
  q.service_id = 112;
  q.source_language = "en-gb";
  q.target_languages.push_back("fr-fr");
  q.target_languages.push_back("it-it");
  q.total_translations = 2;
  q.translation_credit = 49984;
  q.total_cost = {0};
  q.prepaid_credit = {11899};
  q.amount_due = {0};
  q.currency = "EUR";
  return q;
}

// The request example with one element's text replaced.
std::string request_with(std::string_view element, std::string_view text) {
  std::string body(request_example);
  std::string const open = "<" + std::string(element) + ">";
  std::size_t const from = body.find(open) + open.size();
  body.replace(from, body.find('<', from) - from, text);
  return body;
}

}  // namespace

TEST_CASE("pugixml_serializer models Serializer for XML", "[serializer][pugixml]") {
  STATIC_REQUIRE(apidecl::is_serializer_v<apidecl::pugixml_serializer>);
  STATIC_REQUIRE(std::is_same_v<apidecl::pugixml_serializer::media_type, apidecl::xml>);
}

TEST_CASE("the traits tell which types pugixml_serializer supports", "[serializer][pugixml]") {
  STATIC_REQUIRE(apidecl::can_encode_v<apidecl::pugixml_serializer, sample::quote>);
  STATIC_REQUIRE(apidecl::can_decode_v<apidecl::pugixml_serializer, sample::quote_authorization>);
  STATIC_REQUIRE(apidecl::can_decode_v<apidecl::pugixml_serializer, sample::fixed_quote>);
  STATIC_REQUIRE(apidecl::can_decode_v<apidecl::pugixml_serializer, sample::labelled>);
  // A root type must name its element; floating point is not offered.
  STATIC_REQUIRE_FALSE(apidecl::can_encode_v<apidecl::pugixml_serializer, sample::no_root_name>);
  STATIC_REQUIRE_FALSE(apidecl::can_decode_v<apidecl::pugixml_serializer, sample::no_root_name>);
  STATIC_REQUIRE_FALSE(apidecl::can_decode_v<apidecl::pugixml_serializer, sample::with_double>);
  STATIC_REQUIRE_FALSE(apidecl::can_decode_v<apidecl::pugixml_serializer, sample::product>);
  STATIC_REQUIRE_FALSE(apidecl::can_decode_v<apidecl::pugixml_serializer, std::string>);
}

TEST_CASE("the seed's no-payment authorization decodes", "[serializer][pugixml][ondemand]") {
  auto const a = decoded<sample::quote_authorization>(no_payment_required);
  CHECK(a.status == sample::authorization_status::authorized);
  CHECK_FALSE(a.payment_url.has_value());
  CHECK(a.quote_url == "https://");
  REQUIRE(a.projects.size() == 1);
  sample::project const& p = a.projects[0];
  CHECK(p.project_id == 123);
  CHECK(p.project_url == "https://");
  CHECK(p.project_due_date == "2014-02-11T10:22:46Z");
  REQUIRE(p.products.size() == 1);
  CHECK(p.products[0].asset_id == 999);
  CHECK(p.products[0].skus == std::vector<std::string>{"123"});
}

TEST_CASE("the seed's payment-required authorization decodes with its PaymentURL", "[serializer][pugixml][ondemand]") {
  auto const a = decoded<sample::quote_authorization>(payment_required);
  CHECK(a.status == sample::authorization_status::pending);
  CHECK(a.payment_url == std::optional<std::string>("https://"));
  CHECK(a.quote_url == "https://");
  REQUIRE(a.projects.size() == 1);
  CHECK(a.projects[0].project_id == 123);
  REQUIRE(a.projects[0].products.size() == 1);
  CHECK(a.projects[0].products[0].asset_id == 999);
  CHECK(a.projects[0].products[0].skus == std::vector<std::string>{"123"});
}

TEST_CASE("the seed's request example encodes to the same tree", "[serializer][pugixml][ondemand]") {
  std::string const body = encoded(request_example_value<sample::quote>());
  CHECK(same_tree_as(body, request_example) == "");
  CHECK(body.rfind("<Quote>", 0) == 0);  // no declaration, no indentation
  CHECK_FALSE(mentions(body, "\n"));
  CHECK_FALSE(mentions(body, "Products"));  // an empty optional writes nothing
}

TEST_CASE("the seed's request example decodes and round-trips", "[serializer][pugixml][ondemand]") {
  auto const q = decoded<sample::quote>(request_example);
  CHECK(q.quote_id == "795");
  CHECK(q.service_id == 112);
  CHECK(q.source_language == "en-gb");
  CHECK(q.target_languages == std::vector<std::string>{"fr-fr", "it-it"});
  CHECK(q.prepaid_credit.cents == 11899);
  CHECK(q.currency == "EUR");
  CHECK_FALSE(q.products.has_value());

  auto with_products = q;
  with_products.products.emplace({sample::product{999, {"123", "456"}}, sample::product{7, {}}});
  std::string const body = encoded(with_products);
  CHECK(mentions(body, "<Products><Product><AssetID>999</AssetID><SKUs><SKU><SKUNumber>123</SKUNumber></SKU>"
                       "<SKU><SKUNumber>456</SKUNumber></SKU></SKUs></Product>"
                       "<Product><AssetID>7</AssetID><SKUs/></Product></Products>"));
  auto const back = decoded<sample::quote>(body);
  CHECK(back.target_languages == q.target_languages);
  REQUIRE(back.products.has_value());
  REQUIRE(back.products->size() == 2);
  CHECK((*back.products)[0].skus == std::vector<std::string>{"123", "456"});
  CHECK((*back.products)[1].asset_id == 7);
  CHECK((*back.products)[1].skus.empty());
  CHECK(encoded(back) == body);
}

TEST_CASE("a fixed_vector field decodes and encodes like a vector", "[serializer][pugixml]") {
  auto const q = decoded<sample::fixed_quote>(request_example);
  REQUIRE(q.target_languages.size() == 2);
  CHECK(q.target_languages[0] == "fr-fr");
  CHECK(q.target_languages[1] == "it-it");
  CHECK(same_tree_as(encoded(q), request_example) == "");
}

TEST_CASE("more items than a fixed_vector holds is a decode error", "[serializer][pugixml]") {
  std::string body(request_example);
  body.insert(body.find("</TargetLanguages>"), "<TargetLanguage><LanguageCode>de-de</LanguageCode></TargetLanguage>");
  auto const status = refused<sample::fixed_quote>(body);
  CHECK(status.where() == "Quote/TargetLanguages");
  CHECK(status.what() == "more than 2 <TargetLanguage> elements");
  CHECK(decoded<sample::quote>(body).target_languages.size() == 3);
}

TEST_CASE("attributes, bools, optional structs and uncontained repeats round-trip", "[serializer][pugixml]") {
  sample::labelled value{};
  value.version = -3;
  value.draft = true;
  value.tags = {sample::tag{1, "en", "one"}, sample::tag{2, std::nullopt, "two"}};
  value.main = sample::tag{9, std::nullopt, "main"};
  std::string const body = encoded(value);
  CHECK(same_tree_as(body, R"(<Labelled version="-3"><Draft>true</Draft>
      <Tag id="1" lang="en"><Text>one</Text></Tag><Tag id="2"><Text>two</Text></Tag>
      <Main id="9"><Text>main</Text></Main></Labelled>)") == "");
  auto const back = decoded<sample::labelled>(body);
  CHECK(back.version == -3);
  CHECK(back.draft);
  REQUIRE(back.tags.size() == 2);
  CHECK(back.tags[0].lang == std::optional<std::string>("en"));
  CHECK_FALSE(back.tags[1].lang.has_value());
  CHECK(back.tags[1].text == "two");
  REQUIRE(back.main.has_value());
  CHECK(back.main->id == 9);
}

TEST_CASE("fields sharing an element write it once, and only if one of them is present", "[serializer][pugixml]") {
  sample::shipment value{};
  value.source_code = "DE";
  value.source_name = "Berlin";
  value.id = "7";
  value.created = "2014-06-25";
  value.due = "2014-07-01";
  value.labels = {"fragile", "dry"};
  value.weight = 12;
  std::string const full = encoded(value);
  CHECK(full == "<Shipment><Source><Code>DE</Code><Name>Berlin</Name></Source><ID>7</ID><Meta><Dates>"
                "<Created>2014-06-25</Created><Due>2014-07-01</Due></Dates><Label>fragile</Label>"
                "<Label>dry</Label><Weight>12</Weight></Meta></Shipment>");
  auto const back = decoded<sample::shipment>(full);
  CHECK(back.source_code == value.source_code);
  CHECK(back.source_name == value.source_name);
  CHECK(back.due == value.due);
  CHECK(back.labels == value.labels);
  CHECK(back.weight == value.weight);

  value.source_code.reset();
  value.created.reset();
  value.labels.clear();
  CHECK(encoded(value) == "<Shipment><Source><Name>Berlin</Name></Source><ID>7</ID><Meta><Dates><Due>2014-07-01"
                          "</Due></Dates><Weight>12</Weight></Meta></Shipment>");
  value.source_name.reset();
  value.due.reset();
  value.weight.reset();
  // No field under <Source> is present; the list is not optional, so its container stays.
  CHECK(encoded(value) == "<Shipment><ID>7</ID><Meta/></Shipment>");
  auto const bare = decoded<sample::shipment>("<Shipment><ID>7</ID><Meta/></Shipment>");
  CHECK_FALSE(bare.source_name.has_value());
  CHECK(bare.labels.empty());
}

TEST_CASE("fields sharing an element must be declared together, and no path may run through a field's element",
          "[serializer][pugixml]") {
  using apidecl::detail::xml_fields_nest_in_order;
  STATIC_REQUIRE(xml_fields_nest_in_order<sample::shipment>(apidecl::field_types_t<sample::shipment>{}));
  STATIC_REQUIRE(xml_fields_nest_in_order<sample::quote>(apidecl::field_types_t<sample::quote>{}));
  STATIC_REQUIRE_FALSE(xml_fields_nest_in_order<sample::split_source>(apidecl::field_types_t<sample::split_source>{}));
  STATIC_REQUIRE_FALSE(
      xml_fields_nest_in_order<sample::through_a_leaf>(apidecl::field_types_t<sample::through_a_leaf>{}));
  STATIC_REQUIRE_FALSE(
      xml_fields_nest_in_order<sample::through_a_list>(apidecl::field_types_t<sample::through_a_list>{}));
}

TEST_CASE("repeats without a container may be none, and optional elements may be absent", "[serializer][pugixml]") {
  auto const value = decoded<sample::labelled>(R"(<Labelled version="1"><Draft> 0 </Draft></Labelled>)");
  CHECK(value.tags.empty());
  CHECK_FALSE(value.draft);
  CHECK_FALSE(value.main.has_value());
}

TEST_CASE("a missing or malformed attribute is a decode error naming it", "[serializer][pugixml]") {
  auto status = refused<sample::labelled>("<Labelled><Draft>true</Draft></Labelled>");
  CHECK(status.where() == "Labelled/@version");
  CHECK(status.what() == "missing required attribute");
  status = refused<sample::labelled>(R"(<Labelled version="1"><Draft>true</Draft><Tag id="x"><Text/></Tag></Labelled>)");
  CHECK(status.where() == "Labelled/Tag[1]/@id");
  CHECK(status.what() == "not an integer");
  status = refused<sample::labelled>(R"(<Labelled version="99999"><Draft>true</Draft></Labelled>)");
  CHECK(status.what() == "integer out of range");
}

TEST_CASE("a boolean is true, false, 1 or 0", "[serializer][pugixml]") {
  CHECK(decoded<sample::labelled>(R"(<Labelled version="1"><Draft>1</Draft></Labelled>)").draft);
  auto const status = refused<sample::labelled>(R"(<Labelled version="1"><Draft>yes</Draft></Labelled>)");
  CHECK(status.where() == "Labelled/Draft");
  CHECK(status.what() == "expected true or false");
}

TEST_CASE("unknown elements, attributes, comments and instructions are ignored", "[serializer][pugixml]") {
  std::string body(request_example);
  body.replace(body.find("<Quote>"), 7, R"(<?xml version="1.0" encoding="utf-8"?><!-- c --><Quote extra="1">)");
  body.insert(body.find("<Currency>"), "<Unknown a=\"b\"><Deep><Deeper>x</Deeper></Deep></Unknown><?pi x?><!-- c -->");
  auto const q = decoded<sample::quote>(body);
  CHECK(q.currency == "EUR");
  CHECK(q.translation_credit == 49984);
}

TEST_CASE("text may come as CDATA, split by comments", "[serializer][pugixml]") {
  auto const n = decoded<sample::note>("<Note><Text>a &lt; <![CDATA[<b> & ]]><!-- x -->c</Text></Note>");
  CHECK(n.text == "a < <b> & c");
}

TEST_CASE("a missing required element is a decode error naming its path", "[serializer][pugixml]") {
  std::string body(request_example);
  body.erase(body.find("<TotalCost>"), std::string_view("<TotalCost>0.00</TotalCost>").size());
  auto status = refused<sample::quote>(body);
  CHECK(status.where() == "Quote/TotalCost");
  CHECK(status.what() == "missing required element");

  body = request_example;
  body.erase(body.find("<LanguageCode>en-gb</LanguageCode>"), 34);
  CHECK(refused<sample::quote>(body).where() == "Quote/SourceLanguage/LanguageCode");

  body = request_example;
  body.erase(body.find("<LanguageCode>it-it</LanguageCode>"), 34);
  CHECK(refused<sample::quote>(body).where() == "Quote/TargetLanguages/TargetLanguage[2]/LanguageCode");

  status = refused<sample::quote_authorization>("<QuoteAuthorization><Status>Pending</Status><QuoteURL/></QuoteAuthorization>");
  CHECK(status.where() == "QuoteAuthorization/Projects");
}

TEST_CASE("a wrong number is a decode error naming its path", "[serializer][pugixml]") {
  auto status = refused<sample::quote>(request_with("ServiceID", "112x"));
  CHECK(status.where() == "Quote/ServiceID");
  CHECK(status.what() == "not an integer");
  CHECK(refused<sample::quote>(request_with("ServiceID", "")).what() == "not an integer");
  CHECK(refused<sample::quote>(request_with("ServiceID", "+1")).what() == "not an integer");
  CHECK(refused<sample::quote>(request_with("ServiceID", "99999999999")).what() == "integer out of range");
  CHECK(decoded<sample::quote>(request_with("ServiceID", "\n  -7 ")).service_id == -7);

  status = refused<sample::quote>(request_with("TotalCost", "0"));
  CHECK(status.where() == "Quote/TotalCost");
  CHECK(status.what() == "not an amount like 12.34");

  std::string body(payment_required);
  body.insert(body.find("</Projects>"), "<Project><ProjectID>1.5</ProjectID></Project>");
  status = refused<sample::quote_authorization>(body);
  CHECK(status.where() == "QuoteAuthorization/Projects/Project[2]/ProjectID");
}

TEST_CASE("an unknown name for a closed enum is a decode error; an open one keeps it", "[serializer][pugixml]") {
  std::string body(no_payment_required);
  body.replace(body.find("Authorized"), 10, "Calculating");
  auto const a = decoded<sample::quote_authorization>(body);
  CHECK_FALSE(a.status.is_known());
  CHECK(a.status.text() == "Calculating");
  CHECK(mentions(encoded(a), "<Status>Calculating</Status>"));

  auto const c = decoded<sample::cup>(R"(<Cup size="LARGE"><Refill>SMALL</Refill></Cup>)");
  CHECK(c.size == sample::cup_size::large);
  CHECK(c.refill == sample::cup_size::small);
  CHECK(encoded(c) == R"(<Cup size="LARGE"><Refill>SMALL</Refill></Cup>)");
  auto const status = refused<sample::cup>(R"(<Cup size="LARGE"><Refill>HUGE</Refill></Cup>)");
  CHECK(status.where() == "Cup/Refill");
  CHECK(status.what() == "unknown value \"HUGE\"");
}

TEST_CASE("malformed, truncated and empty bodies are decode errors", "[serializer][pugixml]") {
  auto status = refused<sample::quote>("<Quote><QuoteID>1</QuoteId></Quote>");
  CHECK(status.where() == "");
  CHECK(mentions(status.what(), "malformed XML: "));
  CHECK(mentions(status.what(), " at offset "));
  status = refused<sample::quote>(request_example.substr(0, request_example.size() / 2));
  CHECK(mentions(status.what(), "malformed XML"));
  CHECK(mentions(refused<sample::quote>("").what(), "malformed XML"));
  CHECK(mentions(refused<sample::quote>(std::string_view()).what(), "malformed XML"));
  CHECK(mentions(refused<sample::quote>("   ").what(), "malformed XML"));
  CHECK(mentions(refused<sample::quote>("not xml").what(), "malformed XML"));
  CHECK(mentions(refused<sample::quote>(std::string_view("<Quote>\0</Quote>", 16)).what(), "malformed XML"));
}

TEST_CASE("a body with another root element is a decode error naming both", "[serializer][pugixml]") {
  auto const status = refused<sample::quote>(no_payment_required);
  CHECK(status.where() == "QuoteAuthorization");
  CHECK(status.what() == "expected the root element <Quote>, found <QuoteAuthorization>");
}

TEST_CASE("deeply nested input is an error or ignored, never a crash", "[serializer][pugixml]") {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  for (int i = 0; i < 100000; ++i) deep += "</a>";
  CHECK(refused<sample::note>(deep).where() == "a");
  CHECK(decoded<sample::note>("<Note><Text>t</Text>" + deep + "</Note>").text == "t");
  CHECK(mentions(refused<sample::note>("<Note>" + deep.substr(0, 300000)).what(), "malformed XML"));
}

TEST_CASE("a body of several megabytes decodes", "[serializer][pugixml]") {
  std::string const big(4 * 1024 * 1024, 'x');
  CHECK(decoded<sample::note>("<Note><Text>" + big + "</Text></Note>").text == big);
  std::string many = "<Labelled version=\"1\"><Draft>true</Draft>";
  for (int i = 0; i < 50000; ++i) many += "<Tag id=\"" + std::to_string(i) + "\"><Text>t</Text></Tag>";
  auto const value = decoded<sample::labelled>(many + "</Labelled>");
  REQUIRE(value.tags.size() == 50000);
  CHECK(value.tags.back().id == 49999);
}

TEST_CASE("text with markup characters and non-ASCII round-trips", "[serializer][pugixml]") {
  for (std::string_view const piece : {"a < b && c > d", "\"quoted\" 'single'", "]]>", "<![CDATA[x]]>", "  padded  ",
                                 "   ", "tab\tline\nend", "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80", ""}) {
    std::string const text(piece);
    std::string const body = encoded(sample::note{text});
    INFO(body);
    CHECK(decoded<sample::note>(body).text == text);
  }
  std::string const body = encoded(sample::note{"<&]]>"});
  CHECK(body == "<Note><Text>&lt;&amp;]]&gt;</Text></Note>");
}

TEST_CASE("attribute values with markup characters round-trip", "[serializer][pugixml]") {
  sample::labelled value{};
  value.tags = {sample::tag{1, "\"<&'> \t\n", "x"}};
  auto const back = decoded<sample::labelled>(encoded(value));
  REQUIRE(back.tags.size() == 1);
  CHECK(back.tags[0].lang == std::optional<std::string>("\"<&'> \t\n"));
}

TEST_CASE("text XML 1.0 cannot carry is refused on encode", "[serializer][pugixml]") {
  for (std::string const& text : {std::string("bell\x07"), std::string("nul\0", 4), std::string("\x1b[0m"),
                                 std::string("bad \xC3"), std::string("\xED\xA0\x80"), std::string("\xEF\xBF\xBF")}) {
    auto const status = encode_result_of(sample::note{text});
    CHECK_FALSE(status);
    CHECK(status.problem() == "holds a character XML 1.0 cannot carry");
  }
  sample::labelled value{};
  value.tags = {sample::tag{1, std::string("\x01"), "x"}};
  CHECK(encode_result_of(value).problem() == "holds a character XML 1.0 cannot carry");
}

TEST_CASE("encoding an enum value that has no name fails", "[serializer][pugixml]") {
  CHECK(encode_result_of(sample::cup{sample::cup_size::medium, {}}).problem() ==
        "holds an enum value that has no name in enum_names");
  CHECK(encode_result_of(sample::cup{sample::cup_size::small, sample::cup_size::medium}).problem() ==
        "holds an enum value that has no name in enum_names");
}

TEST_CASE("decoding into a used target leaves none of its old values", "[serializer][pugixml]") {
  auto target = decoded<sample::quote_authorization>(payment_required);
  REQUIRE(xml.decode(no_payment_required, target));
  CHECK_FALSE(target.payment_url.has_value());
  CHECK(target.projects.size() == 1);
}

TEST_CASE("an encoding that does not fit reports the size it needs", "[serializer][pugixml]") {
  char small[8];
  apidecl::writer w(small, sizeof small);
  REQUIRE(xml.encode(sample::note{"hello"}, w));
  CHECK(w.overflowed());
  CHECK(w.size() == std::string_view("<Note><Text>hello</Text></Note>").size());
}
