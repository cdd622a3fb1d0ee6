// An endpoint declares its retryable statuses as a plain int array; a std::array does not
// compile, and the one error shows the declaration to write.
// expect: retryable_statuses_is_not_an_int_array<get_order>
// expect: apidecl: an endpoint's retryable statuses are declared as 'static constexpr int retryable_statuses[] = {...}
#include <apidecl/core/endpoint.hpp>
#include <apidecl/retry/attempt.hpp>

#include <array>
#include <chrono>
#include <string_view>

struct get_order {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/orders/1";
  using responses = apidecl::responses<apidecl::on<200>, apidecl::on<429>>;
#ifdef APIDECL_TWIN
  static constexpr int retryable_statuses[] = {429, 503};
#else
  static constexpr std::array<int, 2> retryable_statuses = {429, 503};
#endif
};

int main() {
  apidecl::transport_result const busy = apidecl::response{503, {}, {}};
  apidecl::attempt const a = apidecl::make_attempt<get_order>(1, busy, std::chrono::milliseconds(0));
  return a.retryable_statuses.contains(503) ? 0 : 1;
}
