// cielo24's endpoints that start work on a job: transcription (with a JSON `options` in the query
// and a comma-separated language list), translation, uplevel, burn-in captions.
#include <catch2/catch.hpp>

#include "catalog_client.hpp"

#include <apidecl/apis/cielo24/job_processing.hpp>
#include <apidecl/serializer/encoded_text.hpp>
#include <apidecl/types/comma_list.hpp>

#include <string>

namespace {
namespace c24 = apidecl::cielo24;
using cielo24_test::client;
using cielo24_test::error_body;
using cielo24_test::first_line;
using cielo24_test::json_headers;
}  // namespace

TEST_CASE("perform_transcription sends fidelity, priority, a language list and JSON options", "[cielo24][job]") {
  c24::transcription_options wanted;
  wanted.notes = "two speakers";
  wanted.speaker_id = true;
  auto const options = apidecl::encode_text(apidecl::boost_json_serializer{}, wanted);
  REQUIRE(options);
  CHECK(options.text() == R"({"notes":"two speakers","speaker_id":true})");

  apidecl::mock_transport mock;
  mock.respond(200, R"({"TaskId": "cc8095fbfecf4647b2e10b622d81c19b"})", json_headers);
  auto api = client(mock);

  auto const r = api.call(c24::perform_transcription, c24::job_id = cielo24_test::job,
                          c24::transcription_fidelity = c24::job_fidelity::premium,
                          c24::priority = c24::job_priority::standard, c24::options = options,
                          c24::target_language = apidecl::comma_list{"fr", "de"}, c24::turnaround_hours = 36,
                          c24::callback_url = "https://example.com/done?id=1");

  CHECK(first_line(mock) ==
        "GET /api/job/perform_transcription?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f"
        "&job_id=64bea283eff6475ea6596027a6ba0929&transcription_fidelity=PREMIUM&priority=STANDARD"
        "&callback_url=https%3A%2F%2Fexample.com%2Fdone%3Fid%3D1"
        "&options=%7B%22notes%22%3A%22two%20speakers%22%2C%22speaker_id%22%3Atrue%7D"
        "&target_language=fr%2Cde&turnaround_hours=36 HTTP/1.1");
  REQUIRE(r.get_if<200>() != nullptr);
  CHECK(r.get_if<200>()->task_id == "cc8095fbfecf4647b2e10b622d81c19b");
}

TEST_CASE("perform_transcription needs a fidelity and a priority", "[cielo24][job]") {
  using endpoint = c24::endpoints::perform_transcription;
  using fidelity = decltype(c24::transcription_fidelity = c24::job_fidelity::mechanical);
  using priority = decltype(c24::priority = c24::job_priority::priority);
  using job = decltype(c24::job_id = "ab");
  using token = decltype(c24::api_token = "ab");
  STATIC_REQUIRE(apidecl::is_valid_call_v<endpoint, token, job, fidelity, priority>);
  STATIC_REQUIRE_FALSE(apidecl::is_valid_call_v<endpoint, token, job, fidelity>);
  STATIC_REQUIRE_FALSE(apidecl::is_valid_call_v<endpoint, token, job, priority>);
}

TEST_CASE("an empty language in the list is refused and nothing is sent", "[cielo24][job]") {
  apidecl::mock_transport mock;
  mock.respond(200, R"({"TaskId": "ab"})", json_headers);
  auto api = client(mock);

  auto const r = api.call(c24::perform_transcription, c24::job_id = cielo24_test::job,
                          c24::transcription_fidelity = c24::job_fidelity::mechanical,
                          c24::priority = c24::job_priority::standard, c24::target_language = apidecl::comma_list{"fr", ""});

  CHECK(mock.requests().empty());
  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->validation() != nullptr);
  CHECK(r.failure_if()->validation()->parameter == "target_language");
}

TEST_CASE("translate sends no v and reads 201 with the new jobs", "[cielo24][job]") {
  apidecl::mock_transport mock;
  mock.respond(201, R"({"translation_job_ids": ["aa01", "bb02"], "message": "created"})", json_headers)
      .respond(200, "{}", json_headers);
  auto api = client(mock);

  auto const r = api.call(c24::translate, c24::job_id = cielo24_test::job,
                          c24::target_languages = apidecl::comma_list{"es", "pt"}, c24::approve_uplevel = true);
  auto const undocumented = api.call(c24::translate, c24::job_id = cielo24_test::job,
                                     c24::target_languages = apidecl::comma_list{"es"});

  CHECK(first_line(mock) == "GET /api/job/translate?api_token=7ca5dc5c7cce449fb0fff719307e8f5f"
                            "&job_id=64bea283eff6475ea6596027a6ba0929&target_languages=es%2Cpt&approve_uplevel=true HTTP/1.1");
  REQUIRE(r.get_if<201>() != nullptr);
  CHECK(r.get_if<201>()->translation_job_ids == std::vector<std::string>{"aa01", "bb02"});
  CHECK(r.get_if<201>()->message == "created");
  REQUIRE(undocumented.unexpected_if() != nullptr);
  CHECK(undocumented.unexpected_if()->status == 200);
}

TEST_CASE("uplevel reads 201 with the upleveled job, 400 the error", "[cielo24][job]") {
  apidecl::mock_transport mock;
  mock.respond(201, R"({"upleveled_job_id": "cd03", "upleveled_workflow": "PROFESSIONAL"})", json_headers)
      .respond(400, error_body, json_headers);
  auto api = client(mock);

  auto const r = api.call(c24::uplevel, c24::job_id = cielo24_test::job, c24::speaker_id = true,
                          c24::new_priority = c24::job_priority::priority);
  auto const refused = api.call(c24::uplevel, c24::job_id = cielo24_test::job);

  CHECK(first_line(mock) == "GET /api/job/uplevel?api_token=7ca5dc5c7cce449fb0fff719307e8f5f"
                            "&job_id=64bea283eff6475ea6596027a6ba0929&speaker_id=true&priority=PRIORITY HTTP/1.1");
  REQUIRE(r.get_if<201>() != nullptr);
  CHECK(r.get_if<201>()->upleveled_job_id == "cd03");
  REQUIRE(refused.get_if<400>() != nullptr);
  CHECK(refused.get_if<400>()->comment == "no such job");
}

TEST_CASE("burn_in_caption answers 200 with an empty body", "[cielo24][job]") {
  apidecl::mock_transport mock;
  mock.respond(200).respond(400, "not json", "Content-Type: text/plain\r\n");
  auto api = client(mock);

  auto const r = api.call(c24::burn_in_caption, c24::job_id = cielo24_test::job, c24::send_to_email = "a@example.com");
  auto const broken = api.call(c24::burn_in_caption, c24::job_id = cielo24_test::job);

  CHECK(first_line(mock) == "GET /api/job/burn_in_caption?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f"
                            "&job_id=64bea283eff6475ea6596027a6ba0929&send_to_email=a%40example.com HTTP/1.1");
  CHECK(r.get_if<200>() != nullptr);
  REQUIRE(broken.failure_if() != nullptr);
  CHECK(broken.failure_if()->kind() == apidecl::failure_kind::decode);
}

TEST_CASE("options whose encoding failed are refused and nothing is sent", "[cielo24][job]") {
  apidecl::encoded_text const failed(std::string(), apidecl::encode_result("holds a value JSON cannot write"));
  apidecl::mock_transport mock;
  mock.respond(200, R"({"TaskId": "ab"})", json_headers);
  auto api = client(mock);

  auto const r = api.call(c24::perform_transcription, c24::job_id = cielo24_test::job,
                          c24::transcription_fidelity = c24::job_fidelity::mechanical,
                          c24::priority = c24::job_priority::standard, c24::options = failed);

  CHECK(mock.requests().empty());
  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->validation() != nullptr);
  CHECK(r.failure_if()->validation()->parameter == "options");
}
