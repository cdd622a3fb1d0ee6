#ifndef APIDECL_APIS_ONDEMAND_IDS_HPP
#define APIDECL_APIS_ONDEMAND_IDS_HPP

#include <apidecl/types/id.hpp>

#include <cstdint>
#include <string>

/// The IDs onDemand gives its resources, each its own type so that one cannot stand in for another.
namespace apidecl::ondemand::ids {

/// A quote's ID. Text: the docs type QuoteID as a String, though the examples show digits.
using quote = id<struct quote_tag, std::string>;
/// A project's ID, an integer.
using project = id<struct project_tag, std::int64_t>;
/// A product's (asset's) ID, an integer.
using asset = id<struct asset_tag, std::int64_t>;
/// A translation service's ID, an integer.
using service = id<struct service_tag, std::int64_t>;

}  // namespace apidecl::ondemand::ids

#endif
