#ifndef APIDECL_AUTH_API_KEY_HPP
#define APIDECL_AUTH_API_KEY_HPP

#include <apidecl/auth/auth.hpp>
#include <apidecl/core/param.hpp>
#include <apidecl/core/request.hpp>

#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

/// Auth policies for services that take an API key, in a header field or in a query parameter
/// (OpenAPI's `apiKey` security scheme). Either way the key is shown as `***` in every text made
/// of the request.
namespace apidecl {

namespace detail {
template <class Field, class = void>
struct names_header_field : std::false_type {};
template <class Field>
struct names_header_field<Field, std::enable_if_t<std::is_convertible_v<decltype(Field::name), std::string_view>>>
    : std::true_type {};

template <class Parameter, class = void>
struct is_text_query_parameter : std::false_type {};
template <class Parameter>
struct is_text_query_parameter<Parameter, std::enable_if_t<Parameter::where == location::query &&
                                                          std::is_same_v<typename Parameter::value_type, std::string_view>>>
    : std::true_type {};
template <class Parameter>
struct is_secret_parameter : std::bool_constant<Parameter::is_secret> {};
}  // namespace detail

/// The key in the header field `Field::name` (a `static constexpr std::string_view`) of every
/// request.
///
///     struct x_api_key { static constexpr std::string_view name = "X-API-Key"; };
///     auto api = apidecl::make_client(http, apidecl::api_key_in_header<x_api_key>{key});
template <class Field>
class api_key_in_header {
  static_assert(detail::names_header_field<Field>::value,
                "apidecl: api_key_in_header<Field> needs 'static constexpr std::string_view name' in Field");

 public:
  explicit api_key_in_header(std::string key) : key_(std::move(key)) {}

  auth_result authenticate(request const&, header_writer& h) const noexcept {
    if (key_.empty()) return auth_result("the API key is empty");
    h.add_secret(Field::name, key_);
    return {};
  }

 private:
  std::string key_;
};

/// The key as the argument of `Parameter`, a query parameter declared `apidecl::secret`, in every
/// call whose endpoint declares it and that does not name it itself (auth.hpp, `arguments()`).
///
///     struct api_key : apidecl::query<std::string_view, apidecl::optional, apidecl::secret> {
///       static constexpr std::string_view name = "api_key";
///     };
///     auto api = apidecl::make_client(http, apidecl::api_key_in_query<api_key>{key});
template <class Parameter>
class api_key_in_query {
  static_assert(detail::is_text_query_parameter<Parameter>::value,
                "apidecl: api_key_in_query<Parameter> needs a query parameter of std::string_view");
  // Checked only of a query parameter, so that a wrong type gets the one message above.
  static_assert(std::disjunction_v<std::negation<detail::is_text_query_parameter<Parameter>>,
                                   detail::is_secret_parameter<Parameter>>,
                "apidecl: api_key_in_query<Parameter> needs Parameter declared apidecl::secret, so the key is never shown");

 public:
  explicit api_key_in_query(std::string key) : key_(std::move(key)) {}

  auto arguments() const noexcept { return std::tuple(keyword<Parameter>{} = std::string_view(key_)); }
  auth_result authenticate(request const&, header_writer&) const noexcept {
    if (key_.empty()) return auth_result("the API key is empty");
    return {};
  }

 private:
  std::string key_;
};

}  // namespace apidecl

#endif
