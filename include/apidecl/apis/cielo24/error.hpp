#ifndef APIDECL_APIS_CIELO24_ERROR_HPP
#define APIDECL_APIS_CIELO24_ERROR_HPP

#include <apidecl/serializer/fields.hpp>
#include <apidecl/types/enum_names.hpp>
#include <apidecl/types/open_enum.hpp>

#include <boost/describe/class.hpp>

#include <array>
#include <string>

// BOOST_DESCRIBE_STRUCT(T, (), (...)) passes an empty argument list, which Clang's -Wpedantic
// flags before C++20. Describe, not Hana: it costs the compiler a fraction per field.
#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif

/// The error body cielo24 sends with 400 (and some 4xx/5xx) responses:
/// `{"ErrorType": "ITEM_NOT_FOUND", "ErrorComment": "..."}`.
namespace apidecl::cielo24 {

/// The documented ErrorType values (the first nine), those the official SDKs add, and `unknown`
/// for anything newer, whose text `error::type.text()` keeps.
enum class error_type {
  login_invalid,
  account_exists,
  account_unprivileged,
  bad_api_token,
  invalid_query,
  invalid_option,
  missing_parameter,
  invalid_url,
  item_not_found,
  account_does_not_exist,
  not_implemented,
  invalid_return_handlers,
  not_parent_account,
  no_children_found,
  unhandled_error,
  unknown,
};

constexpr auto enum_names(error_type) noexcept {
  using e = error_type;
  return std::array{
      enum_name{e::login_invalid, "LOGIN_INVALID"},
      enum_name{e::account_exists, "ACCOUNT_EXISTS"},
      enum_name{e::account_unprivileged, "ACCOUNT_UNPRIVILEGED"},
      enum_name{e::bad_api_token, "BAD_API_TOKEN"},
      enum_name{e::invalid_query, "INVALID_QUERY"},
      enum_name{e::invalid_option, "INVALID_OPTION"},
      enum_name{e::missing_parameter, "MISSING_PARAMETER"},
      enum_name{e::invalid_url, "INVALID_URL"},
      enum_name{e::item_not_found, "ITEM_NOT_FOUND"},
      enum_name{e::account_does_not_exist, "ACCOUNT_DOES_NOT_EXIST"},
      enum_name{e::not_implemented, "NOT_IMPLEMENTED"},
      enum_name{e::invalid_return_handlers, "INVALID_RETURN_HANDLERS"},
      enum_name{e::not_parent_account, "NOT_PARENT_ACCOUNT"},
      enum_name{e::no_children_found, "NO_CHILDREN_FOUND"},
      enum_name{e::unhandled_error, "UNHANDLED_ERROR"},
  };
}

/// cielo24's error body.
struct error {
  open_enum<error_type> type;
  std::string comment;
  static constexpr wire_name wire_names[] = {{"type", "ErrorType"}, {"comment", "ErrorComment"}};
};
BOOST_DESCRIBE_STRUCT(error, (), (type, comment))

}  // namespace apidecl::cielo24

#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic pop
#endif

#endif
