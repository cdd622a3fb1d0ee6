#ifndef APIDECL_APIS_ONDEMAND_RATE_LIMIT_HPP
#define APIDECL_APIS_ONDEMAND_RATE_LIMIT_HPP

#include <apidecl/core/endpoint.hpp>
#include <apidecl/types/retry_after.hpp>

namespace apidecl::ondemand {

/// The answer of any endpoint over onDemand's rate limits (error_handling.rst: 30 requests a
/// minute per merchant, 2 project creations a minute): 429. Its body is undocumented, so none is
/// decoded; the docs name no header, but RFC 6585 says a 429 may carry Retry-After, so it is read
/// when the service sends it. Every 2015 and 2016 endpoint declares it.
using too_many_requests = on<429, no_content, no_media, retry_after_header>;

}  // namespace apidecl::ondemand

#endif
