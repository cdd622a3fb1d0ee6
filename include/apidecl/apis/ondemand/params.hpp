#ifndef APIDECL_APIS_ONDEMAND_PARAMS_HPP
#define APIDECL_APIS_ONDEMAND_PARAMS_HPP

#include <apidecl/core/constraint.hpp>
#include <apidecl/core/param.hpp>
#include <apidecl/types/comma_list.hpp>

#include <cstddef>
#include <cstdint>
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

/// Text that must not be empty: an empty path segment would address another resource.
using non_empty = length<1, std::numeric_limits<std::size_t>::max()>;

/// A project's ID in the path (an integer: a parameter's value is text, an integer or bool, not an id type),, `/api/projects/{project_id}`.
struct project_id : path_param<std::int64_t> { static constexpr std::string_view name = "project_id"; };
/// A file's or product's asset ID in the path, `/api/files/{asset_id}`.
struct asset_id : path_param<std::int64_t> { static constexpr std::string_view name = "asset_id"; };
/// A service's ID in the path, `/api/services/{service_id}`.
struct service_id : path_param<std::int64_t> { static constexpr std::string_view name = "service_id"; };
/// A language code in the path (`en-us`, lower case; list_locales gives the valid ones).
struct language : path_param<std::string_view, non_empty> { static constexpr std::string_view name = "language"; };
/// The name a file is stored under, in the path of Add File (percent-encoded).
struct file_name : path_param<std::string_view, non_empty> { static constexpr std::string_view name = "file_name"; };
/// Part of a file to download, `bytes=0-1023`: the answer is then a 206 with that part.
struct byte_range : header<std::string_view, optional> { static constexpr std::string_view name = "Range"; };

/// Get Estimate's query: `service_id`, `unit_count` (words, pages or minutes, as the service
/// counts), `source_lang` and `target_langs` (comma-separated), all required.
namespace estimate {
struct service_id : query<std::int64_t> { static constexpr std::string_view name = "service_id"; };
struct unit_count : query<std::int64_t, apidecl::range<1, std::numeric_limits<std::int64_t>::max()>> {
  static constexpr std::string_view name = "unit_count";
};
struct source_lang : query<std::string_view, non_empty> { static constexpr std::string_view name = "source_lang"; };
struct target_langs : query<std::string_view, comma_separated<>> { static constexpr std::string_view name = "target_langs"; };
}  // namespace estimate
}  // namespace params

inline constexpr keyword<params::quote_id> quote_id{};
inline constexpr keyword<params::project_id> project_id{};
inline constexpr keyword<params::asset_id> asset_id{};
inline constexpr keyword<params::service_id> service_id{};
inline constexpr keyword<params::language> language{};
inline constexpr keyword<params::file_name> file_name{};
inline constexpr keyword<params::byte_range> byte_range{};

/// Get Estimate's keywords: `od::estimate::target_langs = apidecl::comma_list{"fr-fr", "de-de"}`.
namespace estimate {
inline constexpr keyword<params::estimate::service_id> service_id{};
inline constexpr keyword<params::estimate::unit_count> unit_count{};
inline constexpr keyword<params::estimate::source_lang> source_lang{};
inline constexpr keyword<params::estimate::target_langs> target_langs{};
}  // namespace estimate

}  // namespace apidecl::ondemand

#endif
