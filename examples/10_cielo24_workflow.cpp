// 10 — A whole cielo24 job: log in with a session (which would log in again by itself if the
// token expired), create a job, upload a media file streamed from disk, ask for a transcription,
// poll the job with a growing wait until it is Complete, stream its captions into SRT and WebVTT
// files, log out. Every step stops the program with its typed error if it fails.
//
// Against the real sandbox: APIDECL_CIELO24_USERNAME, APIDECL_CIELO24_PASSWORD and
// APIDECL_MEDIA_FILE in the environment, and --base-url https://sandbox.cielo24.com. Against the
// local emulator no time passes by itself: instead of sleeping, the example moves the emulator's
// clock on through its control API (`examples::wait`, emulator_clock.hpp), which the real service does not have.
#include "emulator_clock.hpp"
#include "settings.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/fmt/formatters.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/text.hpp>
#include <apidecl/stream/file.hpp>
#include <apidecl/transport/curl.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace c24 = apidecl::cielo24;

namespace {

std::string from_environment(char const* name, std::string fallback) {
  char const* value = std::getenv(name);
  return value && *value ? value : fallback;
}

/// Prints why a call did not answer `Status`, and says whether it did.
template <int Status, class Result>
bool succeeded(Result const& answer, char const* step) {
  if (answer.template get_if<Status>()) return true;
  if (auto const* e = answer.template get_if<400>()) {
    fmt::print("{} refused: {} ({})\n", step, e->type.text(), e->comment);
  } else if (auto const* u = answer.unexpected_if()) {
    fmt::print("{}: {}\n", step, *u);
  } else if (auto const* f = answer.failure_if()) {
    fmt::print("{} failed: {}\n", step, *f);
  }
  return false;
}

/// The media to upload: APIDECL_MEDIA_FILE, or a small file written for the emulator, which does
/// not look inside.
std::filesystem::path media_file() {
  std::string const given = from_environment("APIDECL_MEDIA_FILE", "");
  if (!given.empty()) return given;
  auto const made = std::filesystem::temp_directory_path() / "apidecl-example-10.mp3";
  std::ofstream(made, std::ios::binary) << std::string(4096, '\x55');
  return made;
}

}  // namespace

int main(int argc, char** argv) {
  examples::settings const s = examples::read_settings(argc, argv);
  bool const emulator = examples::on_emulator(s.base_url);
  apidecl::curl_transport http({s.base_url});

  auto session = c24::password_session(from_environment("APIDECL_CIELO24_USERNAME", "api_user"),
                                       from_environment("APIDECL_CIELO24_PASSWORD", "api_password"));
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::text_serializer{},
                                  apidecl::octet_serializer{}, session);
  if (apidecl::auth_result const in = api.login(); !in) {
    fmt::print("login failed: {}\n", in.problem());
    return 1;
  }
  fmt::print("logged in\n");

  auto const job = api.call(c24::create_job, c24::job_name = "apidecl example 10");
  if (!succeeded<200>(job, "create job")) return 1;
  std::string const job_id = job.get_if<200>()->job_id;
  fmt::print("created job {}\n", job_id);

  auto const path = media_file();
  auto media = apidecl::file_source::open(path.c_str());  // read as it is sent: any size, little memory
  if (!media) {
    fmt::print("cannot read {}: {}\n", path.string(), media.error().what);
    return 1;
  }
  auto const upload = api.call(c24::add_media_file, c24::job_id = job_id, apidecl::body = apidecl::stream_from(*media));
  if (!succeeded<200>(upload, "upload")) return 1;
  fmt::print("uploaded {} bytes from {}\n", media->size(), path.filename().string());

  auto const task = api.call(c24::perform_transcription, c24::job_id = job_id,
                             c24::transcription_fidelity = c24::job_fidelity::mechanical,
                             c24::priority = c24::job_priority::standard);
  if (!succeeded<200>(task, "perform transcription")) return 1;
  fmt::print("transcription requested, task {}\n", task.get_if<200>()->task_id);

  // Poll with a wait that doubles up to five minutes; print each status once.
  std::string last_status;
  for (int wait_seconds = 30, polls = 0;; wait_seconds = std::min(2 * wait_seconds, 300), ++polls) {
    auto const info = api.call(c24::get_job_info, c24::job_id = job_id);
    if (!succeeded<200>(info, "job info")) return 1;
    auto const status = info.get_if<200>()->status;
    std::string const text = status ? std::string(status->text()) : "(none)";
    if (text != last_status) fmt::print("job status: {}\n", text);
    last_status = text;
    if (status && *status == c24::job_status::complete) break;
    if ((status && *status == c24::job_status::media_failure) || polls == 100) return 1;
    if (!examples::wait(http, emulator, wait_seconds)) return 1;
  }

  for (auto [format, extension] : {std::pair{c24::caption_file_format::srt, ".srt"},
                                   std::pair{c24::caption_file_format::web_vtt, ".vtt"}}) {
    auto const file = std::filesystem::temp_directory_path() / ("apidecl-example-10" + std::string(extension));
    auto saved = apidecl::file_sink::create(file.c_str());
    if (!saved) return 1;
    apidecl::call_options streamed;
    streamed.response_into = apidecl::stream_to(*saved);  // the 200's body goes to the file as it arrives
    auto const caption = api.call(streamed, c24::get_caption, c24::job_id = job_id, c24::caption_format = format);
    if (!succeeded<200>(caption, "get caption") || saved->flush()) return 1;
    fmt::print("wrote {} ({} bytes)\n", file.filename().string(), saved->written());
  }

  if (!succeeded<204>(api.call(c24::logout), "logout")) return 1;
  fmt::print("logged out\n");
  return 0;
}
