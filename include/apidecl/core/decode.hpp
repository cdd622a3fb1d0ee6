#ifndef APIDECL_CORE_DECODE_HPP
#define APIDECL_CORE_DECODE_HPP

#include <apidecl/core/check_endpoint.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/core/result.hpp>
#include <apidecl/serializer/codec_result.hpp>
#include <apidecl/serializer/serializer_set.hpp>

#include <optional>
#include <string>
#include <type_traits>
#include <utility>

/// Turning a received response into a `result`: the body of a documented status is decoded into
/// its declared type by the serializer for its media type; any other status is kept whole as
/// `unexpected_status`; a body that does not decode becomes a `decode_error` that keeps the response.
namespace apidecl {

namespace detail {

template <class E, class On, class Serializers>
result<E> decode_documented(response const& r, Serializers const& serializers) {
  using body_type = typename On::body;
  using case_type = case_of_t<On>;
  // Decoded where the result keeps it, and that result returned, so the body is never moved.
  result<E> decoded(std::in_place_type<case_type>);
  case_type& held = result_access::held<case_type>(decoded);
  if constexpr (!std::is_same_v<body_type, no_content>) {
    decode_result const status = serializers.template get<typename On::media>().decode(r.body, held.body);
    if (!status) {
      result_access::emplace<failure>(decoded, decode_error{status.where(), status.what(), r.status,
                                                            std::string(r.headers.text()), std::string(r.body)});
      return decoded;
    }
  }
  if constexpr (On::headers::size > 0) {
    if (std::optional<header_problem> problem = read_headers(r.headers, held.headers)) {
      result_access::emplace<failure>(decoded, decode_error{std::string(problem->name), std::move(problem->what), r.status,
                                                            std::string(r.headers.text()), std::string(r.body), true});
      return decoded;
    }
  }
  result_access::headers(decoded).assign(r.headers.text());
  return decoded;
}

// The result for `r.status`: the first of `On...` documenting it, or unexpected. Returned
// straight from the case that matches, so the decoded body is not moved on the way out.
template <class E, class First, class... On, class Serializers>
result<E> decode_by_status(response const& r, Serializers const& serializers) {
  if (r.status == First::code) return decode_documented<E, First>(r, serializers);
  if constexpr (sizeof...(On) > 0) return decode_by_status<E, On...>(r, serializers);
  else return unexpected_status{r.status, std::string(r.headers.text()), std::string(r.body)};
}

enum class decoding { possible, no_serializer, unsupported_body };

template <class On, class Serializers>
constexpr decoding decoding_of() noexcept {
  if constexpr (std::is_same_v<typename On::body, no_content>) return decoding::possible;
  else if constexpr (!Serializers::template handles<typename On::media>) return decoding::no_serializer;
  else if constexpr (!can_decode<typename Serializers::template serializer_for<typename On::media>,
                                 typename On::body>::value)
    return decoding::unsupported_body;
  else return decoding::possible;
}

template <class E, class Serializers, class... On>
result<E> decode_checked(responses<On...>, response const& r, Serializers const& serializers) {
  constexpr std::size_t first = first_false<(decoding_of<On, Serializers>() == decoding::possible)...>();
  if constexpr (first < sizeof...(On)) {
    using failing = type_at_t<first, type_list<On...>>;
    if constexpr (decoding_of<failing, Serializers>() == decoding::no_serializer)
      (void)sizeof(diagnostic::no_serializer_for_media_type<typename failing::media, Serializers>);
    else
      (void)sizeof(diagnostic::serializer_cannot_decode<
                   typename Serializers::template serializer_for<typename failing::media>, typename failing::body>);
    return after_error{};
  } else {
    return decode_by_status<E, On...>(r, serializers);
  }
}

}  // namespace detail

/// Decodes the response `r` of a call to `Endpoint` with `serializers`.
template <class Endpoint, class Serializers>
result<Endpoint> decode(Endpoint const&, response const& r, Serializers const& serializers) {
  if constexpr (is_endpoint_v<Endpoint>) {
    return detail::decode_checked<Endpoint>(typename Endpoint::responses{}, r, serializers);
  } else {
    detail::diagnose_endpoint<Endpoint>();
    return detail::after_error{};
  }
}

}  // namespace apidecl

#endif
