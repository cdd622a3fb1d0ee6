#ifndef APIDECL_CORE_CHECK_CODECS_HPP
#define APIDECL_CORE_CHECK_CODECS_HPP

#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/detail/type_list.hpp>
#include <apidecl/serializer/serializer.hpp>
#include <apidecl/serializer/serializer_set.hpp>

#include <cstddef>
#include <type_traits>

/// The compile-time check that a `serializer_set` can carry an Endpoint's bodies: a serializer for
/// each media type, able to encode the request body and to decode each documented response body.
/// Building checks the request's part, decoding the responses', a client call both; only the first
/// problem is reported, as one `static_assert` whose condition names the serializer and the body.
namespace apidecl {

/// The conditions of the static_asserts a user sees, named after the problem; their template
/// arguments name the media type or serializer and the body type concerned.
namespace diagnostic {
template <class Media, class Serializers> inline constexpr bool no_serializer_for_media_type = false;
template <class Serializer, class Body> inline constexpr bool serializer_cannot_encode = false;
template <class Serializer, class Body> inline constexpr bool serializer_cannot_decode = false;
}  // namespace diagnostic

namespace detail {

/// Which of an endpoint's bodies a use of it carries.
enum class bodies { request = 1, responses = 2, both = 3 };

enum class codec_problem { none, no_request_serializer, cannot_encode, no_response_serializer, cannot_decode };
struct codec_finding {
  codec_problem problem = codec_problem::none;
  std::size_t index = 0;  // of the response concerned
};

template <class Serializers, class Media, class Body>
constexpr codec_problem decoding_problem() noexcept {
  if constexpr (std::is_same_v<Body, no_content>) return codec_problem::none;
  else if constexpr (!Serializers::template handles<Media>) return codec_problem::no_response_serializer;
  else if constexpr (!can_decode_v<typename Serializers::template serializer_for<Media>, Body>)
    return codec_problem::cannot_decode;
  else return codec_problem::none;
}

template <class E, class Serializers>
constexpr codec_problem encoding_problem() noexcept {
  if constexpr (!endpoint_has_body_v<E>) return codec_problem::none;
  else if constexpr (!Serializers::template handles<typename E::body::media>) return codec_problem::no_request_serializer;
  else if constexpr (!can_encode_v<typename Serializers::template serializer_for<typename E::body::media>,
                                   typename E::body::type>)
    return codec_problem::cannot_encode;
  else return codec_problem::none;
}

template <class E, class Serializers, bodies Carried, class... On>
constexpr codec_finding find_codec_problem(responses<On...>) noexcept {
  if constexpr ((static_cast<int>(Carried) & static_cast<int>(bodies::request)) != 0)
    if constexpr (constexpr codec_problem p = encoding_problem<E, Serializers>(); p != codec_problem::none) return {p, 0};
  if constexpr ((static_cast<int>(Carried) & static_cast<int>(bodies::responses)) != 0) {
    constexpr codec_problem problems[] = {decoding_problem<Serializers, typename On::media, typename On::body>()...,
                                          codec_problem::none};
    for (std::size_t i = 0; i < sizeof...(On); ++i)
      if (problems[i] != codec_problem::none) return {problems[i], i};
  }
  return {};
}

/// Whether `Serializers` carry the bodies of `E` that `Carried` names; `E` must be an Endpoint.
template <class E, class Serializers, bodies Carried>
constexpr bool carries_bodies() noexcept {
  return find_codec_problem<E, Serializers, Carried>(typename E::responses{}).problem == codec_problem::none;
}

template <std::size_t I, class R> struct response_case;
template <std::size_t I, class... On>
struct response_case<I, responses<On...>> { using type = type_at_t<I, type_list<On...>>; };

// The media type no serializer handles: the request body's, or the I-th response's.
template <class E, codec_problem P, std::size_t I>
struct unhandled_media { using type = typename response_case<I, typename E::responses>::type::media; };
template <class E, std::size_t I>
struct unhandled_media<E, codec_problem::no_request_serializer, I> { using type = typename E::body::media; };

/// Makes the one compiler error that says why `Serializers` cannot carry the bodies of `E`. The
/// static_asserts are right here, and entry points call this directly, so that the compiler's
/// backtrace stays short.
template <class E, class Serializers, bodies Carried>
void diagnose_codecs() noexcept {
  using problem = codec_problem;
  using namespace diagnostic;
  constexpr codec_finding finding = find_codec_problem<E, Serializers, Carried>(typename E::responses{});
  if constexpr (finding.problem == problem::no_request_serializer || finding.problem == problem::no_response_serializer) {
    using media = typename unhandled_media<E, finding.problem, finding.index>::type;
    static_assert(no_serializer_for_media_type<media, Serializers>,
                  "apidecl: the endpoint uses a media type that no serializer of this client or call handles: "
                  "add one whose media_type is that type (e.g. apidecl::boost_json_serializer from "
                  "<apidecl/serializer/boost_json.hpp> for apidecl::json)");
  } else if constexpr (finding.problem == problem::cannot_encode) {
    using encoder = typename Serializers::template serializer_for<typename E::body::media>;
    static_assert(serializer_cannot_encode<encoder, typename E::body::type>,
                  "apidecl: the serializer for this endpoint's media type cannot encode its body type (for the "
                  "shipped serializers: declare its fields with BOOST_HANA_DEFINE_STRUCT or BOOST_DESCRIBE_STRUCT, "
                  "each of a type the serializer supports)");
  } else if constexpr (finding.problem == problem::cannot_decode) {
    using failing = typename response_case<finding.index, typename E::responses>::type;
    using decoder = typename Serializers::template serializer_for<typename failing::media>;
    static_assert(serializer_cannot_decode<decoder, typename failing::body>,
                  "apidecl: the serializer for this response's media type cannot decode its body type (for the "
                  "shipped serializers: declare its fields with BOOST_HANA_DEFINE_STRUCT or BOOST_DESCRIBE_STRUCT, "
                  "each of a type the serializer supports)");
  }
}

}  // namespace detail

}  // namespace apidecl

#endif
