#ifndef APIDECL_APIS_ONDEMAND_PRODUCT_HPP
#define APIDECL_APIS_ONDEMAND_PRODUCT_HPP

#include <apidecl/apis/ondemand/ids.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/types/timestamp.hpp>

#include <boost/hana/define_struct.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace apidecl::ondemand {

/// A product in a quote or a project: `<Product><AssetID/><SKUs><SKU><SKUNumber/></SKU>...</SKUs>
/// <DueDate/></Product>`. Only a quote's products carry a DueDate (2014 Generate Quote), so it is
/// optional; one type serves both so that a corrected quote's products go back unchanged.
struct product {
  BOOST_HANA_DEFINE_STRUCT(product,
    (ids::asset, asset_id),
    (std::vector<std::string>, sku_numbers),
    (std::optional<utc_timestamp>, due_date)
  );
  static constexpr std::string_view xml_element = "Product";  // Get Product's root (products.hpp)
  static constexpr wire_name wire_names[] = {
      {"asset_id", "AssetID"}, {"sku_numbers", "SKUs/SKU/SKUNumber"}, {"due_date", "DueDate"}};
};

}  // namespace apidecl::ondemand

#endif
