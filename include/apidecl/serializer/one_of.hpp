#ifndef APIDECL_SERIALIZER_ONE_OF_HPP
#define APIDECL_SERIALIZER_ONE_OF_HPP

#include <apidecl/serializer/fields.hpp>

#include <string_view>
#include <type_traits>
#include <variant>

/// A body field or body that is one of several types (OpenAPI's `oneOf` and `anyOf`): a
/// `std::variant` of them. How a serializer tells which one a value is:
///
/// - **With a discriminator**, when every alternative is a struct that says which property names it
///   and by what text, next to its fields:
///
///       struct cat {
///         BOOST_HANA_DEFINE_STRUCT(cat, (std::string, pet_type), (bool, hunts));
///         static constexpr std::string_view discriminator_property = "petType";
///         static constexpr std::string_view discriminator_value = "cat";
///       };
///       using pet = std::variant<cat, dog>;
///
///   Decoding reads that property and decodes the alternative it names; a value without it, with
///   one that is not a string, or with text no alternative declares is a decode error naming the
///   property. Encoding writes the alternative and its discriminator: a field of that name left
///   empty is given the alternative's text, one holding another text is refused.
/// - **Without one**, the first alternative, in declaration order, that decodes without an error
///   is the value (as serde's untagged enums do). Decoding ignores unknown fields, so put the
///   alternative with the most required fields first. A value no alternative decodes is an error
///   that gives each alternative's reason.
///
/// Either every alternative declares a discriminator or none does; the property is the same for
/// all, and the texts differ. Those rules are checked at compile time.
namespace apidecl {

namespace diagnostic {
template <class Variant> inline constexpr bool discriminator_on_some_alternatives = false;
template <class Variant> inline constexpr bool discriminators_disagree = false;
}  // namespace diagnostic

namespace detail {

template <class T, class = void>
struct declares_discriminator : std::false_type {};
template <class T>
struct declares_discriminator<T, std::void_t<decltype(T::discriminator_property), decltype(T::discriminator_value)>>
    : std::true_type {};

template <class Variant> struct one_of_traits;
template <class First, class... Rest>
struct one_of_traits<std::variant<First, Rest...>> {
  static constexpr bool discriminated = declares_discriminator<First>::value;
  static constexpr bool all_or_none = ((declares_discriminator<Rest>::value == discriminated) && ...);

  static constexpr bool consistent() noexcept {
    if constexpr (!discriminated || !all_or_none) {
      return true;
    } else {
      std::string_view const properties[] = {First::discriminator_property, Rest::discriminator_property...};
      std::string_view const values[] = {First::discriminator_value, Rest::discriminator_value...};
      for (std::size_t i = 0; i < sizeof...(Rest) + 1; ++i) {
        if (properties[i] != properties[0]) return false;
        for (std::size_t j = 0; j < i; ++j)
          if (values[i] == values[j]) return false;
      }
      return true;
    }
  }
};
}  // namespace detail

/// Whether the variant `Variant` says which alternative a value is by a discriminator property.
template <class Variant>
inline constexpr bool is_discriminated_v = detail::one_of_traits<Variant>::discriminated;

/// The discriminator property of the discriminated variant `Variant`.
template <class Variant>
inline constexpr std::string_view discriminator_property_v =
    std::variant_alternative_t<0, Variant>::discriminator_property;

/// Whether `Variant` follows the rules above.
template <class Variant>
inline constexpr bool is_valid_one_of_v =
    detail::one_of_traits<Variant>::all_or_none && detail::one_of_traits<Variant>::consistent();

/// Checks the rules above for `Variant`, with one readable error each; a caller instantiates
/// nothing more of a variant that breaks them, so that this error is the only one.
template <class Variant>
constexpr void check_one_of() noexcept {
  using traits = detail::one_of_traits<Variant>;
  if constexpr (!traits::all_or_none)
    static_assert(diagnostic::discriminator_on_some_alternatives<Variant>,
                  "apidecl: either every alternative of a variant body declares discriminator_property and "
                  "discriminator_value, or none does");
  else if constexpr (!traits::consistent())
    static_assert(diagnostic::discriminators_disagree<Variant>,
                  "apidecl: the alternatives of a variant body must declare the same discriminator_property and "
                  "different discriminator_values");
}

}  // namespace apidecl

#endif
