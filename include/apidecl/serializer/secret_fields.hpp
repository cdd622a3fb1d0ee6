#ifndef APIDECL_SERIALIZER_SECRET_FIELDS_HPP
#define APIDECL_SERIALIZER_SECRET_FIELDS_HPP

#include <string_view>
#include <type_traits>

/// A body type may declare fields secret, once, next to its members (a password in a form):
///
///     struct new_password_form {
///       std::string new_password;
///       std::string username;
///       static constexpr std::string_view secret_fields[] = {"new_password"};
///     };
///
/// A request whose body holds such a field, in its own type or in a struct it holds at any depth
/// (`holds_secret_fields_v`, fields.hpp), shows its whole body as `***` in every text made of it
/// for an observer or a log (core/redaction.hpp): a serializer writes the body in one go, so the
/// body, not the field, is the place the library knows. Each entry must name a member.
namespace apidecl {

namespace detail {
template <class T, class = void>
struct has_secret_fields : std::false_type {};
template <class T>
struct has_secret_fields<T, std::void_t<decltype(T::secret_fields)>> : std::true_type {};
}  // namespace detail

/// Whether the body type `T` declares a secret field.
template <class T>
inline constexpr bool has_secret_fields_v = detail::has_secret_fields<T>::value;

}  // namespace apidecl

#endif
