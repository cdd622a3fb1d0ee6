#ifndef APIDECL_APIS_ONDEMAND_V2016_HPP
#define APIDECL_APIS_ONDEMAND_V2016_HPP

#include <apidecl/apis/ondemand/account.hpp>
#include <apidecl/apis/ondemand/error.hpp>
#include <apidecl/apis/ondemand/files.hpp>
#include <apidecl/apis/ondemand/params.hpp>
#include <apidecl/apis/ondemand/rate_limit.hpp>
#include <apidecl/apis/ondemand/products.hpp>
#include <apidecl/apis/ondemand/projects.hpp>
#include <apidecl/apis/ondemand/quotes.hpp>
#include <apidecl/apis/ondemand/services.hpp>
#include <apidecl/apis/ondemand/versions.hpp>
#include <apidecl/core/endpoint.hpp>

#include <string_view>

/// API version 2016-03-15: the 2015-02-23 catalog, unchanged, plus three endpoints
/// (request_quote_cancellation.html; accept and reject a file's translation, which a quote with
/// TranslationAcceptanceMethod `acknowledge` waits for).
namespace apidecl::ondemand::v2016 {

// Every 2015 endpoint and body is a 2016 one: `v2016::get_quote` finds `v2015::get_quote`.
using namespace v2015;

namespace endpoints {
/// Request Quote Cancellation: `POST /api/quote/{quote_id}/request-cancellation`. The page does
/// not say the method (the reference marks it unconfirmed); POST, as every other call that
/// changes a quote. Asking twice asks once: idempotent.
struct request_quote_cancellation {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/api/quote/{quote_id}/request-cancellation";
  static constexpr bool idempotent = true;
  using params = apidecl::params<ondemand::params::quote_id>;
  using responses = apidecl::responses<on<200>, on<400, error, xml>, on<401, error, xml>, on<404, error, xml>,
                                       on<409, error, xml>, too_many_requests>;
};

/// Accept File Translation: `POST /api/files/{asset_id}/{language}/accept` (POST as the official
/// C# client sends it). Idempotent: accepting twice accepts once.
struct accept_file_translation {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/api/files/{asset_id}/{language}/accept";
  static constexpr bool idempotent = true;
  using params = apidecl::params<ondemand::params::asset_id, ondemand::params::language>;
  using responses = apidecl::responses<on<200>, on<400, error, xml>, on<401, error, xml>, on<404, error, xml>,
                                       too_many_requests>;
};

/// Reject File Translation: `POST /api/files/{asset_id}/{language}/reject`, to have the
/// translation redone. Idempotent.
struct reject_file_translation {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/api/files/{asset_id}/{language}/reject";
  static constexpr bool idempotent = true;
  using params = apidecl::params<ondemand::params::asset_id, ondemand::params::language>;
  using responses = apidecl::responses<on<200>, on<400, error, xml>, on<401, error, xml>, on<404, error, xml>,
                                       too_many_requests>;
};
}  // namespace endpoints

inline constexpr endpoints::request_quote_cancellation request_quote_cancellation{};
inline constexpr endpoints::accept_file_translation accept_file_translation{};
inline constexpr endpoints::reject_file_translation reject_file_translation{};

}  // namespace apidecl::ondemand::v2016

#endif
