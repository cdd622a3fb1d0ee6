// cielo24's endpoints that give a job its media, transcript and guidelines, through the mock.
#include <catch2/catch.hpp>

#include "catalog_client.hpp"

#include <apidecl/apis/cielo24/job_media.hpp>

#include <string>

namespace {
namespace c24 = apidecl::cielo24;
using cielo24_test::client;
using cielo24_test::error_body;
using cielo24_test::first_line;
using cielo24_test::json_headers;
constexpr char const* task_body = R"({"TaskId": "cc8095fbfecf4647b2e10b622d81c19b"})";
}  // namespace

TEST_CASE("add_media percent-encodes the media URL and reads the task", "[cielo24][job]") {
  apidecl::mock_transport mock;
  mock.respond(200, task_body, json_headers);
  auto api = client(mock);

  auto const r = api.call(c24::add_media, c24::job_id = cielo24_test::job,
                          c24::media_url = "https://example.com/a video.mp4?x=1&y=2");

  CHECK(first_line(mock) == "GET /api/job/add_media?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f"
                            "&job_id=64bea283eff6475ea6596027a6ba0929"
                            "&media_url=https%3A%2F%2Fexample.com%2Fa%20video.mp4%3Fx%3D1%26y%3D2 HTTP/1.1");
  REQUIRE(r.get_if<200>() != nullptr);
  CHECK(r.get_if<200>()->task_id == "cc8095fbfecf4647b2e10b622d81c19b");
  STATIC_REQUIRE_FALSE(apidecl::endpoint_is_idempotent_v<c24::endpoints::add_media>);
}

TEST_CASE("add_media_file posts the media bytes as they are", "[cielo24][job]") {
  std::string const media("\x00\x01RIFF\xff", 7);
  apidecl::mock_transport mock;
  mock.respond(200, task_body, json_headers);
  auto api = client(mock);

  auto const r = api.call(c24::add_media_file, c24::job_id = cielo24_test::job, apidecl::body = media);

  CHECK(first_line(mock) == "POST /api/job/add_media?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f"
                            "&job_id=64bea283eff6475ea6596027a6ba0929 HTTP/1.1");
  REQUIRE(mock.requests().size() == 1);
  CHECK(mock.requests()[0].body == media);
  CHECK(mock.requests()[0].header("Content-Type") == "application/octet-stream");
  CHECK(r.get_if<200>() != nullptr);
}

TEST_CASE("add_media_url and request_upload_url read their bodies", "[cielo24][job]") {
  apidecl::mock_transport mock;
  mock.respond(200, task_body, json_headers)
      .respond(200, R"({"upload_url": "https://upload.example.com/abc"})", json_headers);
  auto api = client(mock);

  auto const added = api.call(c24::add_media_url, c24::job_id = cielo24_test::job,
                              c24::media_url = "https://www.youtube.com/watch?v=abc");
  auto const upload = api.call(c24::request_upload_url, c24::job_id = cielo24_test::job);

  CHECK(first_line(mock) == "GET /api/job/add_media_url?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f"
                            "&job_id=64bea283eff6475ea6596027a6ba0929"
                            "&media_url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3Dabc HTTP/1.1");
  CHECK(mock.requests()[1].request_line() == "GET /api/job/request_upload_url?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f"
                                             "&job_id=64bea283eff6475ea6596027a6ba0929 HTTP/1.1");
  CHECK(added.get_if<200>() != nullptr);
  REQUIRE(upload.get_if<200>() != nullptr);
  CHECK(upload.get_if<200>()->upload_url == "https://upload.example.com/abc");
}

TEST_CASE("add_transcript names its format as an enumerator", "[cielo24][job]") {
  apidecl::mock_transport mock;
  mock.respond(200, R"({"anything": 1})", json_headers).respond(400, error_body, json_headers);
  auto api = client(mock);

  auto const r = api.call(c24::add_transcript, c24::job_id = cielo24_test::job,
                          c24::transcript_format = c24::transcript_file_format::srt,
                          c24::transcript_url = "https://example.com/t.srt");
  auto const refused = api.call(c24::add_transcript, c24::job_id = cielo24_test::job,
                                c24::transcript_format = c24::transcript_file_format::vtt,
                                c24::transcript_url = "https://example.com/t.vtt");

  CHECK(first_line(mock) == "GET /api/job/add_transcript?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f"
                            "&job_id=64bea283eff6475ea6596027a6ba0929&format=srt"
                            "&transcript_url=https%3A%2F%2Fexample.com%2Ft.srt HTTP/1.1");
  CHECK(r.get_if<200>() != nullptr);
  REQUIRE(refused.get_if<400>() != nullptr);
}

TEST_CASE("add_custom_guidelines sends no v", "[cielo24][job]") {
  apidecl::mock_transport mock;
  mock.respond(200, "{}", json_headers).respond(302, "", "Location: /login\r\n");
  auto api = client(mock);

  auto const r = api.call(c24::add_custom_guidelines, c24::job_id = cielo24_test::job,
                          c24::guidelines_url = "https://example.com/g.html", c24::is_html = true);
  auto const moved = api.call(c24::add_custom_guidelines, c24::job_id = cielo24_test::job,
                              c24::guidelines_url = "https://example.com/g.html");

  CHECK(first_line(mock) == "GET /api/job/add_custom_guidelines?api_token=7ca5dc5c7cce449fb0fff719307e8f5f"
                            "&job_id=64bea283eff6475ea6596027a6ba0929"
                            "&guidelines_url=https%3A%2F%2Fexample.com%2Fg.html&is_html=true HTTP/1.1");
  CHECK(r.get_if<200>() != nullptr);
  REQUIRE(moved.unexpected_if() != nullptr);
  CHECK(moved.unexpected_if()->status == 302);
}

TEST_CASE("a task body without TaskId is a decode failure", "[cielo24][job]") {
  apidecl::mock_transport mock;
  mock.respond(200, R"({"task": "x"})", json_headers);
  auto api = client(mock);

  auto const r = api.call(c24::add_media, c24::job_id = cielo24_test::job, c24::media_url = "https://e.com/m.mp4");

  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->decode() != nullptr);
  CHECK(r.failure_if()->decode()->where == "TaskId");
}
