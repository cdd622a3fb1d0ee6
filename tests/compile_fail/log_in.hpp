// The parameters of the log-in endpoints the exactly_one_of compile-fail tests declare: a user,
// and a password or a key (both optional and secret), with their keywords; and the endpoint that
// takes exactly one of the two, for the tests that call it wrong.
#ifndef APIDECL_TESTS_COMPILE_FAIL_LOG_IN_HPP
#define APIDECL_TESTS_COMPILE_FAIL_LOG_IN_HPP

#include <apidecl/core/build.hpp>

#include <string_view>

struct user : apidecl::query<std::string_view> {
  static constexpr std::string_view name = "user";
};
struct password : apidecl::query<std::string_view, apidecl::optional, apidecl::secret> {
  static constexpr std::string_view name = "password";
};
struct key : apidecl::query<std::string_view, apidecl::optional, apidecl::secret> {
  static constexpr std::string_view name = "key";
};
inline constexpr apidecl::keyword<user> user_arg{};
inline constexpr apidecl::keyword<password> password_arg{};
inline constexpr apidecl::keyword<key> key_arg{};

struct log_in_with_password_or_key {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/login";
  using params = apidecl::params<user, password, key>;
  using exactly_one_of = apidecl::params<password, key>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

#endif
