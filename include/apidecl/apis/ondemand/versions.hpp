#ifndef APIDECL_APIS_ONDEMAND_VERSIONS_HPP
#define APIDECL_APIS_ONDEMAND_VERSIONS_HPP

#include <string_view>

/// The API versions the catalog declares, one namespace each.
///
/// onDemand picks the shapes of its bodies by the `x-lod-version` date a request carries, so a
/// client speaks one version: the endpoints of `ondemand::vYYYY` and the `api_version` of the
/// same namespace, given to the signer, which sends it with every request:
///
///     od::signer sign({key_id, secret, std::string(od::v2015::api_version)}, sha);
///     api.call(od::v2015::get_quote, od::quote_id = "795");
///
/// - `v2014` (2014-02-28): the flat `<Quote>` of the seed (quote.hpp) and Authorize Quote, also
///   named `ondemand::authorize_quote` and `ondemand::quote` (quote_authorize.hpp).
/// - `v2015` (2015-02-23): the 25 documented endpoints; quotes nest their service and languages
///   in `Projects/Project` (quotes.hpp).
/// - `v2016` (2016-03-15): the 2015 catalog (a using-directive, so `v2016::get_quote` is
///   `v2015::get_quote`) plus quote cancellation and accepting or rejecting a file's translation.
///   The one body it changes, the quote's optional TranslationAcceptanceMethod, is an optional
///   element of the 2015 type that a 2015 client leaves empty: one type, not two twins.
/// Namespaces rather than a version parameter on each descriptor: a version changes what some
/// endpoints exist and what their bodies hold, which a namespace says at the call site, at no
/// cost to the endpoints it does not change. Nothing checks that the signer's version and the
/// namespace agree: the version is a run-time string of the credentials.
namespace apidecl::ondemand {

namespace v2014 {
inline constexpr std::string_view api_version = "2014-02-28";
}
namespace v2015 {
inline constexpr std::string_view api_version = "2015-02-23";
}
namespace v2016 {
inline constexpr std::string_view api_version = "2016-03-15";
}

}  // namespace apidecl::ondemand

#endif
