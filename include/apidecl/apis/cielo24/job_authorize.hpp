#ifndef APIDECL_APIS_CIELO24_JOB_AUTHORIZE_HPP
#define APIDECL_APIS_CIELO24_JOB_AUTHORIZE_HPP

#include <apidecl/apis/cielo24/error.hpp>
#include <apidecl/apis/cielo24/params.hpp>
#include <apidecl/core/endpoint.hpp>

namespace apidecl::cielo24 {

namespace endpoints {
/// Authorize Job: `GET /api/job/authorize?v=1&api_token=...&job_id=...` releases a job held in
/// "Authorizing". On a job in any other state it does nothing and still answers 204, so repeating
/// it is harmless: it is declared idempotent.
struct authorize_job {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/job/authorize";
  static constexpr bool idempotent = true;
  using params = apidecl::params<cielo24::params::v, cielo24::params::api_token, cielo24::params::job_id>;
  using responses = apidecl::responses<on<204>, on<400, error, json>>;
};
}  // namespace endpoints

inline constexpr endpoints::authorize_job authorize_job{};

}  // namespace apidecl::cielo24

#endif
