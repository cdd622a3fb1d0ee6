// What a job gives back, over real sockets: transcripts, captions in every format the catalog
// names, element lists, media and statistics, each through curl_transport against the emulator
// with its success and one documented error.
#include <catch2/catch.hpp>

#include "../../support/emulator.hpp"
#include "emulator_client.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/query_string.hpp>
#include <apidecl/serializer/text.hpp>
#include <apidecl/transport/curl.hpp>

#include <string>
#include <utility>

namespace c24 = apidecl::cielo24;

namespace {

using namespace cielo24_over_sockets;

constexpr char const* complete_seed_job = "33333333333333333333333333333333";
constexpr char const* pending_seed_job = "11111111111111111111111111111111";

bool starts_with(std::string const& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }
bool contains(std::string const& text, std::string_view part) { return text.find(part) != std::string::npos; }

/// A job with `media` uploaded and transcribed: created, given the file, transcription asked for,
/// and the emulator's clock moved past Pending and In Process.
template <class Api>
std::string transcribed_job(Api& api, test_support::emulator& emulator, std::string const& media) {
  auto const made = api.call(c24::create_job, c24::job_name = "output");
  REQUIRE(made.template get_if<200>() != nullptr);
  auto const job = made.template get_if<200>()->job_id;
  REQUIRE(api.call(c24::add_media_file, c24::job_id = job, apidecl::body = media).template get_if<200>());
  REQUIRE(api.call(c24::perform_transcription, c24::job_id = job,
                   c24::transcription_fidelity = c24::job_fidelity::premium,
                   c24::priority = c24::job_priority::priority)
              .template get_if<200>());
  REQUIRE(emulator.advance_clock(360));
  REQUIRE(emulator.job_status(job) == "Complete");
  return job;
}

}  // namespace

TEST_CASE("cielo24 over sockets: the transcript and a caption file in every format, once the job is Complete",
          "[cielo24][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto api = client(http);
  auto const job = transcribed_job(api, emulator, "ID3 media bytes");

  auto const transcript = api.call(c24::get_transcript, c24::job_id = job);
  REQUIRE(transcript.get_if<200>() != nullptr);
  CHECK(*transcript.get_if<200>() ==
        "Welcome to the apidecl emulator.\nEvery caption here comes from one transcript.\nThank you for listening.\n");
  require_error(api.call(c24::get_transcript, c24::job_id = pending_seed_job), c24::error_type::item_not_found);

  using f = c24::caption_file_format;
  // What each format starts with, or a piece only it has.
  std::pair<f, std::string_view> const expected[] = {
      {f::srt, "1\n00:00:00,000 --> 00:00:02,500\nWelcome"},
      {f::web_vtt, "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\n"},
      {f::dfxp, "<?xml"},
      {f::qt, "{QTtext}"},
      {f::sami, "<SAMI>"},
      {f::sbv, "0:00:00.000,0:00:02.500\n"},
      {f::scc, "Scenarist_SCC V1.0"},
      {f::tpm, "0\t2.5\tWelcome"},
      {f::twx, "0\t2.5\tWelcome"},
      {f::echo, "0\t2.5\tWelcome"},
      {f::transcript, "Welcome to the apidecl emulator.\n"},
  };
  for (auto const& [format, start] : expected) {
    auto const caption = api.call(c24::get_caption, c24::job_id = job, c24::caption_format = format);
    INFO("format " << static_cast<int>(format));
    REQUIRE(caption.get_if<200>() != nullptr);
    CHECK(starts_with(*caption.get_if<200>(), start));
    // SCC carries the text as hex byte pairs: "Th" "an" "k " "yo" "u ".
    CHECK(contains(*caption.get_if<200>(), format == f::scc ? "5468 616e 6b20 796f 7520" : "Thank you for listening."));
  }
  require_error(api.call(c24::get_caption, c24::job_id = pending_seed_job, c24::caption_format = f::srt),
                c24::error_type::item_not_found);

  auto const url = api.call(c24::get_caption_url, c24::job_id = job, c24::caption_format = f::dfxp);
  REQUIRE(url.get_if<200>() != nullptr);
  CHECK(contains(url.get_if<200>()->url, job));
  CHECK(contains(url.get_if<200>()->url, "DFXP"));
  require_error(client(http, "0123").call(c24::get_caption_url, c24::job_id = job, c24::caption_format = f::dfxp),
                c24::error_type::bad_api_token);
}

TEST_CASE("cielo24 over sockets: element lists of a Complete job", "[cielo24][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto api = client(http);

  auto const list = api.call(c24::get_element_list, c24::job_id = complete_seed_job);
  REQUIRE(list.get_if<200>() != nullptr);
  CHECK(list.get_if<200>()->version == 3);
  CHECK(list.get_if<200>()->start_time == 0.0);
  CHECK(list.get_if<200>()->end_time == 9000.0);
  CHECK(list.get_if<200>()->language == "en");
  require_error(api.call(c24::get_element_list, c24::job_id = complete_seed_job, c24::iwp_name = "EXTERNAL"),
                c24::error_type::item_not_found);

  auto const versions = api.call(c24::list_element_lists, c24::job_id = complete_seed_job);
  REQUIRE(versions.get_if<200>() != nullptr);
  REQUIRE(versions.get_if<200>()->size() == 2);
  CHECK((*versions.get_if<200>())[0].iwp_name == "MECHANICAL");
  CHECK((*versions.get_if<200>())[1].iwp_name == "FINAL");
  CHECK((*versions.get_if<200>())[1].version == "2024-01-01T00:00:00");
  require_error(api.call(c24::list_element_lists, c24::job_id = pending_seed_job), c24::error_type::item_not_found);
}

TEST_CASE("cielo24 over sockets: a job's media, transcoded versions and the uploaded file", "[cielo24][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto api = client(http);
  std::string const media("\x00\x01\x02 binary \xff\xfe", 14);
  auto const job = transcribed_job(api, emulator, media);

  auto const where = api.call(c24::get_media, c24::job_id = job);
  REQUIRE(where.get_if<200>() != nullptr);
  CHECK(contains(where.get_if<200>()->url, job));
  require_error(api.call(c24::get_media, c24::job_id = pending_seed_job), c24::error_type::item_not_found);

  auto const transcoded = api.call(c24::get_transcoded_media, c24::job_id = job, c24::transcoded_version = "mp3");
  REQUIRE(transcoded.get_if<200>() != nullptr);
  CHECK(contains(transcoded.get_if<200>()->url, job + ".mp3"));
  auto const not_made = api.call(c24::get_transcoded_media, c24::job_id = job, c24::transcoded_version = "webm");
  REQUIRE(not_made.get_if<422>() != nullptr);
  CHECK(not_made.get_if<422>()->type == c24::error_type::item_not_found);
  CHECK(contains(not_made.get_if<422>()->comment, "webm"));

  auto const file = api.call(c24::download_media, c24::job_id = job, c24::media_type = c24::media_file_format::mp3);
  REQUIRE(file.get_if<200>() != nullptr);
  CHECK(*file.get_if<200>() == media);
  require_error(api.call(c24::download_media, c24::job_id = pending_seed_job,
                         c24::media_type = c24::media_file_format::mp4),
                c24::error_type::item_not_found);
}

TEST_CASE("cielo24 over sockets: aggregate statistics count the account's jobs", "[cielo24][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto api = client(http);
  auto const stats = api.call(c24::aggregate_statistics, c24::group_by = "month");
  REQUIRE(stats.get_if<200>() != nullptr);
  CHECK(stats.get_if<200>()->data.size() == 1);
  require_error(client(http, "abcdef").call(c24::aggregate_statistics), c24::error_type::bad_api_token);
  auto const raw = http.send(apidecl::request(
      apidecl::method::get, "/api/job/aggregate_statistics?v=1&api_token=" + std::string(seed_token) + "&group_by=hour",
      {}, {}));
  REQUIRE(raw);
  CHECK(raw->status == 400);
  CHECK(contains(std::string(raw->body), "INVALID_OPTION"));
}
