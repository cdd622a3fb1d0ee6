#ifndef APIDECL_CORE_PARAM_HPP
#define APIDECL_CORE_PARAM_HPP

#include <apidecl/core/constraint.hpp>

#include <string_view>
#include <type_traits>
#include <utility>

/// Parameters of an endpoint, and the named arguments that give them values.
///
/// A parameter is a struct deriving from `path_param`, `query` or `header` that names itself:
///
///     struct job_id : apidecl::query<std::string_view, apidecl::hex> {
///       static constexpr std::string_view name = "job_id";
///     };
///     inline constexpr apidecl::keyword<job_id> job_id_arg{};   // callers write job_id_arg = "64be..."
///
/// The options after the value type may come in any order: at most one presence (`required`, the
/// default; `optional`, left out of the request when not given; `defaulted`, sent with the parameter's
/// `static constexpr default_value` when not given; `fixed`, always sent with its
/// `static constexpr std::string_view value` and never given by the caller), `secret` (never shown:
/// `***` in every text made of the request) and any number of Constraints, which must all hold. Value types are `std::string_view` (any argument convertible
/// to it), an integer type (any integer argument but `bool`), or `bool` ("true"/"false").
namespace apidecl {

/// Where a parameter goes in the request.
enum class location { path, query, header, body };

/// How a parameter's presence in a call is decided.
enum class presence { required, optional, defaulted, fixed };

/// Presence options for a parameter declaration.
struct required {};
struct optional {};
struct defaulted {};
struct fixed {};
/// Marks a parameter whose value must never be shown: every text the library makes of a request
/// for an observer or a log shows it as `***` (a token, a password, a key).
struct secret {};

namespace detail {
template <class T> struct presence_of { static constexpr bool is_presence = false; static constexpr presence value = presence::required; };
template <> struct presence_of<required> { static constexpr bool is_presence = true; static constexpr presence value = presence::required; };
template <> struct presence_of<optional> { static constexpr bool is_presence = true; static constexpr presence value = presence::optional; };
template <> struct presence_of<defaulted> { static constexpr bool is_presence = true; static constexpr presence value = presence::defaulted; };
template <> struct presence_of<fixed> { static constexpr bool is_presence = true; static constexpr presence value = presence::fixed; };

template <class... Options>
constexpr presence presence_from() noexcept {
  presence p = presence::required;
  ((p = presence_of<Options>::is_presence ? presence_of<Options>::value : p), ...);
  return p;
}

template <class Done, class... Options> struct constraints_from { using type = Done; };
template <class... Done, class First, class... Rest>
struct constraints_from<all_of<Done...>, First, Rest...>
    : constraints_from<std::conditional_t<presence_of<First>::is_presence || std::is_same_v<First, secret>,
                                          all_of<Done...>, all_of<Done..., First>>,
                       Rest...> {};

template <class T>
inline constexpr bool is_param_value_v =
    std::is_same_v<T, std::string_view> || std::is_integral_v<T>;
}  // namespace detail

/// The base of every parameter declaration; use `path_param`, `query` or `header`.
template <location Where, class Value, class... Options>
struct parameter {
  static_assert(detail::is_param_value_v<Value>,
                "apidecl: a parameter's value type must be std::string_view, an integer type or bool");
  static_assert((... && (detail::presence_of<Options>::is_presence || std::is_same_v<Options, secret> ||
                         is_constraint_v<Options>)),
                "apidecl: a parameter option must be a presence (required, optional, defaulted, fixed), secret, or "
                "a Constraint (a type with static violation(std::string_view))");
  static_assert((0 + ... + int(detail::presence_of<Options>::is_presence)) <= 1,
                "apidecl: a parameter takes at most one presence (required, optional, defaulted, fixed)");

  static constexpr apidecl::location where = Where;
  using value_type = Value;
  static constexpr apidecl::presence presence = detail::presence_from<Options...>();
  static constexpr bool is_secret = (std::is_same_v<Options, secret> || ...);
  using constraint = typename detail::constraints_from<all_of<>, Options...>::type;
};

/// A `{name}` segment of the path template. Always required.
template <class Value, class... Constraints>
struct path_param : parameter<location::path, Value, Constraints...> {
  static_assert((... && !detail::presence_of<Constraints>::is_presence),
                "apidecl: a path parameter is always required; drop the presence option");
};

/// A query-string parameter.
template <class Value, class... Options>
struct query : parameter<location::query, Value, Options...> {};

/// A request header.
template <class Value, class... Options>
struct header : parameter<location::header, Value, Options...> {};

/// The request body, given with `apidecl::body = value`.
struct body_parameter {
  static constexpr std::string_view name = "body";
  static constexpr apidecl::location where = apidecl::location::body;
  static constexpr apidecl::presence presence = apidecl::presence::required;
};

/// A named argument: the value `Value` (a reference for lvalues) for `Parameter`.
template <class Parameter, class Value>
struct arg {
  using parameter = Parameter;
  Value value;
};

/// The object callers assign to, `keyword = value`, to name an argument.
template <class Parameter>
struct keyword {
  using parameter = Parameter;
  template <class Value>
  constexpr arg<Parameter, Value> operator=(Value&& value) const noexcept(
      std::is_nothrow_constructible_v<Value, Value&&>) {
    return {std::forward<Value>(value)};
  }
};

/// The keyword for a request body: `apidecl::body = quote`.
inline constexpr keyword<body_parameter> body{};

}  // namespace apidecl

#endif
