#ifndef APIDECL_APIS_ONDEMAND_PRODUCT_HPP
#define APIDECL_APIS_ONDEMAND_PRODUCT_HPP

#include <apidecl/apis/ondemand/ids.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/types/timestamp.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// BOOST_DESCRIBE_STRUCT(T, (), (...)) passes an empty argument list, which Clang's -Wpedantic
// flags before C++20. Describe, not Hana: it costs the compiler a fraction per field.
#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif

namespace apidecl::ondemand {

/// A product in a quote or a project: `<Product><AssetID/><SKUs><SKU><SKUNumber/></SKU>...</SKUs>
/// <DueDate/></Product>`. Only a quote's products carry a DueDate (2014 Generate Quote), so it is
/// optional; one type serves both so that a corrected quote's products go back unchanged.
struct product {
  ids::asset asset_id;
  std::vector<std::string> sku_numbers;
  std::optional<utc_timestamp> due_date;
  static constexpr std::string_view xml_element = "Product";  // Get Product's root (products.hpp)
  static constexpr wire_name wire_names[] = {
      {"asset_id", "AssetID"}, {"sku_numbers", "SKUs/SKU/SKUNumber"}, {"due_date", "DueDate"}};
};
BOOST_DESCRIBE_STRUCT(product, (), (asset_id, sku_numbers, due_date))

}  // namespace apidecl::ondemand

#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic pop
#endif

#endif
