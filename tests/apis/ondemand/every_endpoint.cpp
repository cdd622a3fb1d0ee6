// Every endpoint of the onDemand catalog (API versions 2015-02-23 and 2016-03-15), called with
// example arguments and once per kind of outcome: a documented error status with the error body,
// an error body of the wrong shape, a status no page documents, the rate limit's 429, and a
// server that cannot be reached. Each gives the typed outcome, and the request carries its version and a signature.
#include <catch2/catch.hpp>

#include "../../support/lod1_signature.hpp"
#include "catalog_client.hpp"

#include <apidecl/apis/ondemand/ondemand.hpp>
#include <apidecl/types/comma_list.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <type_traits>

namespace {
namespace od = apidecl::ondemand;

int checked = 0;

template <class Endpoint, class... Args>
void check_outcomes(std::string_view api_version, Endpoint const& endpoint, std::string const& request_line,
                    Args const&... args) {
  INFO(request_line);
  ++checked;
  apidecl::mock_transport mock;
  mock.respond(401, ondemand_test::error_body, ondemand_test::xml_headers)
      .respond(401, "<Quote><QuoteID>1</QuoteID></Quote>", ondemand_test::xml_headers)
      .respond(418, "teapot", "Content-Type: text/plain\r\n")
      .respond(429, "", "Retry-After: 20\r\n")
      .fail(apidecl::transport_error{apidecl::transport_errc::cannot_connect, false, "refused"});
  auto api = ondemand_test::client(mock, api_version);

  auto const documented = api.call(endpoint, args...);
  REQUIRE(documented.template get_if<401>() != nullptr);
  CHECK(documented.template get_if<401>()->reason_code == od::reason_code::quote_not_ready);
  CHECK(documented.template get_if<401>()->simple_message == "Not ready");

  auto const wrong_shape = api.call(endpoint, args...);
  REQUIRE(wrong_shape.failure_if() != nullptr);
  REQUIRE(wrong_shape.failure_if()->decode() != nullptr);
  CHECK(wrong_shape.failure_if()->decode()->status == 401);

  auto const undocumented = api.call(endpoint, args...);
  REQUIRE(undocumented.unexpected_if() != nullptr);
  CHECK(undocumented.unexpected_if()->status == 418);
  CHECK(undocumented.unexpected_if()->body == "teapot");

  auto const rate_limited = api.call(endpoint, args...);
  REQUIRE(rate_limited.template get_case_if<429>() != nullptr);
  CHECK(rate_limited.template get_case_if<429>()->headers.template get<apidecl::retry_after_header>() ==
        apidecl::retry_after_value::after(std::chrono::seconds(20)));

  auto const unreachable = api.call(endpoint, args...);
  REQUIRE(unreachable.failure_if() != nullptr);
  CHECK(unreachable.failure_if()->kind() == apidecl::failure_kind::transport);

  REQUIRE(mock.requests().size() == 5);
  CHECK(mock.requests()[0].request_line() == request_line);
  CHECK(mock.requests()[0].header("x-lod-version") == api_version);
  CHECK(mock.requests()[0].header("Accept") == std::string_view("text/xml"));
  REQUIRE(mock.requests()[0].header("Authorization"));
  CHECK(mock.requests()[0].header("Authorization")->rfind("LOD1-BASE64-SHA256 KeyID=demo-key-id,Signature=", 0) == 0);
  if (api_version == od::v2015::api_version)  // the version the independent signature is written for
    CHECK(mock.requests()[0].header("Authorization") ==
          test_support::lod1_authorization(apidecl::method_name(mock.requests()[0].method), mock.requests()[0].path(),
                                           ondemand_test::key_id, ondemand_test::secret_key, "2014-05-13T16:53:20"));
}

od::v2015::translation_options example_options() {
  od::v2015::translation_options options;
  options.service_id = od::ids::service(112);
  options.source_language = ondemand_test::lang("en-us");
  options.target_languages = {ondemand_test::lang("fr-fr")};
  return options;
}

od::v2015::quote example_quote() {
  od::v2015::quote q;
  q.quote_id = od::ids::quote("795");
  q.status = od::v2015::quote_status::pending;
  return q;
}
}  // namespace

TEST_CASE("every 2015-02-23 endpoint sends its documented request and gives the typed outcome of each answer",
          "[ondemand]") {
  namespace v = od::v2015;
  constexpr std::string_view version = v::api_version;
  checked = 0;
  check_outcomes(version, v::create_account, "POST /api/account/create HTTP/1.1",
                 apidecl::body = v::new_account{"merchant@example.com", "Ada", std::nullopt, std::nullopt});
  check_outcomes(version, v::get_account_info, "GET /api/account/info HTTP/1.1");
  check_outcomes(version, v::add_credit_balance, "POST /api/account/credit-balance/add HTTP/1.1",
                 apidecl::body = v::credit{apidecl::decimal(10000, 2), apidecl::currency::eur});
  check_outcomes(version, v::generate_quote, "POST /api/quote/generate HTTP/1.1", apidecl::body = v::quote_request{example_options(), std::nullopt, std::nullopt, std::nullopt});
  check_outcomes(version, v::get_quote, "GET /api/quote/795 HTTP/1.1", od::quote_id = "795");
  check_outcomes(version, v::list_quotes, "GET /api/quote HTTP/1.1");
  check_outcomes(version, v::reject_quote, "POST /api/quote/795/reject HTTP/1.1", od::quote_id = "795");
  check_outcomes(version, v::authorize_quote, "POST /api/quote/795/authorize HTTP/1.1", od::quote_id = "795",
                 apidecl::body = example_quote());
  check_outcomes(version, v::add_project, "POST /api/projects/add HTTP/1.1", apidecl::body = v::new_project{"Manual", od::ids::service(112), ondemand_test::lang("en-us"),
                                                 {ondemand_test::lang("fr-fr")}, std::nullopt, std::nullopt});
  check_outcomes(version, v::list_projects, "GET /api/projects HTTP/1.1");
  check_outcomes(version, v::get_project, "GET /api/projects/1234 HTTP/1.1", od::project_id = 1234);
  check_outcomes(version, v::add_file, "POST /api/files/add/en-us/user%20manual.docx HTTP/1.1", od::language = "en-us",
                 od::file_name = "user manual.docx", apidecl::body = std::string("PK\x03\x04"));
  check_outcomes(version, v::add_file_by_reference, "POST /api/files/add_by_reference/en-us/manual.docx HTTP/1.1",
                 od::language = "en-us", od::file_name = "manual.docx",
                 apidecl::body = v::file_reference{"https://example.com/manual.docx"});
  check_outcomes(version, v::list_files, "GET /api/files HTTP/1.1");
  check_outcomes(version, v::get_file, "GET /api/files/999 HTTP/1.1", od::asset_id = 999);
  check_outcomes(version, v::get_file_details, "GET /api/files/999/details HTTP/1.1", od::asset_id = 999);
  check_outcomes(version, v::get_file_translation, "GET /api/files/999/fr-fr HTTP/1.1", od::asset_id = 999,
                 od::language = "fr-fr");
  check_outcomes(version, v::list_products, "GET /api/products HTTP/1.1");
  check_outcomes(version, v::get_product, "GET /api/products/999 HTTP/1.1", od::asset_id = 999);
  check_outcomes(version, v::get_product_translation, "GET /api/products/999/it-it HTTP/1.1", od::asset_id = 999,
                 od::language = "it-it");
  check_outcomes(version, v::list_services, "GET /api/services HTTP/1.1");
  check_outcomes(version, v::get_service, "GET /api/services/112 HTTP/1.1", od::service_id = 112);
  check_outcomes(version, v::get_estimate,
                 "GET /api/estimate?service_id=112&unit_count=500&source_lang=en-us&target_langs=fr-fr%2Cde-de HTTP/1.1",
                 od::estimate::service_id = 112, od::estimate::unit_count = 500, od::estimate::source_lang = "en-us",
                 od::estimate::target_langs = apidecl::comma_list{"fr-fr", "de-de"});
  check_outcomes(version, v::list_locales, "GET /api/locales HTTP/1.1");
  check_outcomes(version, v::get_terms, "GET /api/terms HTTP/1.1");
  CHECK(checked == 25);
}

TEST_CASE("2014-02-28's Authorize Quote is the seed's, with the flat quote", "[ondemand]") {
  STATIC_REQUIRE(std::is_same_v<decltype(od::v2014::authorize_quote), decltype(od::authorize_quote)>);
  STATIC_REQUIRE(std::is_same_v<od::v2014::quote, od::quote>);
  STATIC_REQUIRE_FALSE(std::is_same_v<od::v2014::quote, od::v2015::quote>);
  check_outcomes(od::v2014::api_version, od::v2014::authorize_quote, "POST /api/quote/795/authorize HTTP/1.1",
                 od::quote_id = "795", apidecl::body = od::v2014::quote{});
}

TEST_CASE("2016-03-15 is the 2015-02-23 catalog plus three endpoints, sent with its own version", "[ondemand]") {
  namespace v = od::v2016;
  STATIC_REQUIRE(std::is_same_v<decltype(v::get_quote), decltype(od::v2015::get_quote)>);
  STATIC_REQUIRE(std::is_same_v<v::quote, od::v2015::quote>);
  checked = 0;
  check_outcomes(v::api_version, v::request_quote_cancellation, "POST /api/quote/795/request-cancellation HTTP/1.1",
                 od::quote_id = "795");
  check_outcomes(v::api_version, v::accept_file_translation, "POST /api/files/999/fr-fr/accept HTTP/1.1",
                 od::asset_id = 999, od::language = "fr-fr");
  check_outcomes(v::api_version, v::reject_file_translation, "POST /api/files/999/fr-fr/reject HTTP/1.1",
                 od::asset_id = 999, od::language = "fr-fr");
  check_outcomes(v::api_version, v::get_quote, "GET /api/quote/795 HTTP/1.1", od::quote_id = "795");
  CHECK(checked == 4);
}
