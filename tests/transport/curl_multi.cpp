// The non-blocking curl transport. What every AsyncTransport does alike (many exchanges in
// flight from a loop that only polls, handlers that start and cancel, cancelling) is in
// ../support/async_transport_cases.hpp, run here against it; what both curl transports do alike,
// in curl_transports.cpp.
#include <catch2/catch.hpp>

#include <apidecl/transport/curl_multi.hpp>

#include <tuple>
#include <type_traits>

using async_transports_under_test = std::tuple<apidecl::curl_multi_transport>;
#include "../support/async_transport_cases.hpp"  // NOLINT: after the list it runs over

TEST_CASE("curl_multi_transport is an AsyncTransport that takes per-call options, movable and not copyable",
          "[transport][curl_multi]") {
  STATIC_REQUIRE(apidecl::is_async_transport_v<apidecl::curl_multi_transport>);
  STATIC_REQUIRE(apidecl::has_start_with_call_options_v<apidecl::curl_multi_transport>);
  STATIC_REQUIRE_FALSE(apidecl::is_transport_v<apidecl::curl_multi_transport>);
  STATIC_REQUIRE(std::is_nothrow_move_constructible_v<apidecl::curl_multi_transport>);
  STATIC_REQUIRE(std::is_nothrow_move_assignable_v<apidecl::curl_multi_transport>);
  STATIC_REQUIRE_FALSE(std::is_copy_constructible_v<apidecl::curl_multi_transport>);
}
