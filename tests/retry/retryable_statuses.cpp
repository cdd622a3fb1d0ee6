// Which statuses are worth a retry: the default set, an endpoint's own list, and the 4xx that no
// list can make retryable.
#include <catch2/catch.hpp>

#include "scripted_call.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/apis/ondemand/quote_authorize.hpp>
#include <apidecl/retry/retryable_statuses.hpp>

#include <vector>

using namespace retry_test;

namespace {
std::vector<int> codes(apidecl::status_set set) { return {set.begin(), set.end()}; }
}  // namespace

TEST_CASE("by default 408, 429, 500, 502, 503 and 504 are retryable", "[retry]") {
  CHECK(codes(apidecl::default_retryable_statuses) == std::vector<int>{408, 429, 500, 502, 503, 504});
  STATIC_REQUIRE(apidecl::default_retryable_statuses.contains(503));
  STATIC_REQUIRE_FALSE(apidecl::default_retryable_statuses.contains(501));
  STATIC_REQUIRE_FALSE(apidecl::default_retryable_statuses.contains(200));
}

TEST_CASE("only 408, 425, 429 and 5xx can be retryable at all", "[retry]") {
  for (int status : {408, 425, 429, 500, 501, 502, 503, 504, 505, 599}) CHECK(apidecl::status_may_be_retried(status));
  for (int status : {0, 100, 200, 204, 301, 400, 401, 402, 403, 404, 405, 409, 410, 422, 600})
    CHECK_FALSE(apidecl::status_may_be_retried(status));
}

TEST_CASE("an endpoint that declares no retryable statuses gets the default", "[retry]") {
  CHECK(codes(apidecl::endpoint_retryable_statuses_v<get_widget>) == codes(apidecl::default_retryable_statuses));
  CHECK(codes(apidecl::endpoint_retryable_statuses_v<apidecl::cielo24::endpoints::authorize_job>) ==
        codes(apidecl::default_retryable_statuses));
  CHECK(codes(apidecl::endpoint_retryable_statuses_v<apidecl::cielo24::endpoints::delete_job>) ==
        codes(apidecl::default_retryable_statuses));
  CHECK(codes(apidecl::endpoint_retryable_statuses_v<apidecl::ondemand::endpoints::authorize_quote>) ==
        codes(apidecl::default_retryable_statuses));
}

TEST_CASE("an endpoint's own retryable statuses replace the default", "[retry]") {
  constexpr apidecl::status_set set = apidecl::endpoint_retryable_statuses_v<get_report>;
  STATIC_REQUIRE(set.size() == 1);
  STATIC_REQUIRE(set.contains(503));
  STATIC_REQUIRE_FALSE(set.contains(502));
  CHECK(set.begin() == get_report::retryable_statuses);
}
