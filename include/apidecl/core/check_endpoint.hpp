#ifndef APIDECL_CORE_CHECK_ENDPOINT_HPP
#define APIDECL_CORE_CHECK_ENDPOINT_HPP

#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/path_template.hpp>

#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

/// The compile-time check of an Endpoint descriptor (endpoint.hpp): `is_endpoint_v` and the first
/// problem found, which `detail::diagnose_call` (check_call.hpp) reports as one `static_assert`
/// naming the descriptor and the part at fault.
namespace apidecl {

namespace detail {
template <class E>
constexpr bool is_well_formed_endpoint() noexcept;
}  // namespace detail

/// Whether `E` is a well-formed Endpoint descriptor. Never fails to compile, so it also serves
/// for cheap negative tests.
template <class E>
inline constexpr bool is_endpoint_v = detail::is_well_formed_endpoint<E>();

/// The conditions of the static_asserts a user sees: the compiler prints the failing one with its
/// template arguments, which name the endpoint and the parameter, placeholder or response concerned.
namespace diagnostic {

/// A placeholder name spelled out as characters, e.g. chars<'i', 'd'> for `{id}`.
template <char... Name>
struct chars {};

template <class Endpoint> inline constexpr bool endpoint_lacks_method = false;
template <class Endpoint> inline constexpr bool endpoint_lacks_path = false;
template <class Endpoint> inline constexpr bool endpoint_lacks_responses = false;
template <class Endpoint> inline constexpr bool endpoint_params_are_not_a_list = false;
template <class Endpoint, class NotAParameter> inline constexpr bool endpoint_lists_a_non_parameter = false;
template <class Endpoint, class NotAResponse> inline constexpr bool endpoint_lists_a_non_response = false;
template <class Endpoint> inline constexpr bool endpoint_body_is_not_a_request_body = false;
template <class Endpoint, class Parameter> inline constexpr bool endpoint_declares_a_parameter_name_twice = false;
template <class Endpoint> inline constexpr bool endpoint_path_template_is_malformed = false;
template <class Endpoint, class Placeholder> inline constexpr bool path_placeholder_has_no_path_parameter = false;
template <class Endpoint, class Parameter> inline constexpr bool path_parameter_has_no_placeholder = false;
template <class Endpoint, class Response> inline constexpr bool status_code_is_out_of_range = false;
template <class Endpoint, class Response> inline constexpr bool status_code_is_listed_twice = false;
template <class Endpoint> inline constexpr bool method_does_not_allow_a_body = false;
template <class Endpoint, class Parameter> inline constexpr bool fixed_parameter_lacks_its_value = false;
template <class Endpoint, class Parameter> inline constexpr bool fixed_value_violates_its_constraint = false;
template <class Endpoint, class Parameter> inline constexpr bool defaulted_parameter_lacks_its_default = false;
template <class Endpoint> inline constexpr bool exactly_one_of_is_not_a_parameter_list = false;
template <class Endpoint, class Parameter> inline constexpr bool exactly_one_of_names_no_optional_parameter = false;
}  // namespace diagnostic

namespace detail {

template <class E, class = void> struct has_method : std::false_type {};
template <class E>
struct has_method<E, std::enable_if_t<std::is_same_v<std::remove_cv_t<decltype(E::method)>, method>>>
    : std::true_type {};

template <class E, class = void> struct has_path : std::false_type {};
template <class E>
struct has_path<E, std::enable_if_t<std::is_convertible_v<decltype(E::path), std::string_view>>> : std::true_type {};

template <class T> struct is_response_list : std::false_type {};
template <class... On> struct is_response_list<responses<On...>> : std::true_type {};
template <class E, class = void> struct has_responses : std::false_type {};
template <class E> struct has_responses<E, std::void_t<typename E::responses>> : is_response_list<typename E::responses> {};

template <class T> struct is_type_list : std::false_type {};
template <class... Ts> struct is_type_list<type_list<Ts...>> : std::true_type {};

template <class T> struct is_on : std::false_type {};
template <int C, class B, class M, class... H> struct is_on<on<C, B, M, H...>> : std::true_type {};
template <int F, int L, class B, class M, class... H> struct is_on<on_range<F, L, B, M, H...>> : std::true_type {};

template <class T> struct is_request_body_type : std::false_type {};
template <class B, class M> struct is_request_body_type<request_body<B, M>> : std::true_type {};
template <class E, class = void> struct body_is_well_formed : std::true_type {};
template <class E> struct body_is_well_formed<E, std::void_t<typename E::body>> : is_request_body_type<typename E::body> {};

template <class P, class = void> struct is_parameter : std::false_type {};
template <class P>
struct is_parameter<P, std::enable_if_t<std::is_convertible_v<decltype(P::name), std::string_view> &&
                                        std::is_same_v<std::remove_cv_t<decltype(P::where)>, location> &&
                                        std::is_same_v<std::remove_cv_t<decltype(P::presence)>, presence>>>
    : std::true_type {};

template <class P, class = void> struct has_fixed_value : std::false_type {};
template <class P>
struct has_fixed_value<P, std::enable_if_t<std::is_convertible_v<decltype(P::value), std::string_view>>>
    : std::true_type {};

template <class P, class = void> struct has_default_value : std::false_type {};
template <class P>
struct has_default_value<P, std::enable_if_t<std::is_convertible_v<decltype(P::default_value), typename P::value_type>>>
    : std::true_type {};

template <class P>
constexpr bool fixed_value_is_valid() noexcept {
  if constexpr (has_fixed_value<P>::value) return P::constraint::violation(P::value).empty();
  else return true;
}

enum class endpoint_problem {
  none, no_method, no_path, no_responses, params_not_a_list, non_parameter, non_response, body_not_request_body,
  duplicate_name, malformed_path, placeholder_without_parameter, parameter_without_placeholder,
  status_out_of_range, duplicate_status, body_not_allowed, fixed_without_value, fixed_value_invalid,
  default_missing, alternatives_not_a_list, alternative_not_optional
};

struct endpoint_finding {
  endpoint_problem problem = endpoint_problem::none;
  std::size_t index = 0;
};

template <class E, class A>
constexpr bool is_optional_parameter_of() noexcept {
  if constexpr (index_of_in<A>(endpoint_params_t<E>{}) == npos) return false;
  else return A::presence == presence::optional;
}

// Each of `exactly_one_of` must be an optional parameter the endpoint declares.
template <class E, class... A>
constexpr endpoint_finding find_in_alternatives(type_list<A...>) noexcept {
  constexpr bool optional_declared[] = {is_optional_parameter_of<E, A>()..., true};
  for (std::size_t i = 0; i < sizeof...(A); ++i)
    if (!optional_declared[i]) return {endpoint_problem::alternative_not_optional, i};
  return {};
}

// Runs once the shape is known to be right, so every member read here exists.
template <class E, class... P, class... On>
constexpr endpoint_finding find_in_parts(type_list<P...>, responses<On...>) noexcept {
  using problem = endpoint_problem;
  constexpr std::size_t n = sizeof...(P);
  constexpr std::string_view names[] = {std::string_view(P::name)..., {}};
  constexpr location where[] = {P::where..., location::body};
  for (std::size_t j = 0; j < n; ++j)
    for (std::size_t i = 0; i < j; ++i)
      if (names[i] == names[j]) return {problem::duplicate_name, j};

  std::string_view const path = E::path;
  if (!path_template::is_well_formed(path)) return {problem::malformed_path, 0};
  std::size_t const placeholders = path_template::count(path);
  for (std::size_t k = 0; k < placeholders; ++k) {
    bool found = false;
    for (std::size_t i = 0; i < n; ++i)
      found = found || (where[i] == location::path && names[i] == path_template::at(path, k).name);
    if (!found) return {problem::placeholder_without_parameter, k};
  }
  for (std::size_t i = 0; i < n; ++i)
    if (where[i] == location::path && !path_template::contains(path, names[i]))
      return {problem::parameter_without_placeholder, i};

  constexpr int firsts[] = {On::code..., 0};
  constexpr int lasts[] = {On::last..., 0};
  for (std::size_t j = 0; j < sizeof...(On); ++j) {
    if (firsts[j] < 100 || lasts[j] > 599 || firsts[j] > lasts[j]) return {problem::status_out_of_range, j};
    // Two single statuses, or two ranges, may not share a status: nothing would tell their
    // bodies apart. A single status inside a range is decoded as itself.
    bool const single = firsts[j] == lasts[j];
    for (std::size_t i = 0; i < j; ++i)
      if (single == (firsts[i] == lasts[i]) && firsts[i] <= lasts[j] && firsts[j] <= lasts[i])
        return {problem::duplicate_status, j};
  }
  if (has_body<E>::value && !method_allows_body(E::method)) return {problem::body_not_allowed, 0};

  constexpr bool fixed_has_value[] = {(P::presence != presence::fixed || has_fixed_value<P>::value)..., true};
  constexpr bool fixed_valid[] = {fixed_value_is_valid<P>()..., true};
  constexpr bool default_present[] = {(P::presence != presence::defaulted || has_default_value<P>::value)..., true};
  for (std::size_t i = 0; i < n; ++i) {
    if (!fixed_has_value[i]) return {problem::fixed_without_value, i};
    if (!fixed_valid[i]) return {problem::fixed_value_invalid, i};
    if (!default_present[i]) return {problem::default_missing, i};
  }
  return find_in_alternatives<E>(endpoint_alternatives_t<E>{});
}

template <class E, class... P, class... On>
constexpr endpoint_finding find_in_lists(type_list<P...> ps, responses<On...> rs) noexcept {
  using problem = endpoint_problem;
  if constexpr (!(is_parameter<P>::value && ...)) return {problem::non_parameter, first_false<is_parameter<P>::value...>()};
  else if constexpr (!(is_on<On>::value && ...)) return {problem::non_response, first_false<is_on<On>::value...>()};
  else return find_in_parts<E>(ps, rs);
}

template <class E>
constexpr endpoint_finding find_endpoint_problem() noexcept {
  using problem = endpoint_problem;
  if constexpr (!has_method<E>::value) return {problem::no_method, 0};
  else if constexpr (!has_path<E>::value) return {problem::no_path, 0};
  else if constexpr (!has_responses<E>::value) return {problem::no_responses, 0};
  else if constexpr (!is_type_list<endpoint_params_t<E>>::value) return {problem::params_not_a_list, 0};
  else if constexpr (!is_type_list<endpoint_alternatives_t<E>>::value) return {problem::alternatives_not_a_list, 0};
  else if constexpr (!body_is_well_formed<E>::value)
    return {problem::body_not_request_body, 0};
  else return find_in_lists<E>(endpoint_params_t<E>{}, typename E::responses{});
}

template <class E>
constexpr bool is_well_formed_endpoint() noexcept {
  return find_endpoint_problem<E>().problem == endpoint_problem::none;
}

template <class E, std::size_t K, std::size_t... I>
constexpr auto placeholder_chars(std::index_sequence<I...>) noexcept {
  return diagnostic::chars<E::path[path_template::at(E::path, K).open + 1 + I]...>{};
}
template <class E, std::size_t K>
using placeholder_name_t = decltype(placeholder_chars<E, K>(
    std::make_index_sequence<path_template::at(E::path, K).name.size()>{}));

template <std::size_t I, class R> struct response_at;
template <std::size_t I, class... On>
struct response_at<I, responses<On...>> { using type = type_at_t<I, type_list<On...>>; };
template <std::size_t I, class R>
using response_at_t = typename response_at<I, R>::type;

}  // namespace detail

}  // namespace apidecl

#endif
