#ifndef APIDECL_APIS_CIELO24_JOB_MEDIA_HPP
#define APIDECL_APIS_CIELO24_JOB_MEDIA_HPP

#include <apidecl/apis/cielo24/error.hpp>
#include <apidecl/apis/cielo24/params.hpp>
#include <apidecl/apis/cielo24/task.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/serializer/text.hpp>

#include <boost/describe/class.hpp>

#include <string>

// BOOST_DESCRIBE_STRUCT(T, (), (...)) passes an empty argument list, which Clang's -Wpedantic
// flags before C++20. Describe, not Hana: it costs the compiler a fraction per field, in a header
// every cielo24 user includes.
#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif

/// What a job is given to work on: its media, a transcript, guidelines (job_control/*.rst). A
/// job takes one media; adding a second is an error, so none of these is idempotent.
namespace apidecl::cielo24 {

/// request_upload_url's answer: `{"upload_url": "..."}`, a URL to PUT the media to within 12 h.
struct upload_target {
  std::string upload_url;
};
BOOST_DESCRIBE_STRUCT(upload_target, (), (upload_url))

/// add_custom_guidelines' answer: a JSON object (`{"CUSTOM_GUIDELINES_STORED": {...}}` in the
/// page's example) whose fields the reference does not describe, so none is read; decoding still
/// checks that the 200 is JSON, as the page documents, rather than taking any body as success.
struct guidelines_stored {};
BOOST_DESCRIBE_STRUCT(guidelines_stored, (), ())

namespace endpoints {
/// Add Media from a URL: `GET /api/job/add_media?v=1&api_token=...&job_id=...&media_url=...`.
struct add_media {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/add_media";
  static constexpr bool idempotent = false;
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::job_id,
                                 cielo24::params::media_url, cielo24::params::is_duplicate>;
  using responses = apidecl::responses<on<200, task, json>, on<400, error, json>>;
};

/// Add Media as a file: `POST /api/job/add_media?v=1&api_token=...&job_id=...` with the media as
/// the raw body (same path as add_media, the other documented form). Media of up to 10 GB is
/// streamed from a file in bounded memory, with its Content-Length, over a Transport that streams
/// bodies: `apidecl::body = apidecl::stream_from(file)` (core/body_source.hpp, stream/file.hpp);
/// a `std::string` body is sent from memory. The page says to send no Content-Type; a
/// descriptor's body always has one, so this sends `application/octet-stream`.
struct add_media_file {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/api/job/add_media";
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::job_id>;
  using body = request_body<std::string, octet_stream>;
  using responses = apidecl::responses<on<200, task, json>, on<400, error, json>>;
};

/// Add Embedded Media: `GET /api/job/add_media_url?v=1&api_token=...&job_id=...&media_url=...`,
/// the page of a YouTube, Vimeo, Kaltura or Brightcove video.
struct add_media_url {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/add_media_url";
  static constexpr bool idempotent = false;
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::job_id,
                                 cielo24::params::media_url>;
  using responses = apidecl::responses<on<200, task, json>, on<400, error, json>>;
};

/// Add Transcript: `GET /api/job/add_transcript?v=1&api_token=...&job_id=...&format=srt&transcript_url=...`.
/// The page documents 200 without a body shape: the body is not read. The POST form with the
/// transcript as body is not declared (it is add_media_file's shape with another media type).
struct add_transcript {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/add_transcript";
  static constexpr bool idempotent = false;
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::job_id,
                                 cielo24::params::transcript_format, cielo24::params::transcript_url>;
  using responses = apidecl::responses<on<200>, on<400, error, json>>;
};

/// Add Custom Guidelines: `GET /api/job/add_custom_guidelines?api_token=...&job_id=...&guidelines_url=...`,
/// without `v` as its page documents. The 200 body is JSON of no documented shape (guidelines_stored).
/// The form that uploads the guidelines as a file (multipart) is not expressible yet.
struct add_custom_guidelines {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/add_custom_guidelines";
  static constexpr bool idempotent = true;  // the guidelines are replaced, not added to
  using params = apidecl::params<cielo24::params::api_token, cielo24::params::job_id, cielo24::params::guidelines_url,
                                 cielo24::params::is_html>;
  using responses = apidecl::responses<on<200, guidelines_stored, json>, on<400, error, json>>;
};

/// Request Upload URL: `GET /api/job/request_upload_url?v=1&api_token=...&job_id=...` answers a
/// URL to PUT the media to; a repeat gives another URL, which is harmless.
struct request_upload_url {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/request_upload_url";
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::job_id>;
  using responses = apidecl::responses<on<200, upload_target, json>, on<400, error, json>>;
};
}  // namespace endpoints

inline constexpr endpoints::add_media add_media{};
inline constexpr endpoints::add_media_file add_media_file{};
inline constexpr endpoints::add_media_url add_media_url{};
inline constexpr endpoints::add_transcript add_transcript{};
inline constexpr endpoints::add_custom_guidelines add_custom_guidelines{};
inline constexpr endpoints::request_upload_url request_upload_url{};

}  // namespace apidecl::cielo24

#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic pop
#endif

#endif
