// Every endpoint of the cielo24 catalog, called once per kind of outcome: the documented 400 with
// the error body, an error body of the wrong shape, a status no page documents, and a server that
// cannot be reached. Each gives the typed outcome, whatever the endpoint.
#include <catch2/catch.hpp>

#include "catalog_client.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>

#include <string>

namespace {
namespace c24 = apidecl::cielo24;
using cielo24_test::job;
using cielo24_test::json_headers;

int checked = 0;

template <class Endpoint, class... Args>
void check_outcomes(Endpoint const& endpoint, char const* name, Args const&... args) {
  INFO(name);
  ++checked;
  apidecl::mock_transport mock;
  mock.respond(400, R"({"ErrorType": "BAD_API_TOKEN", "ErrorComment": "expired"})", json_headers)
      .respond(400, R"({"ErrorType": 7, "ErrorComment": "x"})", json_headers)
      .respond(302, "elsewhere", "Content-Type: text/plain\r\n")  // no endpoint documents a 3xx
      .fail(apidecl::transport_error{apidecl::transport_errc::cannot_connect, false, "refused"});
  auto api = cielo24_test::client(mock);

  auto const documented = api.call(endpoint, args...);
  REQUIRE(documented.template get_if<400>() != nullptr);
  CHECK(documented.template get_if<400>()->type == c24::error_type::bad_api_token);
  CHECK(documented.template get_if<400>()->comment == "expired");

  auto const wrong_shape = api.call(endpoint, args...);
  REQUIRE(wrong_shape.failure_if() != nullptr);
  REQUIRE(wrong_shape.failure_if()->decode() != nullptr);
  CHECK(wrong_shape.failure_if()->decode()->where == "ErrorType");
  CHECK(wrong_shape.failure_if()->decode()->status == 400);

  auto const undocumented = api.call(endpoint, args...);
  REQUIRE(undocumented.unexpected_if() != nullptr);
  CHECK(undocumented.unexpected_if()->status == 302);
  CHECK(undocumented.unexpected_if()->body == "elsewhere");

  auto const unreachable = api.call(endpoint, args...);
  REQUIRE(unreachable.failure_if() != nullptr);
  CHECK(unreachable.failure_if()->kind() == apidecl::failure_kind::transport);

  REQUIRE(mock.requests().size() == 4);
  std::string const line = mock.requests()[0].request_line();
  CHECK(line.find(std::string(Endpoint::path) + "?") != std::string::npos);
  CHECK((line.find("api_token=") != std::string::npos) == (std::string_view(name) != "login"));
}
}  // namespace

TEST_CASE("every catalog endpoint gives the typed outcome of each kind of answer", "[cielo24]") {
  check_outcomes(c24::login, "login", c24::username = "u", c24::password = "p");
  check_outcomes(c24::logout, "logout");
  check_outcomes(c24::update_password, "update_password", apidecl::body = c24::new_password_form{"p", "sub"});
  check_outcomes(c24::update_setting, "update_setting", c24::setting = "s", c24::value = "v");
  check_outcomes(c24::generate_api_key, "generate_api_key");
  check_outcomes(c24::remove_api_key, "remove_api_key", c24::api_securekey = "ab12");
  check_outcomes(c24::create_account, "create_account", c24::new_username = "u", c24::new_password = "p");
  check_outcomes(c24::create_job, "create_job");
  check_outcomes(c24::authorize_job, "authorize_job", c24::job_id = job);
  check_outcomes(c24::modify_job, "modify_job", c24::job_id = job);
  check_outcomes(c24::delete_job, "delete_job", c24::job_id = job);
  check_outcomes(c24::get_job_info, "get_job_info", c24::job_id = job);
  check_outcomes(c24::list_jobs, "list_jobs");
  check_outcomes(c24::list_related_jobs, "list_related_jobs", c24::job_id = job);
  check_outcomes(c24::add_media, "add_media", c24::job_id = job, c24::media_url = "https://e.com/m");
  check_outcomes(c24::add_media_file, "add_media_file", c24::job_id = job, apidecl::body = std::string("bytes"));
  check_outcomes(c24::add_media_url, "add_media_url", c24::job_id = job, c24::media_url = "https://e.com/v");
  check_outcomes(c24::add_transcript, "add_transcript", c24::job_id = job,
                 c24::transcript_format = c24::transcript_file_format::dfxp, c24::transcript_url = "https://e.com/t");
  check_outcomes(c24::add_custom_guidelines, "add_custom_guidelines", c24::job_id = job,
                 c24::guidelines_url = "https://e.com/g");
  check_outcomes(c24::request_upload_url, "request_upload_url", c24::job_id = job);
  check_outcomes(c24::perform_transcription, "perform_transcription", c24::job_id = job,
                 c24::transcription_fidelity = c24::job_fidelity::mechanical, c24::priority = c24::job_priority::standard);
  check_outcomes(c24::translate, "translate", c24::job_id = job, c24::target_languages = apidecl::comma_list{"fr"});
  check_outcomes(c24::uplevel, "uplevel", c24::job_id = job);
  check_outcomes(c24::burn_in_caption, "burn_in_caption", c24::job_id = job);
  check_outcomes(c24::get_transcript, "get_transcript", c24::job_id = job);
  check_outcomes(c24::get_caption, "get_caption", c24::job_id = job, c24::caption_format = c24::caption_file_format::scc);
  check_outcomes(c24::get_caption_url, "get_caption_url", c24::job_id = job,
                 c24::caption_format = c24::caption_file_format::qt);
  check_outcomes(c24::get_element_list, "get_element_list", c24::job_id = job);
  check_outcomes(c24::list_element_lists, "list_element_lists", c24::job_id = job);
  check_outcomes(c24::get_media, "get_media", c24::job_id = job);
  check_outcomes(c24::get_transcoded_media, "get_transcoded_media", c24::job_id = job, c24::transcoded_version = "x");
  check_outcomes(c24::download_media, "download_media", c24::job_id = job, c24::media_type = c24::media_file_format::mp4);
  check_outcomes(c24::aggregate_statistics, "aggregate_statistics");
  CHECK(checked == 33);  // the 31 documented endpoints and the second shapes of add_media and get_caption
}

TEST_CASE("the documented paths, the v parameter only where documented", "[cielo24]") {
  using namespace c24::endpoints;
  STATIC_REQUIRE(create_job::path == "/api/job/new");
  STATIC_REQUIRE(get_media::path == "/api/job/media");
  STATIC_REQUIRE(add_media_file::path == add_media::path);
  STATIC_REQUIRE(get_caption_url::path == get_caption::path);
  using v = c24::params::v;
  STATIC_REQUIRE(apidecl::detail::index_of_in<v>(apidecl::endpoint_params_t<list_related_jobs>{}) == apidecl::detail::npos);
  STATIC_REQUIRE(apidecl::detail::index_of_in<v>(apidecl::endpoint_params_t<translate>{}) == apidecl::detail::npos);
  STATIC_REQUIRE(apidecl::detail::index_of_in<v>(apidecl::endpoint_params_t<uplevel>{}) == apidecl::detail::npos);
  STATIC_REQUIRE(apidecl::detail::index_of_in<v>(apidecl::endpoint_params_t<download_media>{}) == apidecl::detail::npos);
  STATIC_REQUIRE(apidecl::detail::index_of_in<v>(apidecl::endpoint_params_t<add_custom_guidelines>{}) ==
                 apidecl::detail::npos);
  STATIC_REQUIRE(apidecl::detail::index_of_in<v>(apidecl::endpoint_params_t<get_job_info>{}) == 0);
}
