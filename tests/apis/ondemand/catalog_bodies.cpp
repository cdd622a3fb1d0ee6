// The onDemand catalog's bodies: each documented success decoded from an example body through
// the mock, request bodies as they go out, and the shapes of the two quote versions kept apart.
#include <catch2/catch.hpp>

#include "../../support/ondemand_seed.hpp"
#include "catalog_client.hpp"

#include <apidecl/apis/ondemand/ondemand.hpp>

#include <string>
#include <string_view>

namespace {
namespace od = apidecl::ondemand;
namespace v = od::v2015;
using ondemand_test::lang;
using ondemand_test::xml_headers;

// Why a call failed, for the test's report.
template <class Result>
std::string failure_text(Result const& r) {
  return r.failure_if() ? r.failure_if()->message() : std::string("(no failure)");
}

// A 2015 Get Quote answer while it is still being priced: the amounts are empty elements.
constexpr std::string_view calculating_quote = R"(
    <Quote>
        <QuoteID>796</QuoteID>
        <CreationDate>2015-03-27T10:00:00Z</CreationDate>
        <Status>Calculating</Status>
        <TotalCost/>
        <AmountDue/>
        <Currency>USD</Currency>
        <Projects>
            <Project>
                <ProjectID>5</ProjectID>
                <ProjectName>Manual</ProjectName>
                <ServiceID>112</ServiceID>
                <SourceLanguage><LanguageCode>en-us</LanguageCode></SourceLanguage>
                <TargetLanguages>
                    <TargetLanguage><LanguageCode>fr-fr</LanguageCode></TargetLanguage>
                    <TargetLanguage><LanguageCode>de-de</LanguageCode></TargetLanguage>
                </TargetLanguages>
                <Files><File><AssetID>999</AssetID><FileName>manual.docx</FileName></File></Files>
            </Project>
        </Projects>
    </Quote>
)";

// The same quote priced, as a 409 from Authorize Quote returns it corrected.
constexpr std::string_view priced_quote = R"(
    <Quote>
        <QuoteID>796</QuoteID>
        <Status>Pending</Status>
        <AuthorizeURL>https://ondemand.liondemand.com/api/quote/796/authorize</AuthorizeURL>
        <TotalCost>42.50</TotalCost>
        <PrepaidCredit>0.00</PrepaidCredit>
        <AmountDue>42.50</AmountDue>
        <Currency>USD</Currency>
        <Projects>
            <Project>
                <ServiceID>112</ServiceID>
                <SourceLanguage><LanguageCode>en-us</LanguageCode></SourceLanguage>
                <TargetLanguages><TargetLanguage><LanguageCode>fr-fr</LanguageCode></TargetLanguage></TargetLanguages>
                <Products><Product><AssetID>7</AssetID><SKUs><SKU><SKUNumber>123</SKUNumber></SKU></SKUs></Product></Products>
            </Project>
        </Projects>
    </Quote>
)";
}  // namespace

TEST_CASE("a 2015 quote that is still calculating decodes with its amounts empty and its project nested",
          "[ondemand]") {
  apidecl::mock_transport mock;
  mock.respond(200, std::string(calculating_quote), xml_headers);
  auto api = ondemand_test::client(mock, v::api_version);
  auto const r = api.call(v::get_quote, od::quote_id = "796");
  INFO(failure_text(r));
  REQUIRE(r.get_if<200>() != nullptr);
  v::quote const& q = *r.get_if<200>();
  CHECK(q.quote_id.value() == "796");
  CHECK(q.status == v::quote_status::calculating);
  REQUIRE(q.total_cost.has_value());  // present, and empty
  CHECK_FALSE(q.total_cost->value().has_value());
  CHECK_FALSE(q.prepaid_credit.has_value());  // absent
  REQUIRE(q.projects.size() == 1);
  CHECK(q.projects[0].project_id == od::ids::project(5));
  CHECK(q.projects[0].service_id == od::ids::service(112));
  CHECK(q.projects[0].source_language == lang("en-us"));
  CHECK(q.projects[0].target_languages.size() == 2);
  REQUIRE(q.projects[0].files.has_value());
  CHECK(q.projects[0].files->at(0).asset_id == od::ids::asset(999));
  CHECK(q.projects[0].files->at(0).file_name == "manual.docx");
}

TEST_CASE("the 2014 flat quote and the 2015 nested quote each decode only as their own version's type",
          "[ondemand]") {
  apidecl::mock_transport mock;
  mock.respond(409, std::string(priced_quote), xml_headers)
      .respond(409, std::string(ondemand_seed::request_example), xml_headers);
  auto api = ondemand_test::client(mock, v::api_version);
  auto const nested = api.call(v::authorize_quote, od::quote_id = "796", apidecl::body = v::quote{});
  REQUIRE(nested.get_if<409>() != nullptr);
  CHECK(nested.get_if<409>()->total_cost == od::quoted_amount(apidecl::decimal(4250, 2)));
  CHECK(nested.get_if<409>()->currency == apidecl::currency::usd);
  REQUIRE(nested.get_if<409>()->projects.at(0).products.has_value());
  CHECK(nested.get_if<409>()->projects.at(0).products->at(0).sku_numbers == std::vector<std::string>{"123"});

  // The seed's flat quote has no Status: a 2015 client is told where its shape is wrong.
  auto const flat = api.call(v::authorize_quote, od::quote_id = "795", apidecl::body = v::quote{});
  REQUIRE(flat.failure_if() != nullptr);
  REQUIRE(flat.failure_if()->decode() != nullptr);
  CHECK(flat.failure_if()->decode()->where == "Quote/Status");
}

TEST_CASE("generate quote sends the translation options and the files to quote", "[ondemand]") {
  apidecl::mock_transport mock;
  mock.respond(201, std::string(calculating_quote), xml_headers);
  auto api = ondemand_test::client(mock, v::api_version);
  v::quote_request request;
  request.options.currency = apidecl::currency::usd;
  request.options.service_id = od::ids::service(112);
  request.options.source_language = lang("en-us");
  request.options.target_languages = {lang("fr-fr"), lang("de-de")};
  request.options.notify_quote_ready_url = "https://example.com/ready";
  request.files = std::vector<v::file_ref>{{od::ids::asset(999), std::nullopt, std::nullopt}};
  auto const r = api.call(v::generate_quote, apidecl::body = request);
  INFO(failure_text(r));
  REQUIRE(r.get_if<201>() != nullptr);
  CHECK(r.get_if<201>()->status == v::quote_status::calculating);
  REQUIRE(mock.requests().size() == 1);
  CHECK(mock.requests()[0].body ==
        "<Quote><TranslationOptions><Currency>USD</Currency><ServiceID>112</ServiceID>"
        "<SourceLanguage><LanguageCode>en-us</LanguageCode></SourceLanguage>"
        "<TargetLanguages><TargetLanguage><LanguageCode>fr-fr</LanguageCode></TargetLanguage>"
        "<TargetLanguage><LanguageCode>de-de</LanguageCode></TargetLanguage></TargetLanguages>"
        "<NotifyQuoteReadyURL>https://example.com/ready</NotifyQuoteReadyURL></TranslationOptions>"
        "<Files><File><AssetID>999</AssetID></File></Files></Quote>");
  CHECK(mock.requests()[0].header("Content-Type") == std::string_view("text/xml"));
}

TEST_CASE("a 2016 quote goes back with its acceptance method", "[ondemand]") {
  apidecl::mock_transport mock;
  mock.respond(202, "<QuoteAuthorization><Status>Authorized</Status><QuoteURL>u</QuoteURL><Projects/></QuoteAuthorization>",
               xml_headers);
  auto api = ondemand_test::client(mock, od::v2016::api_version);
  od::v2016::quote q;
  q.quote_id = od::ids::quote("796");
  q.status = od::v2016::quote_status::pending;
  q.translation_acceptance_method = od::v2016::acceptance_method::acknowledge;
  auto const r = api.call(od::v2016::authorize_quote, od::quote_id = "796", apidecl::body = q);
  INFO(failure_text(r));
  REQUIRE(r.get_if<202>() != nullptr);
  CHECK(r.get_if<202>()->status == od::authorization_status::authorized);
  REQUIRE(mock.requests().size() == 1);
  CHECK(mock.requests()[0].header("x-lod-version") == std::string_view("2016-03-15"));
  CHECK(mock.requests()[0].body ==
        "<Quote><QuoteID>796</QuoteID><Status>Pending</Status><Projects/>"
        "<TranslationAcceptanceMethod>acknowledge</TranslationAcceptanceMethod></Quote>");
}

TEST_CASE("over the rate limit, a 429 is typed with the Retry-After it carries", "[ondemand]") {
  apidecl::mock_transport mock;
  mock.respond(429, "", "Retry-After: 20\r\n");
  auto api = ondemand_test::client(mock, v::api_version);
  auto const r = api.call(v::add_project, apidecl::body = v::new_project{std::nullopt, od::ids::service(112),
                                                                        lang("en-us"), {lang("fr-fr")}, std::nullopt,
                                                                        std::nullopt});
  REQUIRE(r.get_if<429>() != nullptr);
  REQUIRE(mock.requests().size() == 1);
  CHECK(mock.requests()[0].body.find("<ServiceID>112</ServiceID>") != std::string::npos);
}

TEST_CASE("lists, projects, files, products, services, locales and the account decode from example bodies",
          "[ondemand]") {
  apidecl::mock_transport mock;
  mock.respond(200, "<Quotes>" + std::string(priced_quote) + std::string(calculating_quote) + "</Quotes>", xml_headers)
      .respond(200,
               "<Projects><Project><ProjectID>5</ProjectID><Status>In Progress</Status>"
               "<DueDate>2015-04-01T12:00:00Z</DueDate></Project></Projects>",
               xml_headers)
      .respond(201, "<File><AssetID>999</AssetID><Status>Analyzing</Status><FileName>manual.docx</FileName></File>",
               xml_headers)
      .respond(206, "PK\x03", "Content-Type: application/octet-stream\r\nContent-Range: bytes 0-2/100\r\n")
      .respond(200, "<Products><Product><AssetID>7</AssetID><SKUs><SKU><SKUNumber>1</SKUNumber></SKU></SKUs></Product></Products>",
               xml_headers)
      .respond(200, "<Services><Service><ServiceID>112</ServiceID><Name>Standard</Name></Service></Services>", xml_headers)
      .respond(200, "<Locales><Locale><Name>French (France)</Name><Code>fr-fr</Code></Locale></Locales>", xml_headers)
      .respond(200, "<Estimate><TotalCost>12.00</TotalCost><Currency>EUR</Currency></Estimate>", xml_headers)
      .respond(400,
               "<Account><Status>Not Created</Status><Errors><Error><ReasonCode>100</ReasonCode>"
               "<SimpleMessage>User exists</SimpleMessage><DetailedMessage/></Error></Errors></Account>",
               xml_headers);
  auto api = ondemand_test::client(mock, v::api_version);

  auto const quotes = api.call(v::list_quotes);
  REQUIRE(quotes.get_if<200>() != nullptr);
  REQUIRE(quotes.get_if<200>()->quotes.size() == 2);
  CHECK(quotes.get_if<200>()->quotes[1].status == v::quote_status::calculating);

  auto const projects = api.call(v::list_projects);
  INFO(failure_text(projects));
  REQUIRE(projects.get_if<200>() != nullptr);
  CHECK(projects.get_if<200>()->projects.at(0).project_id == od::ids::project(5));
  CHECK(projects.get_if<200>()->projects.at(0).status == "In Progress");

  auto const added = api.call(v::add_file, od::language = "en-us", od::file_name = "manual.docx",
                              apidecl::body = std::string("PK"));
  REQUIRE(added.get_if<201>() != nullptr);
  CHECK(added.get_if<201>()->asset_id == od::ids::asset(999));

  auto const part = api.call(v::get_file, od::asset_id = 999, od::byte_range = "bytes=0-2");
  REQUIRE(part.get_if<206>() != nullptr);
  CHECK(*part.get_if<206>() == "PK\x03");
  CHECK(mock.requests()[3].header("Range") == std::string_view("bytes=0-2"));

  auto const products = api.call(v::list_products);
  REQUIRE(products.get_if<200>() != nullptr);
  CHECK(products.get_if<200>()->products.at(0).asset_id == od::ids::asset(7));

  auto const services = api.call(v::list_services);
  REQUIRE(services.get_if<200>() != nullptr);
  CHECK(services.get_if<200>()->services.at(0).name == "Standard");

  auto const locales = api.call(v::list_locales);
  REQUIRE(locales.get_if<200>() != nullptr);
  CHECK(locales.get_if<200>()->locales.at(0).code == "fr-fr");

  auto const estimate =
      api.call(v::get_estimate, od::estimate::service_id = 112, od::estimate::unit_count = 500,
               od::estimate::source_lang = "en-us", od::estimate::target_langs = apidecl::comma_list{"fr-fr"});
  REQUIRE(estimate.get_if<200>() != nullptr);
  CHECK(estimate.get_if<200>()->total_cost == apidecl::decimal(1200, 2));

  auto const refused = api.call(v::create_account, apidecl::body = v::new_account{"a@example.com", {}, {}, {}});
  REQUIRE(refused.get_if<400>() != nullptr);
  CHECK(refused.get_if<400>()->status == "Not Created");
  REQUIRE(refused.get_if<400>()->errors.size() == 1);
  CHECK(refused.get_if<400>()->errors[0].reason_code == od::reason_code::user_already_exists);
}

TEST_CASE("get estimate refuses a unit count below one before sending", "[ondemand]") {
  apidecl::mock_transport mock;
  auto api = ondemand_test::client(mock, v::api_version);
  auto const r = api.call(v::get_estimate, od::estimate::service_id = 112, od::estimate::unit_count = 0,
                          od::estimate::source_lang = "en-us", od::estimate::target_langs = apidecl::comma_list{"fr-fr"});
  REQUIRE(r.failure_if() != nullptr);
  CHECK(mock.requests().empty());
}
