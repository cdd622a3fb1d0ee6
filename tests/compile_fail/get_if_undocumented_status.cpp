// get_if takes a status the endpoint documents: another is one error naming the endpoint.
// expect: status_is_not_documented
// expect: apidecl: get_if<Code> and get_case_if<Code> take a status the endpoint documents in its responses
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/core/result.hpp>

int main() {
  apidecl::result<apidecl::cielo24::endpoints::authorize_job> const r = apidecl::failure(apidecl::validation_error{});
#ifdef APIDECL_TWIN
  return r.get_if<204>() != nullptr ? 1 : 0;
#else
  return r.get_if<201>() != nullptr ? 1 : 0;
#endif
}
