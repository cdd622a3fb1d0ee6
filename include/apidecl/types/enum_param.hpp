#ifndef APIDECL_TYPES_ENUM_PARAM_HPP
#define APIDECL_TYPES_ENUM_PARAM_HPP

#include <apidecl/core/param.hpp>
#include <apidecl/types/enum_names.hpp>

#include <string_view>

/// Parameters whose allowed values are an enumeration's names (enum_names.hpp). The parameter is
/// declared with a `std::string_view` value, as every text parameter is, and constrained to the
/// names; callers give it an enumerator through an `enum_keyword`:
///
///     enum class fidelity { mechanical, premium, professional };   // with enum_names(fidelity)
///     struct fidelity_param : apidecl::query<std::string_view, apidecl::enum_value<fidelity>> {
///       static constexpr std::string_view name = "transcription_fidelity";
///     };
///     inline constexpr apidecl::enum_keyword<fidelity_param, fidelity> transcription_fidelity{};
///     api.call(endpoint, transcription_fidelity = fidelity::premium);   // sends ...=PREMIUM
namespace apidecl {

/// A Constraint (constraint.hpp): the text is the wire name of an `Enum` value.
template <class Enum>
struct enum_value {
  static_assert(has_enum_names_v<Enum>, "apidecl: enum_value<Enum> needs enum_names(Enum) (see enum_names.hpp)");
  static constexpr std::string_view violation(std::string_view text) noexcept {
    if (enum_from_text<Enum>(text)) return {};
    return "is not one of its allowed values";
  }
};

/// The keyword of a parameter constrained to `Enum`'s names: `keyword = Enum::x` gives the
/// argument the name of `x`. The names are static, so the argument holds only a view of one.
/// An enumerator without a name gives an empty text, which `enum_value` refuses when the request
/// is built.
template <class Parameter, class Enum>
struct enum_keyword {
  static_assert(has_enum_names_v<Enum>, "apidecl: enum_keyword<Parameter, Enum> needs enum_names(Enum)");
  using parameter = Parameter;
  constexpr arg<Parameter, std::string_view> operator=(Enum value) const noexcept { return {enum_to_text(value)}; }
};

}  // namespace apidecl

#endif
