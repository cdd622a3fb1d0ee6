#ifndef APIDECL_APIS_ONDEMAND_RATE_LIMIT_HPP
#define APIDECL_APIS_ONDEMAND_RATE_LIMIT_HPP

#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/method.hpp>
#include <apidecl/limit/rate_limiter.hpp>
#include <apidecl/types/retry_after.hpp>

#include <chrono>

namespace apidecl::ondemand {

/// The answer of any endpoint over onDemand's rate limits (error_handling.rst: 30 requests a
/// minute per merchant, 2 project creations a minute): 429. Its body is undocumented, so none is
/// decoded; the docs name no header, but RFC 6585 says a 429 may carry Retry-After, so it is read
/// when the service sends it. Every 2015 and 2016 endpoint declares it.
using too_many_requests = on<429, no_content, no_media, retry_after_header>;

/// A Limiter (limit/limiter.hpp) that keeps under those limits: 30 requests a minute, and 2
/// calls a minute of Add Project (`POST /api/projects/add`, the one endpoint that creates a
/// project), spaced evenly so that no minute holds more. Share one among every client of the
/// same merchant: the service counts per merchant.
///
///     apidecl::rate_limiter const limits = ondemand::rate_limits();
///     auto lod = apidecl::make_client(http, apidecl::pugixml_serializer{}, ondemand::signer(keys, sha), limits);
inline rate_limiter rate_limits() {
  rate_limiter limits(rate{30, std::chrono::minutes(1)});
  // Named by method and path, which is what the limiter compares: projects.hpp includes this header.
  limits.also_for(rate{2, std::chrono::minutes(1)}, {endpoint_info{"add_project", method::post, "/api/projects/add"}});
  return limits;
}

}  // namespace apidecl::ondemand

#endif
