#ifndef APIDECL_CORE_CHECK_CALL_HPP
#define APIDECL_CORE_CHECK_CALL_HPP

#include <apidecl/core/check_endpoint.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/param.hpp>

#include <cstddef>
#include <string_view>
#include <type_traits>

/// The compile-time check of a call's named arguments against its Endpoint. Only the first problem
/// is reported, as one `static_assert` whose enclosing template names the endpoint and the parameter.
namespace apidecl {

namespace detail {
template <class T>
using remove_cvref_t = std::remove_cv_t<std::remove_reference_t<T>>;
template <class E, class... Args>
constexpr bool is_valid_call() noexcept;
}  // namespace detail

/// Whether calling `Endpoint` with `Args` is well-formed: the descriptor checks out, and every
/// argument is named, declared, given once, not fixed and of a fitting type, and every required
/// parameter is given. Never fails to compile, so it also serves for cheap negative tests.
template <class Endpoint, class... Args>
inline constexpr bool is_valid_call_v = detail::is_valid_call<Endpoint, detail::remove_cvref_t<Args>...>();

/// `is_valid_call_v` for a call as it would be written, for use in `decltype`:
/// `static_assert(!decltype(apidecl::is_valid_call(c24::delete_job, c24::api_token = t))::value);`
template <class Endpoint, class... Args>
constexpr std::bool_constant<is_valid_call_v<Endpoint, Args...>> is_valid_call(Endpoint const&, Args const&...) noexcept {
  return {};
}

namespace diagnostic {
template <class Endpoint, class Argument>
struct argument_is_not_named {
  static_assert(detail::always_false<Endpoint, Argument>,
                "apidecl: arguments are passed by name: write parameter = value, e.g. job_id = id");
};
template <class Endpoint, class Parameter>
struct endpoint_has_no_such_parameter {
  static_assert(detail::always_false<Endpoint, Parameter>, "apidecl: the call passes a parameter this endpoint does not declare");
};
template <class Endpoint, class Parameter>
struct parameter_is_given_twice {
  static_assert(detail::always_false<Endpoint, Parameter>, "apidecl: the call gives the same parameter twice");
};
template <class Endpoint, class Parameter>
struct fixed_parameter_is_not_for_the_caller {
  static_assert(detail::always_false<Endpoint, Parameter>,
                "apidecl: the call gives a fixed parameter; the library always sends its declared value");
};
template <class Endpoint, class Parameter, class Argument>
struct argument_has_the_wrong_type {
  static_assert(detail::always_false<Endpoint, Parameter, Argument>,
                "apidecl: an argument's type does not fit its parameter (std::string_view parameters take text, "
                "integer parameters take integers, bool parameters take bool, the body takes the declared body type)");
};
template <class Endpoint, class Parameter>
struct missing_required_parameter {
  static_assert(detail::always_false<Endpoint, Parameter>, "apidecl: the call lacks a required parameter");
};
}  // namespace diagnostic

namespace detail {

template <class T> struct is_arg : std::false_type {};
template <class P, class V> struct is_arg<arg<P, V>> : std::true_type {};

template <class E, class P>
struct accepts {
  template <class V>
  static constexpr bool value() noexcept {
    using A = remove_cvref_t<V>;
    if constexpr (std::is_same_v<P, body_parameter>)
      return std::is_convertible_v<A const&, typename E::body::type const&>;
    else if constexpr (std::is_same_v<typename P::value_type, std::string_view>)
      return std::is_convertible_v<A const&, std::string_view>;
    else if constexpr (std::is_same_v<typename P::value_type, bool>)
      return std::is_same_v<A, bool>;
    else
      return std::is_integral_v<A> && !std::is_same_v<A, bool>;
  }
};

template <class E, class P>
constexpr bool declares() noexcept {
  if constexpr (std::is_same_v<P, body_parameter>) return endpoint_has_body_v<E>;
  else return index_of_in<P>(endpoint_params_t<E>{}) != npos;
}

enum class call_problem { none, not_named, unknown, duplicate, fixed_given, wrong_type, missing_parameter, missing_body };
struct call_finding {
  call_problem problem = call_problem::none;
  std::size_t index = 0;
};

template <class... Args>
constexpr std::size_t first_repeated() noexcept {
  constexpr std::size_t first_index[] = {index_of<typename Args::parameter, typename Args::parameter...>()..., 0};
  std::size_t i = 0;
  while (i < sizeof...(Args) && first_index[i] == i) ++i;
  return i;
}

// Each stage runs only when the earlier ones passed, so that it may rely on them.
template <class E, class... Declared, class... Args>
constexpr call_finding find_named_call_problem(type_list<Declared...>, type_list<Args...>) noexcept {
  using problem = call_problem;
  constexpr std::size_t n = sizeof...(Args);
  constexpr std::size_t unknown = first_false<declares<E, typename Args::parameter>()...>();
  constexpr std::size_t repeated = first_repeated<Args...>();
  constexpr std::size_t fixed = first_false<(Args::parameter::presence != presence::fixed)...>();
  if constexpr (unknown < n) return {problem::unknown, unknown};
  else if constexpr (repeated < n) return {problem::duplicate, repeated};
  else if constexpr (fixed < n) return {problem::fixed_given, fixed};
  else {
    constexpr std::size_t unfit =
        first_false<accepts<E, typename Args::parameter>::template value<decltype(Args::value)>()...>();
    constexpr std::size_t missing = first_false<(Declared::presence != presence::required ||
                                                 index_of<Declared, typename Args::parameter...>() != npos)...>();
    if constexpr (unfit < n) return {problem::wrong_type, unfit};
    else if constexpr (missing < sizeof...(Declared)) return {problem::missing_parameter, missing};
    else if constexpr (endpoint_has_body_v<E> && index_of<body_parameter, typename Args::parameter...>() == npos)
      return {problem::missing_body, 0};
    else return {};
  }
}

template <class E, class... Args>
constexpr call_finding find_call_problem() noexcept {
  if constexpr (!(is_arg<Args>::value && ...))
    return {call_problem::not_named, first_false<is_arg<Args>::value...>()};
  else
    return find_named_call_problem<E>(endpoint_params_t<E>{}, type_list<Args...>{});
}

template <class E, call_problem Problem, std::size_t I, class... Args>
constexpr void report_call_problem() noexcept {
  using problem = call_problem;
  using namespace diagnostic;
  if constexpr (Problem == problem::not_named) {
    (void)sizeof(argument_is_not_named<E, type_at_t<I, type_list<Args...>>>);
  } else if constexpr (Problem == problem::missing_parameter) {
    (void)sizeof(missing_required_parameter<E, type_at_t<I, endpoint_params_t<E>>>);
  } else if constexpr (Problem == problem::missing_body) {
    (void)sizeof(missing_required_parameter<E, body_parameter>);
  } else {
    using argument = type_at_t<I, type_list<Args...>>;
    using parameter = typename argument::parameter;
    if constexpr (Problem == problem::unknown) (void)sizeof(endpoint_has_no_such_parameter<E, parameter>);
    else if constexpr (Problem == problem::duplicate) (void)sizeof(parameter_is_given_twice<E, parameter>);
    else if constexpr (Problem == problem::fixed_given) (void)sizeof(fixed_parameter_is_not_for_the_caller<E, parameter>);
    else (void)sizeof(argument_has_the_wrong_type<E, parameter, remove_cvref_t<decltype(argument::value)>>);
  }
}

}  // namespace detail

namespace detail {
template <class E, class... Args>
constexpr bool is_valid_call() noexcept {
  if constexpr (!is_endpoint_v<E>) return false;
  else return find_call_problem<E, Args...>().problem == call_problem::none;
}

/// Makes the one compiler error that says why `E` with `Args` is not a well-formed call: the
/// descriptor's first problem, or else the arguments'.
template <class E, class... Args>
void diagnose_call() noexcept {
  if constexpr (!is_endpoint_v<E>) {
    diagnose_endpoint<E>();
  } else {
    constexpr call_finding finding = find_call_problem<E, Args...>();
    if constexpr (finding.problem != call_problem::none) report_call_problem<E, finding.problem, finding.index, Args...>();
  }
}
}  // namespace detail

}  // namespace apidecl

#endif
