#ifndef APIDECL_OPENAPI_ENDPOINT_LIST_HPP
#define APIDECL_OPENAPI_ENDPOINT_LIST_HPP

namespace apidecl::openapi {

/// A list of endpoint descriptors: what a header made by apidecl-openapi names `all_endpoints`,
/// and what `apidecl::openapi::document` describes.
template <class... Endpoints>
struct endpoint_list {};

}  // namespace apidecl::openapi

#endif
