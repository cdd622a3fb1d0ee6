#ifndef APIDECL_AUTH_BUILD_AUTHENTICATED_HPP
#define APIDECL_AUTH_BUILD_AUTHENTICATED_HPP

#include <apidecl/auth/auth.hpp>
#include <apidecl/core/build.hpp>
#include <apidecl/core/writer.hpp>
#include <apidecl/detail/type_list.hpp>
#include <apidecl/serializer/serializer_set.hpp>

#include <iterator>
#include <tuple>
#include <utility>

/// Building a request and authenticating it, into a caller's buffer, with no client: what a
/// program with its own HTTP stack and no heap does (an embedded onDemand user signs this way).
///
///     char buffer[1024];
///     auto signed_request = apidecl::build_authenticated(ondemand::authorize_quote, buffer, serializers, signer,
///                                                        ondemand::quote_id = "795", apidecl::body = quote);
///
/// The Auth policy adds its fields after the endpoint's and supplies its arguments (cielo24's
/// `api_token`) to the endpoints that declare them, exactly as a client's call does; a client
/// authenticates each attempt anew, so a retry needs a new call here too.
namespace apidecl {

namespace detail {
template <class Endpoint, class Buffer, class Serializers, class Auth, class... Args>
build_result build_and_authenticate(Buffer& buffer, Serializers const& serializers, Auth& auth, Args const&... args) {
  if constexpr (!is_auth_v<Auth>) {
    diagnose_auth<Auth>();
    return after_error{};
  } else {
    return std::apply(
        [&](auto const&... supplied) -> build_result {
          writer out(std::data(buffer), std::size(buffer));
          build_result const built = build_into<Endpoint>(out, serializers, args..., supplied...);
          if (!built) return built;
          return authenticate(auth, *built, out);
        },
        supplied_arguments<Endpoint, Args...>(auth));
  }
}
}  // namespace detail

/// Builds the request of `endpoint` for `args` into `buffer` (any contiguous range of char) and
/// lets `auth` authenticate it. An endpoint with a body takes a `serializer_set` before `auth`.
/// With a buffer too small, the error says how many bytes are needed: for the request, if it did
/// not fit, else for the request and the Auth policy's fields.
template <class Endpoint, class Buffer, class First, class Second, class... Rest>
build_result build_authenticated(Endpoint const&, Buffer& buffer, First&& first, Second&& second, Rest const&... rest) {
  if constexpr (detail::is_serializer_set<detail::remove_cvref_t<First>>::value)
    return detail::build_and_authenticate<Endpoint>(buffer, first, second, rest...);
  else
    return detail::build_and_authenticate<Endpoint>(buffer, serializer_set<>{}, first, second, rest...);
}

/// Builds and authenticates the request of an endpoint that takes no arguments.
template <class Endpoint, class Buffer, class Auth>
build_result build_authenticated(Endpoint const&, Buffer& buffer, Auth&& auth) {
  return detail::build_and_authenticate<Endpoint>(buffer, serializer_set<>{}, auth);
}

}  // namespace apidecl

#endif
