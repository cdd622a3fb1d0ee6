// cielo24's endpoints that give back what a job made: transcripts and captions as text, media
// as bytes, element lists, URLs and statistics as JSON.
#include <catch2/catch.hpp>

#include "catalog_client.hpp"

#include <apidecl/apis/cielo24/job_output.hpp>
#include <apidecl/types/comma_list.hpp>

#include <string>

namespace {
namespace c24 = apidecl::cielo24;
using cielo24_test::client;
using cielo24_test::error_body;
using cielo24_test::first_line;
using cielo24_test::json_headers;
constexpr char const* job_query = "v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f&job_id=64bea283eff6475ea6596027a6ba0929";
}  // namespace

TEST_CASE("get_transcript gives the transcript's text as sent", "[cielo24][job]") {
  std::string const transcript = "SPEAKER 1: Hello.\r\nSPEAKER 2: Hi there.\n";
  apidecl::mock_transport mock;
  mock.respond(200, transcript, "Content-Type: text/plain; charset=utf-8\r\n").respond(400, error_body, json_headers);
  auto api = client(mock);

  auto const r = api.call(c24::get_transcript, c24::job_id = cielo24_test::job);
  auto const refused = api.call(c24::get_transcript, c24::job_id = cielo24_test::job);

  CHECK(first_line(mock) == std::string("GET /api/job/get_transcript?") + job_query + " HTTP/1.1");
  REQUIRE(r.get_if<200>() != nullptr);
  CHECK(*r.get_if<200>() == transcript);
  REQUIRE(refused.get_if<400>() != nullptr);
}

TEST_CASE("get_caption gives SRT and WebVTT files whatever their Content-Type", "[cielo24][job]") {
  std::string const srt = "1\n00:00:00,000 --> 00:00:02,500\nHello.\n\n";
  std::string const vtt = "WEBVTT\n\n00:00.000 --> 00:02.500\nHello.\n";
  apidecl::mock_transport mock;
  mock.respond(200, srt, "Content-Type: application/x-subrip\r\n").respond(200, vtt, "Content-Type: text/vtt\r\n");
  auto api = client(mock);

  auto const as_srt = api.call(c24::get_caption, c24::job_id = cielo24_test::job,
                               c24::caption_format = c24::caption_file_format::srt);
  auto const as_vtt = api.call(c24::get_caption, c24::job_id = cielo24_test::job,
                               c24::caption_format = c24::caption_file_format::web_vtt);

  CHECK(first_line(mock) == std::string("GET /api/job/get_caption?") + job_query + "&caption_format=SRT HTTP/1.1");
  CHECK(mock.requests()[1].request_line() ==
        std::string("GET /api/job/get_caption?") + job_query + "&caption_format=WEB_VTT HTTP/1.1");
  REQUIRE(as_srt.get_if<200>() != nullptr);
  CHECK(*as_srt.get_if<200>() == srt);
  REQUIRE(as_vtt.get_if<200>() != nullptr);
  CHECK(*as_vtt.get_if<200>() == vtt);
}

TEST_CASE("get_caption_url always asks for build_url and reads CaptionUrl", "[cielo24][job]") {
  apidecl::mock_transport mock;
  mock.respond(200, R"({"CaptionUrl": "https://example.com/c.dfxp"})", json_headers);
  auto api = client(mock);

  auto const r = api.call(c24::get_caption_url, c24::job_id = cielo24_test::job,
                          c24::caption_format = c24::caption_file_format::dfxp);

  CHECK(first_line(mock) ==
        std::string("GET /api/job/get_caption?") + job_query + "&caption_format=DFXP&build_url=true HTTP/1.1");
  REQUIRE(r.get_if<200>() != nullptr);
  CHECK(r.get_if<200>()->url == "https://example.com/c.dfxp");
}

TEST_CASE("get_element_list and list_element_lists read their JSON", "[cielo24][job]") {
  apidecl::mock_transport mock;
  mock.respond(200, R"({"version": 3, "start_time": 0, "end_time": 12.5, "language": "en", "segments": []})",
               json_headers)
      .respond(200, R"([{"iwp_name": "FINAL", "version": "2014-05-13T16:53:20"}, {"iwp_name": "MECHANICAL", "version": "v1"}])",
               json_headers);
  auto api = client(mock);

  auto const list = api.call(c24::get_element_list, c24::job_id = cielo24_test::job, c24::iwp_name = "FINAL");
  auto const versions = api.call(c24::list_element_lists, c24::job_id = cielo24_test::job);

  CHECK(first_line(mock) == std::string("GET /api/job/get_elementlist?") + job_query + "&iwp_name=FINAL HTTP/1.1");
  CHECK(mock.requests()[1].request_line() == std::string("GET /api/job/list_elementlists?") + job_query + " HTTP/1.1");
  REQUIRE(list.get_if<200>() != nullptr);
  CHECK(list.get_if<200>()->version == 3);
  CHECK(list.get_if<200>()->end_time == 12.5);
  REQUIRE(versions.get_if<200>() != nullptr);
  REQUIRE(versions.get_if<200>()->size() == 2);
  CHECK((*versions.get_if<200>())[0].iwp_name == "FINAL");
}

TEST_CASE("get_media and get_transcoded_media read MediaUrl; transcoded media's 422 is an error", "[cielo24][job]") {
  apidecl::mock_transport mock;
  mock.respond(200, R"({"MediaUrl": "https://example.com/m.mp4"})", json_headers)
      .respond(422, R"({"ErrorType": "INVALID_QUERY", "ErrorComment": "no such version"})", json_headers);
  auto api = client(mock);

  auto const media = api.call(c24::get_media, c24::job_id = cielo24_test::job);
  auto const transcoded = api.call(c24::get_transcoded_media, c24::job_id = cielo24_test::job,
                                   c24::transcoded_version = "mp4_720");

  CHECK(first_line(mock) == std::string("GET /api/job/media?") + job_query + " HTTP/1.1");
  CHECK(mock.requests()[1].request_line() ==
        std::string("GET /api/job/transcoded_media?") + job_query + "&transcoded_version=mp4_720 HTTP/1.1");
  REQUIRE(media.get_if<200>() != nullptr);
  CHECK(media.get_if<200>()->url == "https://example.com/m.mp4");
  REQUIRE(transcoded.get_if<422>() != nullptr);
  CHECK(transcoded.get_if<422>()->type == c24::error_type::invalid_query);
}

TEST_CASE("download_media gives the file's bytes, NULs included, and sends no v", "[cielo24][job]") {
  std::string const file("ID3\x04\x00\x00\xff\xfb", 8);
  apidecl::mock_transport mock;
  mock.respond(200, file, "Content-Type: audio/mpeg\r\n");
  auto api = client(mock);

  auto const r = api.call(c24::download_media, c24::job_id = cielo24_test::job,
                          c24::media_type = c24::media_file_format::mp3);

  CHECK(first_line(mock) == "GET /api/job/download_media?api_token=7ca5dc5c7cce449fb0fff719307e8f5f"
                            "&job_id=64bea283eff6475ea6596027a6ba0929&media_type=mp3 HTTP/1.1");
  REQUIRE(r.get_if<200>() != nullptr);
  CHECK(*r.get_if<200>() == file);
}

TEST_CASE("aggregate_statistics sends its metrics as a list and counts the rows", "[cielo24][job]") {
  apidecl::mock_transport mock;
  mock.respond(200, R"({"data": [{"month": "2014-05", "media_minutes": 12}, {"month": "2014-06"}]})", json_headers)
      .respond(200, R"({"rows": []})", json_headers);
  auto api = client(mock);

  auto const r = api.call(c24::aggregate_statistics, c24::metrics = apidecl::comma_list{"media_minutes", "jobs"},
                          c24::group_by = "month", c24::start_date = "2014-05-01");
  auto const unexpected_shape = api.call(c24::aggregate_statistics);

  CHECK(first_line(mock) == "GET /api/job/aggregate_statistics?v=1&api_token=7ca5dc5c7cce449fb0fff719307e8f5f"
                            "&metrics=media_minutes%2Cjobs&group_by=month&start_date=2014-05-01 HTTP/1.1");
  REQUIRE(r.get_if<200>() != nullptr);
  CHECK(r.get_if<200>()->data.size() == 2);
  REQUIRE(unexpected_shape.failure_if() != nullptr);
  REQUIRE(unexpected_shape.failure_if()->decode() != nullptr);
  CHECK(unexpected_shape.failure_if()->decode()->where == "data");
}
