#ifndef APIDECL_APIS_CIELO24_JOB_OUTPUT_HPP
#define APIDECL_APIS_CIELO24_JOB_OUTPUT_HPP

#include <apidecl/apis/cielo24/error.hpp>
#include <apidecl/apis/cielo24/params.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/serializer/text.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <vector>

// BOOST_DESCRIBE_STRUCT(T, (), (...)) passes an empty argument list, which Clang's -Wpedantic
// flags before C++20. Describe, not Hana: it costs the compiler a fraction per field, in a header
// every cielo24 user includes.
#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif

/// What a job gives back: transcripts, captions, element lists, media, statistics
/// (job_control/*.rst). All read only: idempotent. Transcripts and captions are text, media
/// bytes (text.hpp): pair the client with `text_serializer` and `octet_serializer` besides a JSON
/// one. Each is held in memory whole, or streamed to a sink as it arrives when the call gives one
/// (`call_options::response_into`, core/body_sink.hpp): get_transcript, get_caption and
/// download_media, whose 200 is bytes; their 400 is decoded as usual.
namespace apidecl::cielo24 {

/// get_caption with build_url: `{"CaptionUrl": "..."}`.
struct caption_url {
  std::string url;
  static constexpr wire_name wire_names[] = {{"url", "CaptionUrl"}};
};
BOOST_DESCRIBE_STRUCT(caption_url, (), (url))

/// get_media and get_transcoded_media: `{"MediaUrl": "..."}`.
struct media_url_body {
  std::string url;
  static constexpr wire_name wire_names[] = {{"url", "MediaUrl"}};
};
BOOST_DESCRIBE_STRUCT(media_url_body, (), (url))

/// The top of an ElementList (output_formats/formats.rst). Its segments, speakers, keywords and
/// topics are nested objects not read yet.
struct element_list {
  std::optional<int> version;
  std::optional<double> start_time;
  std::optional<double> end_time;
  std::optional<std::string> language;
};
BOOST_DESCRIBE_STRUCT(element_list, (), (version, start_time, end_time, language))

/// One entry of list_elementlists' array.
struct element_list_version {
  std::string iwp_name;
  std::string version;
};
BOOST_DESCRIBE_STRUCT(element_list_version, (), (iwp_name, version))

/// One row of aggregate_statistics' `data`. Its keys depend on `metrics` and `group_by`, which the
/// reference does not list: none is read yet, the rows are only counted.
struct statistics_row {
};
BOOST_DESCRIBE_STRUCT(statistics_row, (), ())

/// aggregate_statistics' answer: `{"data": [...]}`.
struct statistics {
  std::vector<statistics_row> data;
};
BOOST_DESCRIBE_STRUCT(statistics, (), (data))

namespace endpoints {
/// Get Transcript: `GET /api/job/get_transcript?v=1&api_token=...&job_id=...`, the transcript as
/// text. Its ~20 formatting options are not declared yet.
struct get_transcript {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/get_transcript";
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::job_id>;
  using responses = apidecl::responses<on<200, std::string, plain_text>, on<400, error, json>>;
};

/// Get Caption: `GET /api/job/get_caption?v=1&api_token=...&job_id=...&caption_format=SRT`, the
/// caption file in that format (SRT, WebVTT, DFXP... each with its own Content-Type; the text is
/// kept whatever it is). Its ~40 formatting options are not declared yet.
struct get_caption {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/get_caption";
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::job_id,
                                 cielo24::params::caption_format>;
  using responses = apidecl::responses<on<200, std::string, plain_text>, on<400, error, json>>;
};

/// Get Caption with `build_url=true`: the same path answers `{"CaptionUrl": ...}` instead of the
/// file. One descriptor per answer's shape, since a status has one body type.
struct get_caption_url {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/get_caption";
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::job_id,
                                 cielo24::params::caption_format, cielo24::params::build_url>;
  using responses = apidecl::responses<on<200, caption_url, json>, on<400, error, json>>;
};

/// Get ElementList: `GET /api/job/get_elementlist?v=1&api_token=...&job_id=...[&elementlist_version=...]`.
struct get_element_list {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/get_elementlist";
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::job_id,
                                 cielo24::params::elementlist_version, cielo24::params::iwp_name>;
  using responses = apidecl::responses<on<200, element_list, json>, on<400, error, json>>;
};

/// List ElementLists: `GET /api/job/list_elementlists?v=1&api_token=...&job_id=...`, an array.
struct list_element_lists {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/list_elementlists";
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::job_id>;
  using responses = apidecl::responses<on<200, std::vector<element_list_version>, json>, on<400, error, json>>;
};

/// Get Media: `GET /api/job/media?v=1&api_token=...&job_id=...`, the media's URL (the media
/// itself comes from download_media, which streams).
struct get_media {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/media";
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::job_id>;
  using responses = apidecl::responses<on<200, media_url_body, json>, on<400, error, json>>;
};

/// Get Transcoded Media: `GET /api/job/transcoded_media?v=1&api_token=...&job_id=...&transcoded_version=...`;
/// its page adds 422 (with the error body) for a version not made.
struct get_transcoded_media {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/transcoded_media";
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::job_id,
                                 cielo24::params::transcoded_version>;
  using responses = apidecl::responses<on<200, media_url_body, json>, on<400, error, json>, on<422, error, json>>;
};

/// Download Media: `GET /api/job/download_media?api_token=...&job_id=...&media_type=mp4`, without
/// `v`; the file itself, best streamed to a `file_sink` (stream/file.hpp).
struct download_media {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/download_media";
  using params = apidecl::params<cielo24::params::api_token, cielo24::params::job_id, cielo24::params::media_type>;
  using responses = apidecl::responses<on<200, std::string, octet_stream>, on<400, error, json>>;
};

/// Aggregate Statistics: `GET /api/job/aggregate_statistics?v=1&api_token=...[&metrics=...&group_by=...]`.
struct aggregate_statistics {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/aggregate_statistics";
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::metrics,
                                 cielo24::params::group_by, cielo24::params::start_date, cielo24::params::end_date,
                                 cielo24::params::account_id>;
  using responses = apidecl::responses<on<200, statistics, json>, on<400, error, json>>;
};
}  // namespace endpoints

inline constexpr endpoints::get_transcript get_transcript{};
inline constexpr endpoints::get_caption get_caption{};
inline constexpr endpoints::get_caption_url get_caption_url{};
inline constexpr endpoints::get_element_list get_element_list{};
inline constexpr endpoints::list_element_lists list_element_lists{};
inline constexpr endpoints::get_media get_media{};
inline constexpr endpoints::get_transcoded_media get_transcoded_media{};
inline constexpr endpoints::download_media download_media{};
inline constexpr endpoints::aggregate_statistics aggregate_statistics{};

}  // namespace apidecl::cielo24

#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic pop
#endif

#endif
