#ifndef APIDECL_APIDECL_HPP
#define APIDECL_APIDECL_HPP

/// The whole core and the client, with no dependency beyond Boost's headers. Adapters that need
/// a library of their own are included one by one, when asked for:
///   <apidecl/serializer/boost_json.hpp>  (link apidecl::boost_json)
///   <apidecl/serializer/pugixml.hpp>     (link apidecl::pugixml)
///   <apidecl/transport/curl.hpp>, <apidecl/transport/curl_multi.hpp>  (link apidecl::curl)
///   <apidecl/auth/openssl_sha256.hpp>    (link apidecl::openssl)
///   <apidecl/fmt/formatters.hpp>, <apidecl/fmt/logging.hpp>  ({fmt})
/// and API catalogs likewise: <apidecl/apis/cielo24/cielo24.hpp>, <apidecl/apis/ondemand/ondemand.hpp>.
#include <apidecl/auth/api_key.hpp>
#include <apidecl/auth/auth.hpp>
#include <apidecl/auth/base64.hpp>
#include <apidecl/auth/basic_auth.hpp>
#include <apidecl/auth/bearer_token.hpp>
#include <apidecl/auth/build_authenticated.hpp>
#include <apidecl/auth/session.hpp>
#include <apidecl/auth/sha256.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/client/observer.hpp>
#include <apidecl/clock/sleeper.hpp>
#include <apidecl/clock/system_sleeper.hpp>
#include <apidecl/clock/test_clock.hpp>
#include <apidecl/clock/utc_clock.hpp>
#include <apidecl/core/build.hpp>
#include <apidecl/core/check_call.hpp>
#include <apidecl/core/check_endpoint.hpp>
#include <apidecl/core/constraint.hpp>
#include <apidecl/core/decode.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/failure.hpp>
#include <apidecl/core/media_type.hpp>
#include <apidecl/core/method.hpp>
#include <apidecl/core/param.hpp>
#include <apidecl/core/percent_encoding.hpp>
#include <apidecl/core/redaction.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/core/response_header.hpp>
#include <apidecl/core/response_reader.hpp>
#include <apidecl/core/result.hpp>
#include <apidecl/limit/limiter.hpp>
#include <apidecl/limit/rate_limiter.hpp>
#include <apidecl/observers/line_sink.hpp>
#include <apidecl/observers/logging.hpp>
#include <apidecl/observers/metrics.hpp>
#include <apidecl/observers/prometheus.hpp>
#include <apidecl/observers/tracer.hpp>
#include <apidecl/observers/tracing.hpp>
#include <apidecl/retry/retry.hpp>
#include <apidecl/serializer/encoded_text.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/serializer/query_string.hpp>
#include <apidecl/serializer/serializer.hpp>
#include <apidecl/serializer/serializer_set.hpp>
#include <apidecl/serializer/text.hpp>
#include <apidecl/transport/mock.hpp>
#include <apidecl/transport/transport.hpp>
#include <apidecl/types/comma_list.hpp>
#include <apidecl/types/decimal.hpp>
#include <apidecl/types/enum_names.hpp>
#include <apidecl/types/enum_param.hpp>
#include <apidecl/types/fixed_vector.hpp>
#include <apidecl/types/id.hpp>
#include <apidecl/types/language_code.hpp>
#include <apidecl/types/money.hpp>
#include <apidecl/types/open_enum.hpp>
#include <apidecl/types/retry_after.hpp>
#include <apidecl/types/scalar_text.hpp>
#include <apidecl/types/text_value.hpp>
#include <apidecl/types/timestamp.hpp>

#endif
