// An endpoint cannot declare a 4xx other than 408, 425 or 429 retryable: the same request would
// get the same answer. The error names the endpoint and the status.
// expect: status_is_never_retried<get_order, 409>
// expect: apidecl: a retryable status must be 408, 425, 429 or 5xx
#include <apidecl/core/endpoint.hpp>
#include <apidecl/retry/attempt.hpp>

#include <chrono>
#include <string_view>

struct get_order {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/orders/1";
  using responses = apidecl::responses<apidecl::on<200>, apidecl::on<409>>;
#ifdef APIDECL_TWIN
  static constexpr int retryable_statuses[] = {429, 503};
#else
  static constexpr int retryable_statuses[] = {429, 409, 503};
#endif
};

int main() {
  apidecl::transport_result const busy = apidecl::response{503, {}, {}};
  apidecl::attempt const a = apidecl::make_attempt<get_order>(1, busy, std::chrono::milliseconds(0));
  return a.retryable_statuses.contains(503) ? 0 : 1;
}
