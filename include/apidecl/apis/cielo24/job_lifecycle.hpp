#ifndef APIDECL_APIS_CIELO24_JOB_LIFECYCLE_HPP
#define APIDECL_APIS_CIELO24_JOB_LIFECYCLE_HPP

#include <apidecl/apis/cielo24/error.hpp>
#include <apidecl/apis/cielo24/job_info.hpp>
#include <apidecl/apis/cielo24/params.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/serializer/fields.hpp>

#include <boost/describe/class.hpp>

#include <string>

// BOOST_DESCRIBE_STRUCT(T, (), (...)) passes an empty argument list, which Clang's -Wpedantic
// flags before C++20. Describe, not Hana: it costs the compiler a fraction per field, in a header
// every cielo24 user includes.
#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif

/// Creating, changing and finding jobs (job_control/*.rst). Authorize and delete have their own
/// headers (job_authorize.hpp, job_delete.hpp).
namespace apidecl::cielo24 {

/// Create Job's answer: `{"JobId": "<hex>", "TaskId": "<hex>"}`.
struct new_job {
  std::string job_id;
  std::string task_id;
  static constexpr wire_name wire_names[] = {{"job_id", "JobId"}, {"task_id", "TaskId"}};
};
BOOST_DESCRIBE_STRUCT(new_job, (), (job_id, task_id))

/// The filters of job/list: the wire names are capitalised, unlike every other parameter. The
/// reference gives the date filters as `<X>DateFrom/To`; X is each date of Job Info.
namespace params::list_filter {
struct creation_date_from : query<std::string_view, optional> { static constexpr std::string_view name = "CreationDateFrom"; };
struct creation_date_to : query<std::string_view, optional> { static constexpr std::string_view name = "CreationDateTo"; };
struct start_date_from : query<std::string_view, optional> { static constexpr std::string_view name = "StartDateFrom"; };
struct start_date_to : query<std::string_view, optional> { static constexpr std::string_view name = "StartDateTo"; };
struct due_date_from : query<std::string_view, optional> { static constexpr std::string_view name = "DueDateFrom"; };
struct due_date_to : query<std::string_view, optional> { static constexpr std::string_view name = "DueDateTo"; };
struct completed_date_from : query<std::string_view, optional> { static constexpr std::string_view name = "CompletedDateFrom"; };
struct completed_date_to : query<std::string_view, optional> { static constexpr std::string_view name = "CompletedDateTo"; };
struct return_date_from : query<std::string_view, optional> { static constexpr std::string_view name = "ReturnDateFrom"; };
struct return_date_to : query<std::string_view, optional> { static constexpr std::string_view name = "ReturnDateTo"; };
struct authorization_date_from : query<std::string_view, optional> { static constexpr std::string_view name = "AuthorizationDateFrom"; };
struct authorization_date_to : query<std::string_view, optional> { static constexpr std::string_view name = "AuthorizationDateTo"; };
struct job_status : query<std::string_view, optional, enum_value<cielo24::job_status>> { static constexpr std::string_view name = "JobStatus"; };
struct fidelity : query<std::string_view, optional, enum_value<job_fidelity>> { static constexpr std::string_view name = "Fidelity"; };
struct priority : query<std::string_view, optional, enum_value<job_priority>> { static constexpr std::string_view name = "Priority"; };
struct turnaround_hours_from : query<int, optional> { static constexpr std::string_view name = "TurnaroundTimeHoursFrom"; };
struct turnaround_hours_to : query<int, optional> { static constexpr std::string_view name = "TurnaroundTimeHoursTo"; };
struct job_name : query<std::string_view, optional> { static constexpr std::string_view name = "JobName"; };
struct external_id : query<std::string_view, optional> { static constexpr std::string_view name = "ExternalID"; };
struct username : query<std::string_view, optional> { static constexpr std::string_view name = "Username"; };
struct job_difficulty : query<std::string_view, optional, enum_value<cielo24::job_difficulty>> { static constexpr std::string_view name = "JobDifficulty"; };
}  // namespace params::list_filter

/// The keywords of job/list's filters: `cielo24::list_filter::job_status = cielo24::job_status::complete`.
namespace list_filter {
namespace p = params::list_filter;
inline constexpr keyword<p::creation_date_from> creation_date_from{};
inline constexpr keyword<p::creation_date_to> creation_date_to{};
inline constexpr keyword<p::start_date_from> start_date_from{};
inline constexpr keyword<p::start_date_to> start_date_to{};
inline constexpr keyword<p::due_date_from> due_date_from{};
inline constexpr keyword<p::due_date_to> due_date_to{};
inline constexpr keyword<p::completed_date_from> completed_date_from{};
inline constexpr keyword<p::completed_date_to> completed_date_to{};
inline constexpr keyword<p::return_date_from> return_date_from{};
inline constexpr keyword<p::return_date_to> return_date_to{};
inline constexpr keyword<p::authorization_date_from> authorization_date_from{};
inline constexpr keyword<p::authorization_date_to> authorization_date_to{};
inline constexpr enum_keyword<p::job_status, cielo24::job_status> job_status{};
inline constexpr enum_keyword<p::fidelity, job_fidelity> fidelity{};
inline constexpr enum_keyword<p::priority, job_priority> priority{};
inline constexpr keyword<p::turnaround_hours_from> turnaround_hours_from{};
inline constexpr keyword<p::turnaround_hours_to> turnaround_hours_to{};
inline constexpr keyword<p::job_name> job_name{};
inline constexpr keyword<p::external_id> external_id{};
inline constexpr keyword<p::username> username{};
inline constexpr enum_keyword<p::job_difficulty, cielo24::job_difficulty> job_difficulty{};
}  // namespace list_filter

namespace endpoints {
/// Create Job: `GET /api/job/new?v=1&api_token=...[&job_name=...&language=en...]` answers the new
/// job's ID. Not idempotent: a repeat makes a second job (one with the same `external_id` only
/// if `is_duplicate`).
struct create_job {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/new";
  static constexpr bool idempotent = false;
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::job_name,
                                 cielo24::params::language, cielo24::params::external_id,
                                 cielo24::params::optional_username, cielo24::params::is_duplicate,
                                 cielo24::params::requestor, cielo24::params::reference,
                                 cielo24::params::expected_speakers>;
  using responses = apidecl::responses<on<200, new_job, json>, on<400, error, json>>;
};

/// Modify Job: `POST /api/job/modify?v=1&api_token=...&job_id=...[&transcription_fidelity=...]`
/// changes a job still in Authorizing. Setting the same values again is harmless: idempotent.
/// The reference ends the optional list with "…": only the parameters it names are declared.
struct modify_job {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/api/job/modify";
  static constexpr bool idempotent = true;
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::job_id,
                                 cielo24::params::optional_fidelity, cielo24::params::turnaround_hours,
                                 cielo24::params::optional_priority, cielo24::params::callback_url,
                                 cielo24::params::notes>;
  using responses = apidecl::responses<on<204>, on<400, error, json>>;
};

/// Job Info: `GET /api/job/info?v=1&api_token=...&job_id=...`.
struct get_job_info {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/info";
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::job_id>;
  using responses = apidecl::responses<on<200, job_info, json>, on<400, error, json>>;
};

/// Job List: `GET /api/job/list?v=1&api_token=...[&JobStatus=Complete...]`.
struct list_jobs {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/list";
  using params = apidecl::params<
      cielo24::params::v, cielo24::params::api_token, cielo24::params::list_filter::creation_date_from,
      cielo24::params::list_filter::creation_date_to, cielo24::params::list_filter::start_date_from, cielo24::params::list_filter::start_date_to,
      cielo24::params::list_filter::due_date_from, cielo24::params::list_filter::due_date_to, cielo24::params::list_filter::completed_date_from,
      cielo24::params::list_filter::completed_date_to, cielo24::params::list_filter::return_date_from, cielo24::params::list_filter::return_date_to,
      cielo24::params::list_filter::authorization_date_from, cielo24::params::list_filter::authorization_date_to,
      cielo24::params::list_filter::job_status, cielo24::params::list_filter::fidelity, cielo24::params::list_filter::priority,
      cielo24::params::list_filter::turnaround_hours_from, cielo24::params::list_filter::turnaround_hours_to,
      cielo24::params::list_filter::job_name, cielo24::params::list_filter::external_id, cielo24::params::list_filter::username,
      cielo24::params::list_filter::job_difficulty>;
  using responses = apidecl::responses<on<200, job_list, json>, on<400, error, json>>;
};

/// List Related Jobs: `GET /api/job/list_related?api_token=...&job_id=...`, without `v` as its
/// page documents. Its page names 4xx for a user's error and 5xx for the system's, both with the
/// error body: two ranges, each case keeping the status received.
struct list_related_jobs {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/list_related";
  using params = apidecl::params<cielo24::params::api_token, cielo24::params::job_id>;
  using responses =
      apidecl::responses<on<200, job_list, json>, on_range<400, 499, error, json>, on_range<500, 599, error, json>>;
};
}  // namespace endpoints

inline constexpr endpoints::create_job create_job{};
inline constexpr endpoints::modify_job modify_job{};
inline constexpr endpoints::get_job_info get_job_info{};
inline constexpr endpoints::list_jobs list_jobs{};
inline constexpr endpoints::list_related_jobs list_related_jobs{};

}  // namespace apidecl::cielo24

#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic pop
#endif

#endif
