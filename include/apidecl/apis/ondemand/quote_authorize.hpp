#ifndef APIDECL_APIS_ONDEMAND_QUOTE_AUTHORIZE_HPP
#define APIDECL_APIS_ONDEMAND_QUOTE_AUTHORIZE_HPP

#include <apidecl/apis/ondemand/error.hpp>
#include <apidecl/apis/ondemand/params.hpp>
#include <apidecl/apis/ondemand/quote.hpp>
#include <apidecl/apis/ondemand/quote_authorization.hpp>
#include <apidecl/apis/ondemand/versions.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/result.hpp>
#include <apidecl/types/retry_after.hpp>

namespace apidecl::ondemand {

namespace endpoints {
/// Authorize Quote: `POST /api/quote/{quote_id}/authorize` with the quote as the body. Only a
/// Pending quote can be authorized.
///
/// - 202: accepted; Authorized, or Pending with a PaymentURL.
/// - 402: payment required; the body is a QuoteAuthorization with the PaymentURL (the official C#
///   client treats it as a success too).
/// - 405: the quote is not ready, its price not set yet (ReasonCode 306). Added by the docs after
///   the seed's version.
/// - 409: the quote is no longer valid; the body is the corrected quote, to authorize again.
/// - 429: over the rate limit (30 requests a minute per merchant). Its body is undocumented, so
///   none is decoded. The docs name no header either; RFC 6585 says a 429 may carry Retry-After,
///   so it is declared optional and read when the service sends it.
/// - 400, 401, 404: an error body.
/// Not idempotent: a repeat after a lost response could pay twice.
struct authorize_quote {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/api/quote/{quote_id}/authorize";
  using params = apidecl::params<ondemand::params::quote_id>;
  using body = apidecl::request_body<quote, xml>;
  using responses = apidecl::responses<on<202, quote_authorization, xml>, on<400, error, xml>, on<401, error, xml>,
                                       on<402, quote_authorization, xml>, on<404, error, xml>, on<405, error, xml>,
                                       on<409, quote, xml>, on<429, no_content, no_media, retry_after_header>>;
};
}  // namespace endpoints

inline constexpr endpoints::authorize_quote authorize_quote{};

/// The 429 of Authorize Quote, whole: `s.headers.get<apidecl::retry_after_header>()` is the
/// Retry-After the service sent, if any.
using rate_limited = apidecl::status<429, apidecl::no_content, apidecl::retry_after_header>;

/// API version 2014-02-28 by its version's name, as `v2015` and `v2016` are (versions.hpp).
namespace v2014 {
using ondemand::authorize_quote;
using ondemand::quote;
}  // namespace v2014

}  // namespace apidecl::ondemand

#endif
