#ifndef APIDECL_APIS_CIELO24_PARAMS_HPP
#define APIDECL_APIS_CIELO24_PARAMS_HPP

#include <apidecl/core/constraint.hpp>
#include <apidecl/core/param.hpp>

#include <string_view>

/// Parameters shared by cielo24 API v1 endpoints, and the keywords callers name them with.
namespace apidecl::cielo24 {

namespace params {
/// The API version; always 1.
struct v : query<std::string_view, fixed> {
  static constexpr std::string_view name = "v";
  static constexpr std::string_view value = "1";
};
/// The session or long-term key returned by login: a hex string.
struct api_token : query<std::string_view, hex, secret> {
  static constexpr std::string_view name = "api_token";
};
/// A job's ID: a hex string.
struct job_id : query<std::string_view, hex> {
  static constexpr std::string_view name = "job_id";
};
}  // namespace params

inline constexpr keyword<params::api_token> api_token{};
inline constexpr keyword<params::job_id> job_id{};

}  // namespace apidecl::cielo24

#endif
