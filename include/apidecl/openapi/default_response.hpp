#ifndef APIDECL_OPENAPI_DEFAULT_RESPONSE_HPP
#define APIDECL_OPENAPI_DEFAULT_RESPONSE_HPP

#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/media_type.hpp>
#include <apidecl/detail/type_list.hpp>

/// An OpenAPI `default` response: what any status an endpoint does not list carries. The client
/// delivers such a status as `apidecl::unexpected_status`, its body kept whole; a descriptor that
/// declares
///
///     using default_response = apidecl::openapi::default_response<error, apidecl::json>;
///
/// says which type that body is, for the caller to decode and for `apidecl::openapi::document`
/// to describe. The client itself does not read it.
namespace apidecl::openapi {

template <class Body = no_content, class Media = no_media, class... Headers>
struct default_response {
  using body = Body;
  using media = Media;
  using headers = apidecl::detail::type_list<Headers...>;
};

}  // namespace apidecl::openapi

#endif
