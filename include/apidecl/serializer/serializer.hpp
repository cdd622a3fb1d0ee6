#ifndef APIDECL_SERIALIZER_SERIALIZER_HPP
#define APIDECL_SERIALIZER_SERIALIZER_HPP

#include <apidecl/core/writer.hpp>
#include <apidecl/detail/type_list.hpp>
#include <apidecl/serializer/codec_result.hpp>

#include <string_view>
#include <type_traits>
#include <utility>

/// **Serializer requirement.** Encodes request bodies and decodes response bodies of one media
/// type. A type `S` is a Serializer if, for an `S const& s`, an `apidecl::writer& out`, a
/// `std::string_view text`, and a body type `T` it supports with `T const& value` and `T& target`,
///
///     typename S::media_type                             // a media type tag (media_type.hpp)
///     apidecl::encode_result e = s.encode(value, out);   // appends the encoded value to out
///     apidecl::decode_result d = s.decode(text, target); // fills target from text
///
/// are valid. Neither throws. `decode` ignores what it does not know (unknown fields), and reports
/// a missing required part, a wrong type or malformed text as a `decode_result` naming where in
/// the body it is. A serializer need only support the types its users give it.
///
/// If `S::media_type` declares a `parameter` (media_type.hpp), `std::string_view v =
/// s.parameter_value(held)` must be valid too: the parameter's value for the body `encode` wrote
/// from the buffer's start, of which `held` is what fit (multipart.hpp's boundary).
///
/// Exemplar:
///
///     struct my_json {
///       using media_type = apidecl::json;
///       template <class T> apidecl::encode_result encode(T const&, apidecl::writer&) const;
///       template <class T> apidecl::decode_result decode(std::string_view, T&) const;
///     };
///     static_assert(apidecl::is_serializer_v<my_json>);
namespace apidecl {

namespace detail {
template <class S, class T, class = void>
struct can_encode : std::false_type {};
template <class S, class T>
struct can_encode<S, T, std::enable_if_t<std::is_same_v<
    decltype(std::declval<S const&>().encode(std::declval<T const&>(), std::declval<writer&>())), encode_result>>>
    : std::true_type {};

template <class S, class T, class = void>
struct can_decode : std::false_type {};
template <class S, class T>
struct can_decode<S, T, std::enable_if_t<std::is_same_v<
    decltype(std::declval<S const&>().decode(std::declval<std::string_view>(), std::declval<T&>())), decode_result>>>
    : std::true_type {};

template <class S, class = void>
struct is_serializer : std::false_type {};
template <class S>
struct is_serializer<S, std::enable_if_t<std::is_convertible_v<decltype(S::media_type::name), std::string_view>>>
    : std::true_type {};

}  // namespace detail

/// Whether `S` models Serializer (names a media type).
template <class S>
inline constexpr bool is_serializer_v = detail::is_serializer<S>::value;

/// Whether `S` can encode a `T`.
template <class S, class T>
inline constexpr bool can_encode_v = detail::can_encode<S, T>::value;

/// Whether `S` can decode into a `T`.
template <class S, class T>
inline constexpr bool can_decode_v = detail::can_decode<S, T>::value;

}  // namespace apidecl

#endif
