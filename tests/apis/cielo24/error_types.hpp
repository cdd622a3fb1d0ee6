#ifndef APIDECL_TESTS_APIS_CIELO24_ERROR_TYPES_HPP
#define APIDECL_TESTS_APIS_CIELO24_ERROR_TYPES_HPP

// The ErrorType values cielo24 may send, written out from the sources rather than taken from the
// library's own table, so that a test compares the two: the nine documented in
// output_formats/enums.rst, then the six the official SDKs add (Enums.cs, enums.py, Enums.java).
#include <apidecl/apis/cielo24/error.hpp>

#include <string_view>

namespace cielo24_test {

struct error_type_name {
  std::string_view text;
  apidecl::cielo24::error_type value;
};

inline constexpr error_type_name error_types[] = {
    {"LOGIN_INVALID", apidecl::cielo24::error_type::login_invalid},
    {"ACCOUNT_EXISTS", apidecl::cielo24::error_type::account_exists},
    {"ACCOUNT_UNPRIVILEGED", apidecl::cielo24::error_type::account_unprivileged},
    {"BAD_API_TOKEN", apidecl::cielo24::error_type::bad_api_token},
    {"INVALID_QUERY", apidecl::cielo24::error_type::invalid_query},
    {"INVALID_OPTION", apidecl::cielo24::error_type::invalid_option},
    {"MISSING_PARAMETER", apidecl::cielo24::error_type::missing_parameter},
    {"INVALID_URL", apidecl::cielo24::error_type::invalid_url},
    {"ITEM_NOT_FOUND", apidecl::cielo24::error_type::item_not_found},
    {"ACCOUNT_DOES_NOT_EXIST", apidecl::cielo24::error_type::account_does_not_exist},
    {"NOT_IMPLEMENTED", apidecl::cielo24::error_type::not_implemented},
    {"INVALID_RETURN_HANDLERS", apidecl::cielo24::error_type::invalid_return_handlers},
    {"NOT_PARENT_ACCOUNT", apidecl::cielo24::error_type::not_parent_account},
    {"NO_CHILDREN_FOUND", apidecl::cielo24::error_type::no_children_found},
    {"UNHANDLED_ERROR", apidecl::cielo24::error_type::unhandled_error},
};

static_assert(sizeof error_types / sizeof error_types[0] == 15, "9 documented + 6 from the SDKs");

}  // namespace cielo24_test

#endif
