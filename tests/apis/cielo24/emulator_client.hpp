// What the cielo24 tests over sockets share: the emulator's seed token, a client with every
// serializer the catalog needs, and the check of a documented refusal.
#ifndef APIDECL_TESTS_APIS_CIELO24_EMULATOR_CLIENT_HPP
#define APIDECL_TESTS_APIS_CIELO24_EMULATOR_CLIENT_HPP

#include <catch2/catch.hpp>

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/query_string.hpp>
#include <apidecl/serializer/text.hpp>
#include <apidecl/transport/curl.hpp>

#include <string>
#include <utility>

namespace cielo24_over_sockets {

constexpr char const* seed_token = "7ca5dc5c7cce449fb0fff719307e8f5f";

inline auto client(apidecl::curl_transport& http, std::string token = seed_token) {
  return apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::text_serializer{},
                              apidecl::octet_serializer{}, apidecl::query_string_serializer{},
                              apidecl::cielo24::token_auth{std::move(token)});
}

/// The answer is the documented 400 with `expected` and a comment saying why.
template <class Result>
void require_error(Result const& answer, apidecl::cielo24::error_type expected) {
  INFO("HTTP status " << answer.http_status());
  REQUIRE(answer.template get_if<400>() != nullptr);
  CHECK(answer.template get_if<400>()->type == expected);
  CHECK_FALSE(answer.template get_if<400>()->comment.empty());
}

}  // namespace cielo24_over_sockets

#endif
