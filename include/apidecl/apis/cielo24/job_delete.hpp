#ifndef APIDECL_APIS_CIELO24_JOB_DELETE_HPP
#define APIDECL_APIS_CIELO24_JOB_DELETE_HPP

#include <apidecl/apis/cielo24/error.hpp>
#include <apidecl/apis/cielo24/params.hpp>
#include <apidecl/apis/cielo24/task.hpp>
#include <apidecl/core/endpoint.hpp>

namespace apidecl::cielo24 {

namespace endpoints {
/// Delete Job: `GET /api/job/delete?v=1&api_token=...&job_id=...` deletes a job that has not
/// started processing and answers with the deletion task. (The documented path; the older
/// official SDKs call `/api/job/del`.) A GET that changes state: a repeat after a lost response
/// reports an error for a job that was in fact deleted, so it is declared not idempotent.
struct delete_job {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/delete";
  static constexpr bool idempotent = false;
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::job_id>;
  using responses = apidecl::responses<on<200, task, json>, on<400, error, json>>;
};
}  // namespace endpoints

inline constexpr endpoints::delete_job delete_job{};

}  // namespace apidecl::cielo24

#endif
