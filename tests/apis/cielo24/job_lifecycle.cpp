// cielo24's job create/modify/info/list endpoints (job_control/*.rst) through the mock transport.
#include <catch2/catch.hpp>

#include "catalog_client.hpp"

#include <apidecl/apis/cielo24/job_lifecycle.hpp>

#include <string>

namespace {
namespace c24 = apidecl::cielo24;
using cielo24_test::client;
using cielo24_test::error_body;
using cielo24_test::first_line;
using cielo24_test::json_headers;

constexpr char const* job_info_body = R"({
  "JobId": "64bea283eff6475ea6596027a6ba0929", "JobName": "example_job", "MediaLengthSeconds": 372.5,
  "ExternalID": "ext-1", "Priority": "STANDARD", "Fidelity": "HIGH", "JobStatus": "In Process",
  "Options": {"notes": "x"}, "ReturnTargets": {}, "SourceLanguage": "en", "TargetLanguage": "fr",
  "CreationDate": "2014-05-13T16:53:20.000000", "StartDate": "2014-05-13T17:00:00.000000",
  "DueDate": "2014-05-20T16:53:20.000000", "JobDifficulty": "Unknown"})";
}  // namespace

TEST_CASE("create_job sends its optional fields in declaration order and reads JobId and TaskId", "[cielo24][job]") {
  apidecl::mock_transport mock;
  mock.respond(200, R"({"JobId": "64bea283eff6475ea6596027a6ba0929", "TaskId": "cc8095fbfecf4647b2e10b622d81c19b"})",
               json_headers);
  auto api = client(mock);

  auto const r = api.call(c24::create_job, c24::expected_speakers = 2, c24::job_name = "my job", c24::language = "en",
                          c24::external_id = "ext-1", c24::is_duplicate = false);

  CHECK(first_line(mock) == "GET /api/job/new?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f&job_name=my%20job"
                            "&language=en&external_id=ext-1&is_duplicate=false&expected_speakers=2 HTTP/1.1");
  REQUIRE(r.get_if<200>() != nullptr);
  CHECK(r.get_if<200>()->job_id == "64bea283eff6475ea6596027a6ba0929");
  CHECK(r.get_if<200>()->task_id == "cc8095fbfecf4647b2e10b622d81c19b");
  STATIC_REQUIRE_FALSE(apidecl::endpoint_is_idempotent_v<c24::endpoints::create_job>);
}

TEST_CASE("modify_job takes the fidelity and priority as enumerators", "[cielo24][job]") {
  apidecl::mock_transport mock;
  mock.respond(204).respond(400, error_body, json_headers);
  auto api = client(mock);

  auto const r = api.call(c24::modify_job, c24::job_id = cielo24_test::job,
                          c24::new_fidelity = c24::job_fidelity::professional, c24::turnaround_hours = 48,
                          c24::new_priority = c24::job_priority::priority);
  auto const refused = api.call(c24::modify_job, c24::job_id = cielo24_test::job);

  CHECK(first_line(mock) == "POST /api/job/modify?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f"
                            "&job_id=64bea283eff6475ea6596027a6ba0929&transcription_fidelity=PROFESSIONAL"
                            "&turnaround_hours=48&priority=PRIORITY HTTP/1.1");
  CHECK(r.get_if<204>() != nullptr);
  REQUIRE(refused.get_if<400>() != nullptr);
  CHECK(refused.get_if<400>()->type == c24::error_type::item_not_found);
}

TEST_CASE("an enumerator with no name is refused before anything is sent", "[cielo24][job]") {
  apidecl::mock_transport mock;
  mock.respond(204);
  auto api = client(mock);

  auto const r = api.call(c24::modify_job, c24::job_id = cielo24_test::job, c24::new_fidelity = c24::job_fidelity::unknown);

  CHECK(mock.requests().empty());
  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->validation() != nullptr);
  CHECK(r.failure_if()->validation()->parameter == "transcription_fidelity");
}

TEST_CASE("get_job_info reads the documented Job Info, reported fidelity names mapped back", "[cielo24][job]") {
  apidecl::mock_transport mock;
  mock.respond(200, job_info_body, json_headers);
  auto api = client(mock);

  auto const r = api.call(c24::get_job_info, c24::job_id = cielo24_test::job);

  CHECK(first_line(mock) == "GET /api/job/info?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f"
                            "&job_id=64bea283eff6475ea6596027a6ba0929 HTTP/1.1");
  c24::job_info const* info = r.get_if<200>();
  REQUIRE(info != nullptr);
  CHECK(info->job_id == cielo24_test::job);
  CHECK(info->job_name == "example_job");
  CHECK(info->media_length_seconds == 372.5);
  CHECK(info->priority == c24::job_priority::standard);
  CHECK(info->fidelity == c24::job_fidelity::professional);
  CHECK(info->status == c24::job_status::in_process);
  CHECK(info->difficulty == c24::job_difficulty::undetermined);
  CHECK(info->creation_date == "2014-05-13T16:53:20.000000");
  CHECK_FALSE(info->completed_date.has_value());
}

TEST_CASE("list_jobs sends its capitalised filters and reads ActiveJobs", "[cielo24][job]") {
  apidecl::mock_transport mock;
  mock.respond(200, std::string(R"({"Username": "api_test", "ActiveJobs": [)") + job_info_body +
                        R"(, {"JobId": "ab", "JobStatus": "Archived"}]})",
               json_headers);
  auto api = client(mock);

  auto const r = api.call(c24::list_jobs, c24::list_filter::job_status = c24::job_status::complete,
                          c24::list_filter::creation_date_from = "2014-01-01", c24::list_filter::turnaround_hours_to = 72);

  CHECK(first_line(mock) == "GET /api/job/list?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f"
                            "&CreationDateFrom=2014-01-01&JobStatus=Complete&TurnaroundTimeHoursTo=72 HTTP/1.1");
  c24::job_list const* list = r.get_if<200>();
  REQUIRE(list != nullptr);
  CHECK(list->username == "api_test");
  REQUIRE(list->active_jobs.size() == 2);
  CHECK(list->active_jobs[1].job_id == "ab");
  REQUIRE(list->active_jobs[1].status.has_value());
  CHECK_FALSE(list->active_jobs[1].status->is_known());
  CHECK(list->active_jobs[1].status->text() == "Archived");
}

TEST_CASE("list_related_jobs sends no v and reads its documented 4xx and 5xx errors", "[cielo24][job]") {
  apidecl::mock_transport mock;
  mock.respond(200, R"({"ActiveJobs": []})", json_headers)
      .respond(500, R"({"ErrorType": "UNHANDLED_ERROR", "ErrorComment": "oops"})", json_headers)
      .respond(404, error_body, json_headers)
      .respond(307, "", "Location: /elsewhere\r\n");
  auto api = client(mock);

  auto const ok = api.call(c24::list_related_jobs, c24::job_id = cielo24_test::job);
  auto const failed = api.call(c24::list_related_jobs, c24::job_id = cielo24_test::job);
  auto const not_found = api.call(c24::list_related_jobs, c24::job_id = cielo24_test::job);
  auto const other = api.call(c24::list_related_jobs, c24::job_id = cielo24_test::job);

  CHECK(first_line(mock) == "GET /api/job/list_related?api_token=7ca5dc5c7cce449fb0fff719307e8f5f"
                            "&job_id=64bea283eff6475ea6596027a6ba0929 HTTP/1.1");
  REQUIRE(ok.get_if<200>() != nullptr);
  CHECK(ok.get_if<200>()->active_jobs.empty());
  REQUIRE(failed.get_if<500>() != nullptr);
  CHECK(failed.get_if<500>()->type == c24::error_type::unhandled_error);
  REQUIRE(not_found.get_case_if<404>() != nullptr);  // any 4xx carries the error body
  CHECK(not_found.get_case_if<404>()->code == 404);
  CHECK(not_found.http_status() == 404);
  CHECK(not_found.get_if<400>() == nullptr);
  REQUIRE(other.unexpected_if() != nullptr);
  CHECK(other.unexpected_if()->status == 307);
}

TEST_CASE("job info without JobId is a decode failure naming it", "[cielo24][job]") {
  apidecl::mock_transport mock;
  mock.respond(200, R"({"JobName": "x"})", json_headers);
  auto api = client(mock);

  auto const r = api.call(c24::get_job_info, c24::job_id = cielo24_test::job);

  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->decode() != nullptr);
  CHECK(r.failure_if()->decode()->where == "JobId");
}
