#ifndef APIDECL_APIS_ONDEMAND_PRODUCTS_HPP
#define APIDECL_APIS_ONDEMAND_PRODUCTS_HPP

#include <apidecl/apis/ondemand/error.hpp>
#include <apidecl/apis/ondemand/params.hpp>
#include <apidecl/apis/ondemand/rate_limit.hpp>
#include <apidecl/apis/ondemand/product.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/serializer/fields.hpp>

#include <boost/describe/class.hpp>

#include <string_view>
#include <vector>

// BOOST_DESCRIBE_STRUCT(T, (), (...)) passes an empty argument list, which Clang's -Wpedantic
// flags before C++20. Describe, not Hana: it costs the compiler a fraction per field.
#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif

/// Products (list_products.rst, get_product.rst, get_product_translation.rst), API version
/// 2015-02-23: items of a merchant's catalog sent for translation, addressed by asset ID.
namespace apidecl::ondemand::v2015 {

/// List Products' answer: `<Products><Product/>...</Products>`.
struct product_list {
  std::vector<ondemand::product> products;
  static constexpr std::string_view xml_element = "Products";
  static constexpr wire_name wire_names[] = {{"products", "Product"}};
};
BOOST_DESCRIBE_STRUCT(product_list, (), (products))

namespace endpoints {
/// List Products: `GET /api/products`.
struct list_products {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/products";
  using params = apidecl::params<>;
  using responses = apidecl::responses<on<200, product_list, xml>, on<400, error, xml>, on<401, error, xml>,
                                       too_many_requests>;
};

/// Get Product: `GET /api/products/{asset_id}`; 404 when it is not the caller's.
struct get_product {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/products/{asset_id}";
  using params = apidecl::params<ondemand::params::asset_id>;
  using responses = apidecl::responses<on<200, ondemand::product, xml>, on<401, error, xml>, on<404, error, xml>,
                                       too_many_requests>;
};

/// Get Product Translation: `GET /api/products/{asset_id}/{language}` answers the translated
/// product, the same shape; 404 until the translation exists.
struct get_product_translation {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/products/{asset_id}/{language}";
  using params = apidecl::params<ondemand::params::asset_id, ondemand::params::language>;
  using responses = apidecl::responses<on<200, ondemand::product, xml>, on<401, error, xml>, on<404, error, xml>,
                                       too_many_requests>;
};
}  // namespace endpoints

inline constexpr endpoints::list_products list_products{};
inline constexpr endpoints::get_product get_product{};
inline constexpr endpoints::get_product_translation get_product_translation{};

}  // namespace apidecl::ondemand::v2015

#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic pop
#endif

#endif
