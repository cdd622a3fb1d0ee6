#ifndef APIDECL_APIS_ONDEMAND_ACCOUNT_HPP
#define APIDECL_APIS_ONDEMAND_ACCOUNT_HPP

#include <apidecl/apis/ondemand/error.hpp>
#include <apidecl/apis/ondemand/rate_limit.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/types/decimal.hpp>
#include <apidecl/types/money.hpp>
#include <apidecl/types/open_enum.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// BOOST_DESCRIBE_STRUCT(T, (), (...)) passes an empty argument list, which Clang's -Wpedantic
// flags before C++20. Describe, not Hana: it costs the compiler a fraction per field.
#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif

/// The merchant account (create_account.rst, account_info.rst, add_credit_balance.rst), API
/// version 2015-02-23. The reference notes give these bodies' root elements and the nested
/// error list (`<Account><Status>Not Created</Status><Errors><Error>...`), not a field table. The
/// other element names below (FirstName, LastName, CompanyName, CreditBalance, Currency) are
/// inferred from onDemand's naming, UNCONFIRMED against the service: check them before relying
/// on them. Elements not declared are ignored when decoding.
namespace apidecl::ondemand::v2015 {

/// Create Account's body: who the new (sub-)account is for.
struct new_account {
  std::string email;
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;
  std::optional<std::string> company_name;
  static constexpr std::string_view xml_element = "Account";
  static constexpr wire_name wire_names[] = {
      {"email", "Email"}, {"first_name", "FirstName"}, {"last_name", "LastName"}, {"company_name", "CompanyName"}};
};
BOOST_DESCRIBE_STRUCT(new_account, (), (email, first_name, last_name, company_name))

/// An account as onDemand describes it. A refused creation is an Account too, with Status
/// "Not Created" and its reasons in Errors (ReasonCode 100: the user exists already).
struct account {
  std::optional<std::string> status;
  std::optional<std::string> email;
  std::optional<decimal> credit_balance;
  std::optional<open_enum<apidecl::currency>> currency;
  std::vector<error> errors;
  static constexpr std::string_view xml_element = "Account";
  static constexpr wire_name wire_names[] = {{"status", "Status"},
                                             {"email", "Email"},
                                             {"credit_balance", "CreditBalance"},
                                             {"currency", "Currency"},
                                             {"errors", "Errors/Error"}};
};
BOOST_DESCRIBE_STRUCT(account, (), (status, email, credit_balance, currency, errors))

/// Add Credit Balance's body: the amount to add, in the account's currency.
struct credit {
  decimal amount;
  open_enum<apidecl::currency> currency;
  static constexpr std::string_view xml_element = "PrepaidCredit";
  static constexpr wire_name wire_names[] = {{"amount", "Amount"}, {"currency", "Currency"}};
};
BOOST_DESCRIBE_STRUCT(credit, (), (amount, currency))

namespace endpoints {
/// Create Account: `POST /api/account/create`. 201 with the account; 400 with the refused
/// Account (its Errors say why). Not idempotent.
struct create_account {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/api/account/create";
  using params = apidecl::params<>;
  using body = apidecl::request_body<new_account, xml>;
  using responses = apidecl::responses<on<201, account, xml>, on<400, account, xml>, on<401, error, xml>,
                                       too_many_requests>;
};

/// Account Information: `GET /api/account/info`.
struct get_account_info {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/account/info";
  using params = apidecl::params<>;
  using responses = apidecl::responses<on<200, account, xml>, on<401, error, xml>, too_many_requests>;
};

/// Add Credit Balance: `POST /api/account/credit-balance/add`; answers the account with its new
/// balance. Not idempotent: a repeat adds twice.
struct add_credit_balance {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/api/account/credit-balance/add";
  using params = apidecl::params<>;
  using body = apidecl::request_body<credit, xml>;
  using responses = apidecl::responses<on<200, account, xml>, on<400, error, xml>, on<401, error, xml>,
                                       too_many_requests>;
};
}  // namespace endpoints

inline constexpr endpoints::create_account create_account{};
inline constexpr endpoints::get_account_info get_account_info{};
inline constexpr endpoints::add_credit_balance add_credit_balance{};

}  // namespace apidecl::ondemand::v2015

#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic pop
#endif

#endif
