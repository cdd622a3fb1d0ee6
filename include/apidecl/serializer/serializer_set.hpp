#ifndef APIDECL_SERIALIZER_SERIALIZER_SET_HPP
#define APIDECL_SERIALIZER_SERIALIZER_SET_HPP

#include <apidecl/detail/type_list.hpp>
#include <apidecl/serializer/serializer.hpp>

#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace apidecl {

namespace diagnostic {
template <class Media, class... Serializers> inline constexpr bool serializer_set_lacks_media_type = false;
}  // namespace diagnostic

namespace detail {
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
      static_assert(diagnostic::serializer_set_lacks_media_type<Media, Serializers...>,
                    "apidecl: get<Media>() asks a serializer_set for a media type none of its serializers handles");
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
