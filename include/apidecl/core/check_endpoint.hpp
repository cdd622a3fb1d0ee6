#ifndef APIDECL_CORE_CHECK_ENDPOINT_HPP
#define APIDECL_CORE_CHECK_ENDPOINT_HPP

#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/path_template.hpp>

#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

/// The compile-time check of an Endpoint descriptor (endpoint.hpp). Each entry point runs it; only
/// the first problem found is reported, as one `static_assert` whose enclosing template names the
/// descriptor and the part at fault.
namespace apidecl {

namespace detail {
template <class E>
constexpr bool is_well_formed_endpoint() noexcept;
}  // namespace detail

/// Whether `E` is a well-formed Endpoint descriptor. Never fails to compile, so it also serves
/// for cheap negative tests.
template <class E>
inline constexpr bool is_endpoint_v = detail::is_well_formed_endpoint<E>();

/// Types whose instantiation is the compiler error a user sees. Their template arguments name the
/// endpoint and the parameter, placeholder or response concerned.
namespace diagnostic {
using detail::always_false;

/// A placeholder name spelled out as characters, e.g. chars<'i', 'd'> for `{id}`.
template <char... Name>
struct chars {};

template <class Endpoint>
struct endpoint_lacks_method {
  static_assert(always_false<Endpoint>, "apidecl: an Endpoint needs 'static constexpr apidecl::method method = ...;'");
};
template <class Endpoint>
struct endpoint_lacks_path {
  static_assert(always_false<Endpoint>, "apidecl: an Endpoint needs 'static constexpr std::string_view path = \"/...\";'");
};
template <class Endpoint>
struct endpoint_lacks_responses {
  static_assert(always_false<Endpoint>, "apidecl: an Endpoint needs 'using responses = apidecl::responses<apidecl::on<...>, ...>;'");
};
template <class Endpoint>
struct endpoint_params_are_not_a_list {
  static_assert(always_false<Endpoint>, "apidecl: an Endpoint's 'params' must be apidecl::params<...>");
};
template <class Endpoint, class NotAParameter>
struct endpoint_lists_a_non_parameter {
  static_assert(always_false<Endpoint, NotAParameter>,
                "apidecl: each entry of an Endpoint's params must derive from apidecl::path_param, apidecl::query "
                "or apidecl::header and declare 'static constexpr std::string_view name'");
};
template <class Endpoint, class NotAResponse>
struct endpoint_lists_a_non_response {
  static_assert(always_false<Endpoint, NotAResponse>,
                "apidecl: each entry of an Endpoint's responses must be apidecl::on<Code, Body, Media>");
};
template <class Endpoint>
struct endpoint_body_is_not_a_request_body {
  static_assert(always_false<Endpoint>, "apidecl: an Endpoint's 'body' must be apidecl::request_body<Body, Media>");
};
template <class Endpoint, class Parameter>
struct endpoint_declares_a_parameter_name_twice {
  static_assert(always_false<Endpoint, Parameter>, "apidecl: two parameters of this endpoint have the same name");
};
template <class Endpoint>
struct endpoint_path_template_is_malformed {
  static_assert(always_false<Endpoint>,
                "apidecl: the path must start with '/' and each {placeholder} must be a non-empty name of letters, "
                "digits and '_' in braces ('?', '#' and stray braces are not allowed)");
};
template <class Endpoint, class Placeholder>
struct path_placeholder_has_no_path_parameter {
  static_assert(always_false<Endpoint, Placeholder>,
                "apidecl: a {placeholder} in the path has no path parameter of that name in params");
};
template <class Endpoint, class Parameter>
struct path_parameter_has_no_placeholder {
  static_assert(always_false<Endpoint, Parameter>,
                "apidecl: a path parameter has no {placeholder} of that name in the path");
};
template <class Endpoint, class Response>
struct status_code_is_out_of_range {
  static_assert(always_false<Endpoint, Response>, "apidecl: an HTTP status code must be within 100-599");
};
template <class Endpoint, class Response>
struct status_code_is_listed_twice {
  static_assert(always_false<Endpoint, Response>, "apidecl: a status code is listed twice in responses");
};
template <class Endpoint>
struct method_does_not_allow_a_body {
  static_assert(always_false<Endpoint>,
                "apidecl: a request body is declared but the method gives it no meaning (only POST, PUT and PATCH)");
};
template <class Endpoint, class Parameter>
struct fixed_parameter_lacks_its_value {
  static_assert(always_false<Endpoint, Parameter>,
                "apidecl: a fixed parameter needs 'static constexpr std::string_view value = \"...\";'");
};
template <class Endpoint, class Parameter>
struct fixed_value_violates_its_constraint {
  static_assert(always_false<Endpoint, Parameter>, "apidecl: a fixed parameter's value violates its own constraint");
};
template <class Endpoint, class Parameter>
struct defaulted_parameter_lacks_its_default {
  static_assert(always_false<Endpoint, Parameter>,
                "apidecl: a defaulted parameter needs 'static constexpr <value type> default_value = ...;'");
};
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
  default_missing
};

struct endpoint_finding {
  endpoint_problem problem = endpoint_problem::none;
  std::size_t index = 0;
};

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

  constexpr int codes[] = {On::code..., 0};
  for (std::size_t j = 0; j < sizeof...(On); ++j) {
    if (codes[j] < 100 || codes[j] > 599) return {problem::status_out_of_range, j};
    for (std::size_t i = 0; i < j; ++i)
      if (codes[i] == codes[j]) return {problem::duplicate_status, j};
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
  return {};
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

// Instantiates the one diagnostic that describes the problem.
template <class E, endpoint_problem Problem, std::size_t I>
constexpr void report_endpoint_problem() noexcept {
  using problem = endpoint_problem;
  using namespace diagnostic;
  if constexpr (Problem == problem::no_method) (void)sizeof(endpoint_lacks_method<E>);
  else if constexpr (Problem == problem::no_path) (void)sizeof(endpoint_lacks_path<E>);
  else if constexpr (Problem == problem::no_responses) (void)sizeof(endpoint_lacks_responses<E>);
  else if constexpr (Problem == problem::params_not_a_list) (void)sizeof(endpoint_params_are_not_a_list<E>);
  else if constexpr (Problem == problem::body_not_request_body) (void)sizeof(endpoint_body_is_not_a_request_body<E>);
  else if constexpr (Problem == problem::non_response)
    (void)sizeof(endpoint_lists_a_non_response<E, typename response_at<I, typename E::responses>::type>);
  else if constexpr (Problem == problem::malformed_path) (void)sizeof(endpoint_path_template_is_malformed<E>);
  else if constexpr (Problem == problem::placeholder_without_parameter)
    (void)sizeof(path_placeholder_has_no_path_parameter<E, placeholder_name_t<E, I>>);
  else if constexpr (Problem == problem::status_out_of_range)
    (void)sizeof(status_code_is_out_of_range<E, typename response_at<I, typename E::responses>::type>);
  else if constexpr (Problem == problem::duplicate_status)
    (void)sizeof(status_code_is_listed_twice<E, typename response_at<I, typename E::responses>::type>);
  else if constexpr (Problem == problem::body_not_allowed) (void)sizeof(method_does_not_allow_a_body<E>);
  else {
    using parameter = type_at_t<I, endpoint_params_t<E>>;
    if constexpr (Problem == problem::non_parameter) (void)sizeof(endpoint_lists_a_non_parameter<E, parameter>);
    else if constexpr (Problem == problem::duplicate_name)
      (void)sizeof(endpoint_declares_a_parameter_name_twice<E, parameter>);
    else if constexpr (Problem == problem::parameter_without_placeholder)
      (void)sizeof(path_parameter_has_no_placeholder<E, parameter>);
    else if constexpr (Problem == problem::fixed_without_value) (void)sizeof(fixed_parameter_lacks_its_value<E, parameter>);
    else if constexpr (Problem == problem::fixed_value_invalid)
      (void)sizeof(fixed_value_violates_its_constraint<E, parameter>);
    else (void)sizeof(defaulted_parameter_lacks_its_default<E, parameter>);
  }
}

}  // namespace detail

namespace detail {
/// Makes the one compiler error that says why `E` is not a well-formed Endpoint. Entry points call
/// it in the branch they take when `is_endpoint_v<E>` is false, so that nothing else fails.
template <class E>
void diagnose_endpoint() noexcept {
  constexpr endpoint_finding finding = find_endpoint_problem<E>();
  if constexpr (finding.problem != endpoint_problem::none) report_endpoint_problem<E, finding.problem, finding.index>();
}
}  // namespace detail

}  // namespace apidecl

#endif
