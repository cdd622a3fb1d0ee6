#ifndef APIDECL_APIS_CIELO24_ENUMS_HPP
#define APIDECL_APIS_CIELO24_ENUMS_HPP

#include <apidecl/types/enum_names.hpp>

#include <array>

/// The enumerations of cielo24 API v1 (output_formats/enums.rst), as parameters take them and
/// bodies report them. Each read from a body holds an `unknown` with no name, for open_enum.
namespace apidecl::cielo24 {

/// How a job is transcribed. Job info reports PREMIUM as "STANDARD" and PROFESSIONAL as "HIGH"
/// (the official .NET SDK maps them back the same way): both spellings read, the documented one
/// is written.
enum class job_fidelity { mechanical, premium, professional, unknown };
constexpr auto enum_names(job_fidelity) noexcept {
  using e = job_fidelity;
  return std::array{enum_name{e::mechanical, "MECHANICAL"}, enum_name{e::premium, "PREMIUM"},
                    enum_name{e::professional, "PROFESSIONAL"}, enum_name{e::premium, "STANDARD"},
                    enum_name{e::professional, "HIGH"}};
}

/// How soon a job is done. The SDKs also know ECONOMY (dropped from the documentation in 2015)
/// and CRITICAL; a job reporting them reads as `unknown`, its text kept.
enum class job_priority { standard, priority, unknown };
constexpr auto enum_names(job_priority) noexcept {
  using e = job_priority;
  return std::array{enum_name{e::standard, "STANDARD"}, enum_name{e::priority, "PRIORITY"}};
}

/// Where a job is in its life.
enum class job_status { authorizing, pending, in_process, complete, media_failure, reviewing, unknown };
constexpr auto enum_names(job_status) noexcept {
  using e = job_status;
  return std::array{enum_name{e::authorizing, "Authorizing"}, enum_name{e::pending, "Pending"},
                    enum_name{e::in_process, "In Process"},   enum_name{e::complete, "Complete"},
                    enum_name{e::media_failure, "Media Failure"}, enum_name{e::reviewing, "Reviewing"}};
}

/// How hard the media was to transcribe.
/// The documented "Unknown" is `undetermined`: `unknown` is what open_enum reads an undocumented value as.
enum class job_difficulty { good, bad, undetermined, unknown };
constexpr auto enum_names(job_difficulty) noexcept {
  using e = job_difficulty;
  return std::array{enum_name{e::good, "Good"}, enum_name{e::bad, "Bad"}, enum_name{e::undetermined, "Unknown"}};
}

/// The caption formats of get_caption.
enum class caption_file_format { dfxp, echo, qt, sami, sbv, scc, srt, tpm, transcript, twx, web_vtt, unknown };
constexpr auto enum_names(caption_file_format) noexcept {
  using e = caption_file_format;
  return std::array{enum_name{e::dfxp, "DFXP"}, enum_name{e::echo, "ECHO"}, enum_name{e::qt, "QT"},
                    enum_name{e::sami, "SAMI"}, enum_name{e::sbv, "SBV"},   enum_name{e::scc, "SCC"},
                    enum_name{e::srt, "SRT"},   enum_name{e::tpm, "TPM"},   enum_name{e::transcript, "TRANSCRIPT"},
                    enum_name{e::twx, "TWX"},   enum_name{e::web_vtt, "WEB_VTT"}};
}

/// The formats add_transcript accepts.
enum class transcript_file_format { text, srt, vtt, dfxp, unknown };
constexpr auto enum_names(transcript_file_format) noexcept {
  using e = transcript_file_format;
  return std::array{enum_name{e::text, "text"}, enum_name{e::srt, "srt"}, enum_name{e::vtt, "vtt"},
                    enum_name{e::dfxp, "dfxp"}};
}

/// The files download_media offers.
enum class media_file_format { mp3, mp4, unknown };
constexpr auto enum_names(media_file_format) noexcept {
  using e = media_file_format;
  return std::array{enum_name{e::mp3, "mp3"}, enum_name{e::mp4, "mp4"}};
}

}  // namespace apidecl::cielo24

#endif
