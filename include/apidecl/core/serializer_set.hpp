#ifndef APIDECL_CORE_SERIALIZER_SET_HPP
#define APIDECL_CORE_SERIALIZER_SET_HPP

#include <apidecl/core/codec_status.hpp>
#include <apidecl/core/writer.hpp>
#include <apidecl/detail/type_list.hpp>

#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace apidecl {

namespace diagnostic {
template <class Media, class... Serializers>
struct no_serializer_for_media_type {
  static_assert(detail::always_false<Media, Serializers...>,
                "apidecl: the endpoint uses a media type that no serializer of this client or call handles: "
                "add one whose media_type is that type (e.g. apidecl::boost_json_serializer from "
                "<apidecl/serializer/boost_json.hpp> for apidecl::json)");
};
template <class Serializer, class Body>
struct serializer_cannot_encode {
  static_assert(detail::always_false<Serializer, Body>,
                "apidecl: the serializer for this endpoint's media type cannot encode its body type "
                "(for the shipped serializers: make it a Hana Struct of supported field types)");
};
template <class Serializer, class Body>
struct serializer_cannot_decode {
  static_assert(detail::always_false<Serializer, Body>,
                "apidecl: the serializer for this response's media type cannot decode its body type "
                "(for the shipped serializers: make it a Hana Struct of supported field types)");
};
}  // namespace diagnostic

namespace detail {
template <class S, class T, class = void>
struct can_encode : std::false_type {};
template <class S, class T>
struct can_encode<S, T, std::enable_if_t<std::is_same_v<
    decltype(std::declval<S const&>().encode(std::declval<T const&>(), std::declval<writer&>())), encode_status>>>
    : std::true_type {};

template <class S, class T, class = void>
struct can_decode : std::false_type {};
template <class S, class T>
struct can_decode<S, T, std::enable_if_t<std::is_same_v<
    decltype(std::declval<S const&>().decode(std::declval<std::string_view>(), std::declval<T&>())), decode_status>>>
    : std::true_type {};

template <class Media, class... Serializers>
struct serializer_for {
  using type = type_at_t<index_of<Media, typename Serializers::media_type...>(), type_list<Serializers...>>;
};
}  // namespace detail

/// The Serializers a client or a call may use, at most one per media type; the one whose
/// `media_type` is an endpoint's media type encodes and decodes its bodies.
template <class... Serializers>
class serializer_set {
 public:
  constexpr serializer_set(Serializers... s) : members_(std::move(s)...) {}  // NOLINT: {} is the empty set

  /// Whether a serializer for `Media` is in the set.
  template <class Media>
  static constexpr bool handles = detail::index_of<Media, typename Serializers::media_type...>() != detail::npos;

  /// The type of the serializer for `Media`, which the set must handle.
  template <class Media>
  using serializer_for = typename detail::serializer_for<Media, Serializers...>::type;

  /// The serializer for `Media`.
  template <class Media>
  constexpr auto const& get() const noexcept {
    constexpr std::size_t index = detail::index_of<Media, typename Serializers::media_type...>();
    if constexpr (index == detail::npos) {
      (void)sizeof(diagnostic::no_serializer_for_media_type<Media, Serializers...>);
      return *this;
    } else {
      return std::get<index>(members_);
    }
  }

 private:
  std::tuple<Serializers...> members_;
};

template <class... Serializers>
serializer_set(Serializers...) -> serializer_set<Serializers...>;

}  // namespace apidecl

#endif
