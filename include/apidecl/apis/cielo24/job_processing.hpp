#ifndef APIDECL_APIS_CIELO24_JOB_PROCESSING_HPP
#define APIDECL_APIS_CIELO24_JOB_PROCESSING_HPP

#include <apidecl/apis/cielo24/error.hpp>
#include <apidecl/apis/cielo24/params.hpp>
#include <apidecl/apis/cielo24/task.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/serializer/fields.hpp>

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

/// Asking for work on a job: transcription, translation, a better fidelity, burnt-in captions
/// (job_control/*.rst). Each starts work that is billed: none is idempotent.
namespace apidecl::cielo24 {

/// Some of perform_transcription's `options`, a JSON object passed in the query: encode one with
/// `apidecl::encode_text(json_serializer, options)` (encoded_text.hpp) and give it as
/// `cielo24::options`. Absent fields are left out of the object.
struct transcription_options {
  std::optional<std::string> notes;
  std::optional<bool> speaker_id;
  std::optional<std::string> customer_approval_tool;
  std::optional<std::vector<std::string>> customer_approval_steps;
  std::optional<std::vector<std::string>> return_iwp;
  std::optional<std::string> custom_metadata;
};
BOOST_DESCRIBE_STRUCT(transcription_options, (), (notes, speaker_id, customer_approval_tool,
    customer_approval_steps, return_iwp, custom_metadata))

/// translate's answer: the new jobs, one per language.
struct translation_jobs {
  std::vector<std::string> translation_job_ids;
  std::optional<std::string> message;
};
BOOST_DESCRIBE_STRUCT(translation_jobs, (), (translation_job_ids, message))

/// uplevel's answer: the job made at the higher fidelity.
struct upleveled_job {
  std::string upleveled_job_id;
  std::optional<std::string> upleveled_workflow;
};
BOOST_DESCRIBE_STRUCT(upleveled_job, (), (upleveled_job_id, upleveled_workflow))

namespace endpoints {
/// Perform Transcription: `GET /api/job/perform_transcription?v=1&api_token=...&job_id=...
/// &transcription_fidelity=PREMIUM&priority=STANDARD[&target_language=fr,de&options={...}]`.
/// A turnaround shorter than the priority's default silently upgrades STANDARD to PRIORITY.
struct perform_transcription {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/perform_transcription";
  static constexpr bool idempotent = false;
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::job_id,
                                 cielo24::params::transcription_fidelity, cielo24::params::priority,
                                 cielo24::params::callback_url, cielo24::params::options,
                                 cielo24::params::target_language, cielo24::params::turnaround_hours,
                                 cielo24::params::standard_product>;
  using responses = apidecl::responses<on<200, task, json>, on<400, error, json>>;
};

/// Translate: `GET /api/job/translate?api_token=...&job_id=...&target_languages=fr,de`, without
/// `v` as its page documents; 201 with the new jobs.
struct translate {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/translate";
  static constexpr bool idempotent = false;
  using params = apidecl::params<cielo24::params::api_token, cielo24::params::job_id, cielo24::params::target_languages,
                                 cielo24::params::approve_uplevel>;
  using responses = apidecl::responses<on<201, translation_jobs, json>, on<400, error, json>>;
};

/// Uplevel: `GET /api/job/uplevel?api_token=...&job_id=...`, without `v`; 201 with the new job.
/// The reference ends the optional list with "…": only those it names are declared.
struct uplevel {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/uplevel";
  static constexpr bool idempotent = false;
  using params = apidecl::params<cielo24::params::api_token, cielo24::params::job_id, cielo24::params::speaker_id,
                                 cielo24::params::optional_priority>;
  using responses = apidecl::responses<on<201, upleveled_job, json>, on<400, error, json>>;
};

/// Burn-in Caption: `GET /api/job/burn_in_caption?v=1&api_token=...&job_id=...` starts making a
/// video with the captions burnt in; 200 with an empty body.
struct burn_in_caption {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/burn_in_caption";
  static constexpr bool idempotent = false;
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::job_id,
                                 cielo24::params::send_to_email>;
  using responses = apidecl::responses<on<200>, on<400, error, json>>;
};
}  // namespace endpoints

inline constexpr endpoints::perform_transcription perform_transcription{};
inline constexpr endpoints::translate translate{};
inline constexpr endpoints::uplevel uplevel{};
inline constexpr endpoints::burn_in_caption burn_in_caption{};

}  // namespace apidecl::cielo24

#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic pop
#endif

#endif
