// The account, job, media and processing endpoints of the cielo24 catalog over real sockets: each
// called through curl_transport against the emulator with its success and one documented error,
// the decoded answers checked against the state the emulator keeps. The output endpoints are in
// over_sockets_output.cpp.
#include <catch2/catch.hpp>

#include "../../support/emulator.hpp"
#include "emulator_client.hpp"
#include "../../support/server_process.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/query_string.hpp>
#include <apidecl/serializer/text.hpp>
#include <apidecl/transport/curl.hpp>

#include <algorithm>
#include <chrono>
#include <string>

namespace c24 = apidecl::cielo24;

namespace {

using namespace cielo24_over_sockets;

constexpr char const* seed_api_key = "0123456789abcdef0123456789abcdef";
constexpr char const* in_process_job = "22222222222222222222222222222222";
constexpr char const* unknown_job = "ffffffffffffffffffffffffffffffff";


template <class Result>
void require_no_content(Result const& answer) {
  CHECK(answer.failure_if() == nullptr);
  CHECK(answer.http_status() == 204);
}

bool is_hex_id(std::string const& text) {
  return text.size() == 32 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

/// Logs in with the seed account's password and answers the session token.
std::string log_in(apidecl::curl_transport& http, std::string_view password = "api_password",
                   std::string_view username = "api_user") {
  auto const answer = client(http).call(c24::login, c24::username = username, c24::password = password);
  REQUIRE(answer.get_if<200>() != nullptr);
  REQUIRE(is_hex_id(answer.get_if<200>()->api_token));
  return answer.get_if<200>()->api_token;
}

template <class Api>
std::string create_job(Api& api, std::string_view name) {
  auto const made = api.call(c24::create_job, c24::job_name = name);
  REQUIRE(made.template get_if<200>() != nullptr);
  CHECK(is_hex_id(made.template get_if<200>()->task_id));
  return made.template get_if<200>()->job_id;
}

}  // namespace

TEST_CASE("cielo24 over sockets: login by password or key, sessions that expire and end at logout",
          "[cielo24][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());

  auto const wrong = client(http).call(c24::login, c24::username = "api_user", c24::password = "guess");
  require_error(wrong, c24::error_type::login_invalid);
  auto const by_key = client(http).call(c24::login, c24::username = "api_user", c24::securekey = seed_api_key);
  REQUIRE(by_key.get_if<200>() != nullptr);
  auto const token = log_in(http);
  CHECK(token != by_key.get_if<200>()->api_token);

  // An hour without use ends a session; each use starts the hour again.
  auto session = client(http, token);
  REQUIRE(emulator.advance_clock(3000));
  CHECK(session.call(c24::list_jobs).get_if<200>() != nullptr);
  REQUIRE(emulator.advance_clock(3000));
  CHECK(session.call(c24::list_jobs).get_if<200>() != nullptr);
  REQUIRE(emulator.advance_clock(3600));
  require_error(session.call(c24::list_jobs), c24::error_type::bad_api_token);

  auto other = client(http, by_key.get_if<200>()->api_token);
  require_error(other.call(c24::logout), c24::error_type::bad_api_token);  // expired with the same hour
  auto fresh = client(http, log_in(http));
  require_no_content(fresh.call(c24::logout));
  require_error(fresh.call(c24::logout), c24::error_type::bad_api_token);
}

TEST_CASE("cielo24 over sockets: api keys, sub-accounts, their passwords and settings", "[cielo24][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto api = client(http, log_in(http));

  auto const existing = api.call(c24::generate_api_key);
  REQUIRE(existing.get_if<200>() != nullptr);
  CHECK(existing.get_if<200>()->api_key == seed_api_key);
  auto const made = api.call(c24::generate_api_key, c24::force_new = true);
  REQUIRE(made.get_if<200>() != nullptr);
  CHECK(is_hex_id(made.get_if<200>()->api_key));
  CHECK(made.get_if<200>()->api_key != seed_api_key);
  require_error(api.call(c24::generate_api_key, c24::account_id = "stranger"), c24::error_type::account_unprivileged);

  require_no_content(api.call(c24::remove_api_key, c24::api_securekey = made.get_if<200>()->api_key));
  require_error(api.call(c24::remove_api_key, c24::api_securekey = made.get_if<200>()->api_key),
                c24::error_type::item_not_found);
  require_error(client(http).call(c24::login, c24::username = "api_user", c24::securekey = made.get_if<200>()->api_key),
                c24::error_type::login_invalid);

  require_no_content(api.call(c24::create_account, c24::new_username = "sub_one", c24::new_password = "first"));
  require_error(api.call(c24::create_account, c24::new_username = "sub_one", c24::new_password = "again"),
                c24::error_type::account_exists);
  CHECK_FALSE(log_in(http, "first", "sub_one").empty());

  require_no_content(api.call(c24::update_password, apidecl::body = c24::new_password_form{"second", "sub_one"}));
  require_error(client(http).call(c24::login, c24::username = "sub_one", c24::password = "first"),
                c24::error_type::login_invalid);
  CHECK_FALSE(log_in(http, "second", "sub_one").empty());
  require_error(api.call(c24::update_password, apidecl::body = c24::new_password_form{"x", "stranger"}),
                c24::error_type::account_unprivileged);

  require_no_content(api.call(c24::update_setting, c24::setting = "return_iwp", c24::value = "FINAL"));
  require_no_content(
      api.call(c24::update_setting, c24::setting = "return_iwp", c24::value = "FINAL", c24::account_id = "sub_one"));
  require_error(api.call(c24::update_setting, c24::setting = "s", c24::value = "v", c24::account_id = "stranger"),
                c24::error_type::account_unprivileged);
}

TEST_CASE("cielo24 over sockets: create, modify, find, authorize and delete jobs", "[cielo24][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto api = client(http);

  auto const made = api.call(c24::create_job, c24::job_name = "interview", c24::external_id = "ext-1");
  REQUIRE(made.get_if<200>() != nullptr);
  auto const job = made.get_if<200>()->job_id;
  CHECK(is_hex_id(job));
  CHECK(emulator.job_status(job) == "Authorizing");
  require_error(api.call(c24::create_job, c24::external_id = "ext-1"), c24::error_type::invalid_query);

  require_no_content(api.call(c24::modify_job, c24::job_id = job, c24::new_fidelity = c24::job_fidelity::professional,
                              c24::turnaround_hours = 24));
  require_error(api.call(c24::modify_job, c24::job_id = in_process_job, c24::turnaround_hours = 24),
                c24::error_type::invalid_query);

  auto const info = api.call(c24::get_job_info, c24::job_id = job);
  REQUIRE(info.get_if<200>() != nullptr);
  CHECK(info.get_if<200>()->job_id == job);
  CHECK(info.get_if<200>()->job_name == "interview");
  CHECK(info.get_if<200>()->external_id == "ext-1");
  REQUIRE(info.get_if<200>()->status.has_value());
  CHECK(*info.get_if<200>()->status == c24::job_status::authorizing);
  REQUIRE(info.get_if<200>()->fidelity.has_value());
  CHECK(*info.get_if<200>()->fidelity == c24::job_fidelity::professional);  // reported as HIGH
  require_error(api.call(c24::get_job_info, c24::job_id = unknown_job), c24::error_type::item_not_found);

  auto const listed = api.call(c24::list_jobs, c24::list_filter::job_status = c24::job_status::authorizing);
  REQUIRE(listed.get_if<200>() != nullptr);
  CHECK(listed.get_if<200>()->username == "api_user");
  auto const& active = listed.get_if<200>()->active_jobs;
  CHECK(active.size() == 2);  // the seed's Authorizing job and this one
  CHECK(std::any_of(active.begin(), active.end(), [&](c24::job_info const& j) { return j.job_id == job; }));
  require_error(client(http, "00000000000000000000000000000000").call(c24::list_jobs), c24::error_type::bad_api_token);

  require_no_content(api.call(c24::authorize_job, c24::job_id = job));
  CHECK(emulator.job_status(job) == "Pending");
  require_error(api.call(c24::authorize_job, c24::job_id = unknown_job), c24::error_type::item_not_found);

  auto const deleted = api.call(c24::delete_job, c24::job_id = job);
  REQUIRE(deleted.get_if<200>() != nullptr);
  CHECK(is_hex_id(deleted.get_if<200>()->task_id));
  CHECK_FALSE(emulator.job_status(job));
  require_error(api.call(c24::delete_job, c24::job_id = in_process_job), c24::error_type::invalid_query);
}

TEST_CASE("cielo24 over sockets: media by URL, embedded and uploaded, transcripts and guidelines",
          "[cielo24][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto api = client(http);

  auto const by_url = create_job(api, "by url");
  auto const added = api.call(c24::add_media, c24::job_id = by_url, c24::media_url = "https://example.com/talk.mp4");
  REQUIRE(added.get_if<200>() != nullptr);
  CHECK(is_hex_id(added.get_if<200>()->task_id));
  require_error(api.call(c24::add_media, c24::job_id = by_url, c24::media_url = "https://example.com/again.mp4"),
                c24::error_type::invalid_query);  // a job takes one media
  auto const media = api.call(c24::get_media, c24::job_id = by_url);
  REQUIRE(media.get_if<200>() != nullptr);
  CHECK(media.get_if<200>()->url == "https://example.com/talk.mp4");

  auto const embedded = create_job(api, "embedded");
  require_error(api.call(c24::add_media_url, c24::job_id = embedded, c24::media_url = "youtube.com/watch?v=1"),
                c24::error_type::invalid_url);
  auto const page = api.call(c24::add_media_url, c24::job_id = embedded, c24::media_url = "https://youtu.be/abc");
  REQUIRE(page.get_if<200>() != nullptr);
  CHECK(is_hex_id(page.get_if<200>()->task_id));

  // Above the 1 MiB every other body is held to: the upload is streamed to disk.
  auto const uploaded = create_job(api, "uploaded");
  std::string bytes(3 * 512 * 1024, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7 % 251);
  require_error(api.call(c24::add_media_file, c24::job_id = uploaded, apidecl::body = std::string()),
                c24::error_type::missing_parameter);
  auto const file = api.call(c24::add_media_file, c24::job_id = uploaded, apidecl::body = bytes);
  REQUIRE(file.get_if<200>() != nullptr);
  CHECK(is_hex_id(file.get_if<200>()->task_id));
  auto const download =
      api.call(c24::download_media, c24::job_id = uploaded, c24::media_type = c24::media_file_format::mp4);
  REQUIRE(download.get_if<200>() != nullptr);
  CHECK(*download.get_if<200>() == bytes);

  auto const transcript = api.call(c24::add_transcript, c24::job_id = embedded,
                                   c24::transcript_format = c24::transcript_file_format::srt,
                                   c24::transcript_url = "https://example.com/talk.srt");
  CHECK(transcript.failure_if() == nullptr);
  CHECK(transcript.http_status() == 200);
  require_error(api.call(c24::add_transcript, c24::job_id = unknown_job,
                         c24::transcript_format = c24::transcript_file_format::text,
                         c24::transcript_url = "https://example.com/t.txt"),
                c24::error_type::item_not_found);
  // add_transcript gave the job its text: the output endpoints answer from it.
  CHECK(api.call(c24::get_transcript, c24::job_id = embedded).get_if<200>() != nullptr);

  auto const guidelines =
      api.call(c24::add_custom_guidelines, c24::job_id = by_url, c24::guidelines_url = "https://example.com/g.pdf");
  CHECK(guidelines.failure_if() == nullptr);
  CHECK(guidelines.http_status() == 200);
  require_error(api.call(c24::add_custom_guidelines, c24::job_id = by_url, c24::guidelines_url = "ftp://example.com/g"),
                c24::error_type::invalid_url);

  auto const target = api.call(c24::request_upload_url, c24::job_id = uploaded);
  REQUIRE(target.get_if<200>() != nullptr);
  CHECK(target.get_if<200>()->upload_url.rfind("https://", 0) == 0);
  CHECK(target.get_if<200>()->upload_url.find(uploaded) != std::string::npos);
  require_error(api.call(c24::request_upload_url, c24::job_id = unknown_job), c24::error_type::item_not_found);
}

TEST_CASE("cielo24 over sockets: a transcription moves through its statuses on the emulator's clock; "
          "translations, uplevels and burnt-in captions follow it",
          "[cielo24][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto api = client(http);

  auto const job = create_job(api, "lecture");
  auto const transcribe = [&] {
    return api.call(c24::perform_transcription, c24::job_id = job,
                    c24::transcription_fidelity = c24::job_fidelity::mechanical,
                    c24::priority = c24::job_priority::standard);
  };
  require_error(transcribe(), c24::error_type::invalid_query);  // no media yet
  REQUIRE(api.call(c24::add_media, c24::job_id = job, c24::media_url = "https://example.com/l.mp3").get_if<200>());
  auto const started = transcribe();
  REQUIRE(started.get_if<200>() != nullptr);
  CHECK(is_hex_id(started.get_if<200>()->task_id));
  CHECK(emulator.job_status(job) == "Pending");

  require_error(api.call(c24::translate, c24::job_id = job, c24::target_languages = apidecl::comma_list{"fr"}),
                c24::error_type::invalid_query);  // not Complete yet
  require_error(api.call(c24::uplevel, c24::job_id = job), c24::error_type::invalid_query);
  require_error(api.call(c24::burn_in_caption, c24::job_id = job), c24::error_type::item_not_found);

  REQUIRE(emulator.advance_clock(60));
  CHECK(emulator.job_status(job) == "In Process");
  REQUIRE(emulator.advance_clock(300));
  auto const info = api.call(c24::get_job_info, c24::job_id = job);
  REQUIRE(info.get_if<200>() != nullptr);
  REQUIRE(info.get_if<200>()->status.has_value());
  CHECK(*info.get_if<200>()->status == c24::job_status::complete);
  CHECK(info.get_if<200>()->completed_date == "2024-01-01T00:06:00");

  auto const translated =
      api.call(c24::translate, c24::job_id = job, c24::target_languages = apidecl::comma_list{"fr", "de"});
  REQUIRE(translated.get_if<201>() != nullptr);
  auto const& translations = translated.get_if<201>()->translation_job_ids;
  REQUIRE(translations.size() == 2);
  CHECK(emulator.job_status(translations[0]) == "Pending");

  auto const upleveled = api.call(c24::uplevel, c24::job_id = job);
  REQUIRE(upleveled.get_if<201>() != nullptr);
  CHECK(upleveled.get_if<201>()->upleveled_workflow == "PREMIUM");

  auto const related = api.call(c24::list_related_jobs, c24::job_id = job);
  REQUIRE(related.get_if<200>() != nullptr);
  std::vector<std::string> ids;
  for (auto const& j : related.get_if<200>()->active_jobs) ids.push_back(j.job_id);
  std::sort(ids.begin(), ids.end());
  std::vector<std::string> expected{translations[0], translations[1], upleveled.get_if<201>()->upleveled_job_id};
  std::sort(expected.begin(), expected.end());
  CHECK(ids == expected);
  require_error(api.call(c24::list_related_jobs, c24::job_id = unknown_job), c24::error_type::item_not_found);

  auto const burnt = api.call(c24::burn_in_caption, c24::job_id = job);
  CHECK(burnt.failure_if() == nullptr);
  CHECK(burnt.http_status() == 200);
}

TEST_CASE("cielo24 over sockets: what the emulator refuses before any state changes", "[cielo24][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto api = client(http);
  auto const job = create_job(api, "checked");
  // Wrong types and values, sent as raw queries: the client's own checks would refuse them first.
  auto const raw = [&](std::string const& target) {
    auto const answer = http.send(apidecl::request(apidecl::method::get, target, {}, {}));
    REQUIRE(answer);
    return std::string(answer->body);
  };
  std::string const prefix = "/api/job/modify?v=1&api_token=" + std::string(seed_token) + "&job_id=" + job;
  CHECK(raw(prefix + "&turnaround_hours=soon").find("INVALID_QUERY") != std::string::npos);
  CHECK(raw(prefix + "&turnaround_hours=99999999999999999999999").find("INVALID_QUERY") != std::string::npos);
  CHECK(raw(prefix + "&transcription_fidelity=BEST").find("INVALID_OPTION") != std::string::npos);
  CHECK(raw(prefix + "&callback_url=nowhere").find("INVALID_URL") != std::string::npos);
  CHECK(raw("/api/job/new?api_token=" + std::string(seed_token)).find("INVALID_QUERY") != std::string::npos);  // no v
  CHECK(raw("/api/job/perform_transcription?v=1&api_token=" + std::string(seed_token) + "&job_id=" + job +
            "&transcription_fidelity=MECHANICAL&priority=STANDARD&options=[1]")
            .find("INVALID_QUERY") != std::string::npos);
  CHECK(raw("/api/account/login?v=1&username=api_user&password=p&securekey=00").find("INVALID_QUERY") !=
        std::string::npos);
  CHECK(raw("/api/account/login?v=1&username=api_user").find("MISSING_PARAMETER") != std::string::npos);
  auto const info = api.call(c24::get_job_info, c24::job_id = job);
  REQUIRE(info.get_if<200>() != nullptr);
  REQUIRE(info.get_if<200>()->fidelity.has_value());
  CHECK(*info.get_if<200>()->fidelity == c24::job_fidelity::mechanical);  // none of the refused changes happened
}

TEST_CASE("cielo24 over sockets: an upload over --upload-limit is refused with 413, and the next one is taken",
          "[cielo24][emulator]") {
  test_support::server_process small(APIDECL_EMULATOR, {"--port", "0", "--upload-limit", "1000"});
  REQUIRE(small.started());
  auto const address = small.wait_for_line("listening on ", std::chrono::seconds(20));
  REQUIRE(address);
  apidecl::curl_options options;
  options.base_url = "http://" + *address;
  options.total_timeout = std::chrono::seconds(10);
  apidecl::curl_transport http(options);
  auto api = client(http);
  auto const job = create_job(api, "small");

  auto const refused = api.call(c24::add_media_file, c24::job_id = job, apidecl::body = std::string(1001, 'x'));
  REQUIRE(refused.unexpected_if() != nullptr);
  CHECK(refused.unexpected_if()->status == 413);
  auto const nothing = api.call(c24::get_media, c24::job_id = job);
  require_error(nothing, c24::error_type::item_not_found);  // the refused upload left the job without media

  auto const taken = api.call(c24::add_media_file, c24::job_id = job, apidecl::body = std::string(1000, 'x'));
  REQUIRE(taken.get_if<200>() != nullptr);
  auto const back = api.call(c24::download_media, c24::job_id = job, c24::media_type = c24::media_file_format::mp3);
  REQUIRE(back.get_if<200>() != nullptr);
  CHECK(*back.get_if<200>() == std::string(1000, 'x'));
}

TEST_CASE("the emulator's clock and rate-limit controls refuse what is not a count", "[cielo24][emulator]") {
  auto& emulator = test_support::fresh_emulator();
  apidecl::curl_transport http(emulator.transport_options());
  auto const status_of = [&](std::string const& target) {
    auto const answer = http.send(apidecl::request(apidecl::method::post, target, {}, {}));
    REQUIRE(answer);
    return answer->status;
  };
  CHECK(status_of("/_emulator/clock/advance?seconds=-5") == 400);
  CHECK(status_of("/_emulator/clock/advance?seconds=ten") == 400);
  CHECK(status_of("/_emulator/clock/advance") == 400);
  CHECK(status_of("/_emulator/rate_limit?per_minute=") == 400);
  CHECK(status_of("/_emulator/clock/advance?seconds=%zz") == 400);
  CHECK(emulator.job_status("11111111111111111111111111111111") == "Pending");  // nothing moved
  REQUIRE(emulator.advance_clock(7));
  auto const clock = http.send(apidecl::request(apidecl::method::get, "/_emulator/clock", {}, {}));
  REQUIRE(clock);
  CHECK(std::string(clock->body) == R"({"seconds":7,"date":"2024-01-01T00:00:07"})");
}
