#ifndef APIDECL_CORE_CHECK_CALL_HPP
#define APIDECL_CORE_CHECK_CALL_HPP

#include <apidecl/core/body_source.hpp>
#include <apidecl/core/check_endpoint.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/param.hpp>

#include <cstddef>
#include <string_view>
#include <type_traits>

/// The compile-time check of a call's named arguments against its Endpoint. Only the first problem
/// is reported, as one `static_assert` whose condition names the endpoint and the parameter.
namespace apidecl {

namespace detail {
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

/// The conditions of the static_asserts a user sees: the compiler prints the failing one with its
/// template arguments, which name the endpoint and the parameter (or argument) concerned.
namespace diagnostic {
template <class Endpoint, class Argument> inline constexpr bool argument_is_not_named = false;
template <class Endpoint, class Parameter> inline constexpr bool endpoint_has_no_such_parameter = false;
template <class Endpoint, class Parameter> inline constexpr bool parameter_is_given_twice = false;
template <class Endpoint, class Parameter> inline constexpr bool fixed_parameter_is_not_for_the_caller = false;
template <class Endpoint, class Parameter, class Argument> inline constexpr bool argument_has_the_wrong_type = false;
template <class Endpoint, class ExpectedBody, class Argument> inline constexpr bool body_has_the_wrong_type = false;
template <class Endpoint, class Parameter> inline constexpr bool missing_required_parameter = false;
template <class Endpoint> inline constexpr bool missing_request_body = false;
template <class Endpoint, class Alternatives> inline constexpr bool call_gives_none_of_its_alternatives = false;
template <class Endpoint, class Given, class AlsoGiven> inline constexpr bool call_gives_two_alternatives = false;
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
      return std::is_convertible_v<A const&, typename E::body::type const&> ||
             is_streamed_body_for_v<A, typename E::body::type>;
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

// The parameter and the value type of the I-th argument, for the diagnostics.
template <std::size_t I, class... Args>
using parameter_of_t = typename type_at_t<I, type_list<Args...>>::parameter;
template <std::size_t I, class... Args>
using value_of_t = remove_cvref_t<decltype(type_at_t<I, type_list<Args...>>::value)>;

enum class call_problem {
  none, not_named, unknown, duplicate, fixed_given, wrong_type, missing_parameter, missing_body, no_alternative,
  two_alternatives
};
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

// Of the endpoint's `exactly_one_of`, the call gives one: `index` is the second argument given,
// the first being `first_alternative`.
template <class... Args, class... Alternatives>
constexpr call_finding find_alternatives_problem(type_list<Alternatives...>) noexcept {
  if constexpr (sizeof...(Alternatives) == 0) {
    return {};
  } else {
    constexpr bool given[] = {(index_of<typename Args::parameter, Alternatives...>() != npos)..., false};
    std::size_t count = 0;
    for (std::size_t i = 0; i < sizeof...(Args); ++i)
      if (given[i] && ++count == 2) return {call_problem::two_alternatives, i};
    if (count == 0) return {call_problem::no_alternative, 0};
    return {};
  }
}
template <class... Args>
constexpr std::size_t first_alternative(std::size_t second, type_list<>) noexcept { return second; }
template <class... Args, class... Alternatives>
constexpr std::size_t first_alternative(std::size_t second, type_list<Alternatives...>) noexcept {
  constexpr bool given[] = {(index_of<typename Args::parameter, Alternatives...>() != npos)..., false};
  std::size_t i = 0;
  while (i < second && !given[i]) ++i;
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
    else return find_alternatives_problem<Args...>(endpoint_alternatives_t<E>{});
  }
}

template <class E, class... Args>
constexpr call_finding find_call_problem() noexcept {
  if constexpr (!(is_arg<Args>::value && ...))
    return {call_problem::not_named, first_false<is_arg<Args>::value...>()};
  else
    return find_named_call_problem<E>(endpoint_params_t<E>{}, type_list<Args...>{});
}

}  // namespace detail

namespace detail {
template <class E, class... Args>
constexpr bool is_valid_call() noexcept {
  if constexpr (!is_endpoint_v<E>) return false;
  else return find_call_problem<E, Args...>().problem == call_problem::none;
}


/// Makes the one compiler error that says why `E` with `Args` is not a well-formed call: the
/// descriptor's first problem (find_endpoint_problem), or else the arguments'. Every static_assert
/// is right here, not in further templates, so that the compiler's backtrace stays short; entry
/// points call this directly, in the branch they take when `is_valid_call` is false (with no
/// `Args` where only the descriptor is checked, as `decode` does).
template <class E, class... Args>
void diagnose_call() noexcept {
  using problem = call_problem;
  using namespace diagnostic;
  if constexpr (!is_endpoint_v<E>) {
    constexpr endpoint_finding endpoint = find_endpoint_problem<E>();
    if constexpr (endpoint.problem == endpoint_problem::no_method)
      static_assert(endpoint_lacks_method<E>,
                    "apidecl: an Endpoint needs 'static constexpr apidecl::method method = ...;'");
    else if constexpr (endpoint.problem == endpoint_problem::no_path)
      static_assert(endpoint_lacks_path<E>,
                    "apidecl: an Endpoint needs 'static constexpr std::string_view path = \"/...\";'");
    else if constexpr (endpoint.problem == endpoint_problem::no_responses)
      static_assert(endpoint_lacks_responses<E>,
                    "apidecl: an Endpoint needs 'using responses = apidecl::responses<apidecl::on<...>, ...>;'");
    else if constexpr (endpoint.problem == endpoint_problem::params_not_a_list)
      static_assert(endpoint_params_are_not_a_list<E>,
                    "apidecl: an Endpoint's 'params' must be apidecl::params<...>");
    else if constexpr (endpoint.problem == endpoint_problem::body_not_request_body)
      static_assert(endpoint_body_is_not_a_request_body<E>,
                    "apidecl: an Endpoint's 'body' must be apidecl::request_body<Body, Media>");
    else if constexpr (endpoint.problem == endpoint_problem::non_response)
      static_assert(endpoint_lists_a_non_response<E, response_at_t<endpoint.index, typename E::responses>>,
                    "apidecl: each entry of an Endpoint's responses must be apidecl::on<Code, Body, Media>");
    else if constexpr (endpoint.problem == endpoint_problem::malformed_path)
      static_assert(endpoint_path_template_is_malformed<E>,
                    "apidecl: the path must start with '/' and each {placeholder} must be a non-empty name of letters, "
                    "digits and '_' in braces ('?', '#' and stray braces are not allowed)");
    else if constexpr (endpoint.problem == endpoint_problem::placeholder_without_parameter)
      static_assert(path_placeholder_has_no_path_parameter<E, placeholder_name_t<E, endpoint.index>>,
                    "apidecl: a {placeholder} in the path has no path parameter of that name in params");
    else if constexpr (endpoint.problem == endpoint_problem::status_out_of_range)
      static_assert(status_code_is_out_of_range<E, response_at_t<endpoint.index, typename E::responses>>,
                    "apidecl: an HTTP status code must be within 100-599, and a range's first code at most its last");
    else if constexpr (endpoint.problem == endpoint_problem::duplicate_status)
      static_assert(status_code_is_listed_twice<E, response_at_t<endpoint.index, typename E::responses>>,
                    "apidecl: a status code is listed twice in responses (or two ranges of them overlap)");
    else if constexpr (endpoint.problem == endpoint_problem::body_not_allowed)
      static_assert(method_does_not_allow_a_body<E>,
                    "apidecl: a request body is declared but the method gives it no meaning (only POST, PUT and PATCH)");
    else if constexpr (endpoint.problem == endpoint_problem::non_parameter)
      static_assert(endpoint_lists_a_non_parameter<E, type_at_t<endpoint.index, endpoint_params_t<E>>>,
                    "apidecl: each entry of an Endpoint's params must derive from apidecl::path_param, apidecl::query "
                    "or apidecl::header and declare 'static constexpr std::string_view name'");
    else if constexpr (endpoint.problem == endpoint_problem::duplicate_name)
      static_assert(endpoint_declares_a_parameter_name_twice<E, type_at_t<endpoint.index, endpoint_params_t<E>>>,
                    "apidecl: two parameters of this endpoint have the same name");
    else if constexpr (endpoint.problem == endpoint_problem::parameter_without_placeholder)
      static_assert(path_parameter_has_no_placeholder<E, type_at_t<endpoint.index, endpoint_params_t<E>>>,
                    "apidecl: a path parameter has no {placeholder} of that name in the path");
    else if constexpr (endpoint.problem == endpoint_problem::fixed_without_value)
      static_assert(fixed_parameter_lacks_its_value<E, type_at_t<endpoint.index, endpoint_params_t<E>>>,
                    "apidecl: a fixed parameter needs 'static constexpr std::string_view value = \"...\";'");
    else if constexpr (endpoint.problem == endpoint_problem::fixed_value_invalid)
      static_assert(fixed_value_violates_its_constraint<E, type_at_t<endpoint.index, endpoint_params_t<E>>>,
                    "apidecl: a fixed parameter's value violates its own constraint");
    else if constexpr (endpoint.problem == endpoint_problem::alternatives_not_a_list)
      static_assert(exactly_one_of_is_not_a_parameter_list<E>,
                    "apidecl: an Endpoint's 'exactly_one_of' must be apidecl::params<...>");
    else if constexpr (endpoint.problem == endpoint_problem::alternative_not_optional)
      static_assert(exactly_one_of_names_no_optional_parameter<E, type_at_t<endpoint.index, endpoint_alternatives_t<E>>>,
                    "apidecl: each entry of an Endpoint's 'exactly_one_of' must be one of its optional parameters");
    else if constexpr (endpoint.problem == endpoint_problem::default_missing)
      static_assert(defaulted_parameter_lacks_its_default<E, type_at_t<endpoint.index, endpoint_params_t<E>>>,
                    "apidecl: a defaulted parameter needs 'static constexpr <value type> default_value = ...;'");
  } else {
    constexpr call_finding finding = find_call_problem<E, Args...>();
    if constexpr (finding.problem == problem::not_named)
      static_assert(argument_is_not_named<E, type_at_t<finding.index, type_list<Args...>>>,
                    "apidecl: arguments are passed by name: write parameter = value, e.g. job_id = id");
    else if constexpr (finding.problem == problem::missing_parameter)
      static_assert(missing_required_parameter<E, type_at_t<finding.index, endpoint_params_t<E>>>,
                    "apidecl: the call lacks a required parameter");
    else if constexpr (finding.problem == problem::missing_body)
      static_assert(missing_request_body<E>,
                    "apidecl: the call lacks the request body: pass apidecl::body = <the body>");
    else if constexpr (finding.problem == problem::no_alternative)
      static_assert(call_gives_none_of_its_alternatives<E, endpoint_alternatives_t<E>>,
                    "apidecl: the call gives none of the parameters the endpoint takes exactly one of: give one");
    else if constexpr (finding.problem == problem::two_alternatives) {
      using given = parameter_of_t<first_alternative<Args...>(finding.index, endpoint_alternatives_t<E>{}), Args...>;
      using also_given = parameter_of_t<finding.index, Args...>;
      static_assert(call_gives_two_alternatives<E, given, also_given>,
                    "apidecl: the call gives two of the parameters the endpoint takes exactly one of: drop one");
    }
    else if constexpr (finding.problem == problem::unknown)
      static_assert(endpoint_has_no_such_parameter<E, parameter_of_t<finding.index, Args...>>,
                    "apidecl: the call passes a parameter this endpoint does not declare");
    else if constexpr (finding.problem == problem::duplicate)
      static_assert(parameter_is_given_twice<E, parameter_of_t<finding.index, Args...>>,
                    "apidecl: the call gives the same parameter twice");
    else if constexpr (finding.problem == problem::fixed_given)
      static_assert(fixed_parameter_is_not_for_the_caller<E, parameter_of_t<finding.index, Args...>>,
                    "apidecl: the call gives a fixed parameter; the library always sends its declared value");
    else if constexpr (finding.problem == problem::wrong_type) {
      using parameter = parameter_of_t<finding.index, Args...>;
      using value = value_of_t<finding.index, Args...>;
      if constexpr (std::is_same_v<parameter, body_parameter>)
        static_assert(body_has_the_wrong_type<E, typename E::body::type, value>,
                      "apidecl: the body is not of the type the endpoint declares "
                      "(body_has_the_wrong_type<endpoint, declared, passed>)");
      else
        static_assert(argument_has_the_wrong_type<E, parameter, value>,
                      "apidecl: an argument's type does not fit its parameter (std::string_view parameters take "
                      "text, integer parameters take integers, bool parameters take bool)");
    }
  }
}
}  // namespace detail

}  // namespace apidecl

#endif
