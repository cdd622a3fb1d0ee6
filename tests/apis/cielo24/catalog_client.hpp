#ifndef APIDECL_TESTS_APIS_CIELO24_CATALOG_CLIENT_HPP
#define APIDECL_TESTS_APIS_CIELO24_CATALOG_CLIENT_HPP

// What the catalog's tests share: the example token and job ID of the reference pages, and a
// client over the mock with every serializer the catalog's bodies use.
#include <apidecl/apis/cielo24/token_auth.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/query_string.hpp>
#include <apidecl/serializer/text.hpp>
#include <apidecl/transport/mock.hpp>

#include <string>
#include <string_view>

namespace cielo24_test {

inline constexpr std::string_view token = "7ca5dc5c7cce449fb0fff719307e8f5f";
inline constexpr std::string_view job = "64bea283eff6475ea6596027a6ba0929";
inline std::string const json_headers = "Content-Type: application/json\r\n";
inline std::string const error_body = R"({"ErrorType": "ITEM_NOT_FOUND", "ErrorComment": "no such job"})";

/// A client whose calls carry `token` as api_token.
inline auto client(apidecl::mock_transport& mock) {
  return apidecl::make_client(mock, apidecl::boost_json_serializer{}, apidecl::text_serializer{},
                              apidecl::octet_serializer{}, apidecl::query_string_serializer{},
                              apidecl::cielo24::token_auth{std::string(token)});
}

/// The request line the first call sent.
inline std::string first_line(apidecl::mock_transport const& mock) {
  return mock.requests().empty() ? std::string("(nothing sent)") : mock.requests()[0].request_line();
}

}  // namespace cielo24_test

#endif
