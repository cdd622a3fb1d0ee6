// The parameters of the log-in endpoints the exactly_one_of compile-fail tests declare: a user,
// and a password or a key (both optional and secret), with their keywords.
#ifndef APIDECL_TESTS_COMPILE_FAIL_LOG_IN_PARAMETERS_HPP
#define APIDECL_TESTS_COMPILE_FAIL_LOG_IN_PARAMETERS_HPP

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

#endif
