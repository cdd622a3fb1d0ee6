#ifndef APIDECL_CORE_ENDPOINT_HPP
#define APIDECL_CORE_ENDPOINT_HPP

#include <apidecl/core/media_type.hpp>
#include <apidecl/core/method.hpp>
#include <apidecl/core/param.hpp>
#include <apidecl/detail/type_list.hpp>

#include <string_view>
#include <type_traits>

/// The vocabulary of endpoint descriptors.
///
/// **Endpoint requirement.** An Endpoint is a type `E` with
///
///     static constexpr apidecl::method method = apidecl::method::get;
///     static constexpr std::string_view path = "/v2/widgets/{widget_id}";
///     using responses = apidecl::responses<apidecl::on<200, widget, apidecl::json>, ...>;  // or on_range
///
/// and optionally
///
///     using params = apidecl::params<widget_id, expand>;      // parameter declarations (param.hpp)
///     using exactly_one_of = apidecl::params<password, key>;  // optional parameters a call gives one of
///     using body = apidecl::request_body<widget, apidecl::json>;
///     static constexpr bool idempotent = true;                // default: from the method
///     static constexpr int retryable_statuses[] = {503};     // default: 408 429 500 502 503 504
///
/// Every entry point checks the descriptor (check_endpoint.hpp): each `{placeholder}` has a path
/// parameter and each path parameter a placeholder, names are unique, status codes are unique and
/// within 100-599, a body is declared only where the method allows one, and `exactly_one_of` lists
/// optional parameters of the endpoint. A call (check_call.hpp) then gives exactly one of those:
/// alternatives such as a password or a secure key, which a service refuses both and neither of.
namespace apidecl {

/// The parameters of an endpoint, in the order they are written to the request.
template <class... Parameters>
using params = detail::type_list<Parameters...>;

/// The body type of a response that carries none.
struct no_content {
  friend constexpr bool operator==(no_content, no_content) noexcept { return true; }
};

/// A documented response: status `Code` carries a `Body` in `Media`, and the typed header fields
/// `Headers...` (response_header.hpp).
template <int Code, class Body = no_content, class Media = no_media, class... Headers>
struct on {
  static constexpr int code = Code;
  static constexpr int last = Code;
  using body = Body;
  using media = Media;
  using headers = detail::type_list<Headers...>;
};

/// A documented range of statuses, `First` to `Last`: any of them carries a `Body` in `Media` and
/// the header fields `Headers...` ("4XX" in OpenAPI, "4xx errors" in a service's reference). A
/// status an endpoint documents on its own is decoded as that, whatever range holds it too.
template <int First, int Last, class Body = no_content, class Media = no_media, class... Headers>
struct on_range {
  static constexpr int code = First;
  static constexpr int last = Last;
  using body = Body;
  using media = Media;
  using headers = detail::type_list<Headers...>;
};

/// The documented responses of an endpoint.
template <class... On>
struct responses {};

/// The request body of an endpoint: a `Body` encoded as `Media`.
template <class Body, class Media>
struct request_body {
  using type = Body;
  using media = Media;
};

namespace detail {
template <class E, class = void> struct params_of { using type = type_list<>; };
template <class E> struct params_of<E, std::void_t<typename E::params>> { using type = typename E::params; };
template <class E, class = void> struct alternatives_of { using type = type_list<>; };
template <class E>
struct alternatives_of<E, std::void_t<typename E::exactly_one_of>> { using type = typename E::exactly_one_of; };

template <class E, class = void> struct has_body : std::false_type {};
template <class E> struct has_body<E, std::void_t<typename E::body>> : std::true_type {};

template <class E, class = void> struct idempotence_of {
  static constexpr bool value = method_is_idempotent(E::method);
};
template <class E> struct idempotence_of<E, std::void_t<decltype(E::idempotent)>> {
  static constexpr bool value = E::idempotent;
};
}  // namespace detail

/// The parameter list of `Endpoint`, empty when it declares none.
template <class Endpoint>
using endpoint_params_t = typename detail::params_of<Endpoint>::type;

/// The parameters of which a call to `Endpoint` gives exactly one, empty when it declares none.
template <class Endpoint>
using endpoint_alternatives_t = typename detail::alternatives_of<Endpoint>::type;

/// Whether `Endpoint` declares a request body.
template <class Endpoint>
inline constexpr bool endpoint_has_body_v = detail::has_body<Endpoint>::value;

/// Whether repeating a request to `Endpoint` is harmless: the descriptor's `idempotent`, or what
/// RFC 9110 says of its method.
template <class Endpoint>
inline constexpr bool endpoint_is_idempotent_v = detail::idempotence_of<Endpoint>::value;

}  // namespace apidecl

#endif
