#ifndef APIDECL_APIS_ONDEMAND_PARAMS_HPP
#define APIDECL_APIS_ONDEMAND_PARAMS_HPP

#include <apidecl/core/constraint.hpp>
#include <apidecl/core/param.hpp>

#include <cstddef>
#include <limits>
#include <string_view>

/// Parameters shared by onDemand endpoints, and the keywords callers name them with.
namespace apidecl::ondemand {

namespace params {
/// A quote's ID in the path, `/api/quote/{quote_id}/...`. The docs type it as a String and give
/// no syntax, so any text goes (percent-encoded); only empty text is refused, as it would
/// address another resource (`/api/quote//authorize`).
struct quote_id : path_param<std::string_view, length<1, std::numeric_limits<std::size_t>::max()>> {
  static constexpr std::string_view name = "quote_id";
};
}  // namespace params

inline constexpr keyword<params::quote_id> quote_id{};

}  // namespace apidecl::ondemand

#endif
