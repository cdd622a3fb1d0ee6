#ifndef APIDECL_APIS_ONDEMAND_QUOTE_AUTHORIZE_HPP
#define APIDECL_APIS_ONDEMAND_QUOTE_AUTHORIZE_HPP

#include <apidecl/apis/ondemand/error.hpp>
#include <apidecl/apis/ondemand/params.hpp>
#include <apidecl/apis/ondemand/quote.hpp>
#include <apidecl/apis/ondemand/quote_authorization.hpp>
#include <apidecl/core/endpoint.hpp>

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
///   none is decoded.
/// - 400, 401, 404: an error body.
/// Not idempotent: a repeat after a lost response could pay twice.
struct authorize_quote {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/api/quote/{quote_id}/authorize";
  using params = apidecl::params<ondemand::params::quote_id>;
  using body = apidecl::request_body<quote, xml>;
  using responses = apidecl::responses<on<202, quote_authorization, xml>, on<400, error, xml>, on<401, error, xml>,
                                       on<402, quote_authorization, xml>, on<404, error, xml>, on<405, error, xml>,
                                       on<409, quote, xml>, on<429>>;
};
}  // namespace endpoints

inline constexpr endpoints::authorize_quote authorize_quote{};

}  // namespace apidecl::ondemand

#endif
