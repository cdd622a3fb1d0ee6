// Which calls are well-formed: is_valid_call_v checks the named arguments against the endpoint
// without failing to compile, so each mistake can be tested next to its well-formed twin.
#include <catch2/catch.hpp>

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/core/check_call.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/param.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace c24 = apidecl::cielo24;

namespace check_call_test {

struct widget_id : apidecl::path_param<std::string_view> {
  static constexpr std::string_view name = "widget_id";
};
struct expand : apidecl::query<std::string_view, apidecl::optional> {
  static constexpr std::string_view name = "expand";
};
struct page_size : apidecl::query<int, apidecl::defaulted> {
  static constexpr std::string_view name = "page_size";
  static constexpr int default_value = 20;
};
struct verbose : apidecl::query<bool, apidecl::optional> {
  static constexpr std::string_view name = "verbose";
};
struct request_id : apidecl::header<std::string_view, apidecl::optional> {
  static constexpr std::string_view name = "X-Request-Id";
};
struct version : apidecl::query<std::string_view, apidecl::fixed> {
  static constexpr std::string_view name = "v";
  static constexpr std::string_view value = "2";
};

inline constexpr apidecl::keyword<widget_id> widget_id_arg{};
inline constexpr apidecl::keyword<expand> expand_arg{};
inline constexpr apidecl::keyword<page_size> page_size_arg{};
inline constexpr apidecl::keyword<verbose> verbose_arg{};
inline constexpr apidecl::keyword<request_id> request_id_arg{};
inline constexpr apidecl::keyword<version> version_arg{};
inline constexpr apidecl::keyword<c24::params::v> cielo24_v_arg{};

struct widget {
  std::string name;
};
struct fancy_widget : widget {};

struct get_widget {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets/{widget_id}";
  using params = apidecl::params<widget_id, expand, page_size, verbose, request_id, version>;
  using responses = apidecl::responses<apidecl::on<200, widget, apidecl::json>>;
};

struct create_widget {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/v2/widgets";
  using params = apidecl::params<request_id>;
  using body = apidecl::request_body<widget, apidecl::json>;
  using responses = apidecl::responses<apidecl::on<201, widget, apidecl::json>>;
};

struct ping {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/ping";
  using responses = apidecl::responses<apidecl::on<204>>;
};

// A service that takes a password or a key, never both and never neither.
struct password : apidecl::query<std::string_view, apidecl::optional, apidecl::secret> {
  static constexpr std::string_view name = "password";
};
struct key : apidecl::query<std::string_view, apidecl::optional, apidecl::secret> {
  static constexpr std::string_view name = "key";
};
struct user : apidecl::query<std::string_view> {
  static constexpr std::string_view name = "user";
};
inline constexpr apidecl::keyword<password> password_arg{};
inline constexpr apidecl::keyword<key> key_arg{};
inline constexpr apidecl::keyword<user> user_arg{};

struct log_in {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/login";
  using params = apidecl::params<user, password, key, expand>;
  using exactly_one_of = apidecl::params<password, key>;
  using responses = apidecl::responses<apidecl::on<204>>;
};
struct log_in_requiring_one {  // a required parameter cannot be an alternative
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/login";
  using params = apidecl::params<user, password, key>;
  using exactly_one_of = apidecl::params<user, password>;
  using responses = apidecl::responses<apidecl::on<204>>;
};
struct log_in_with_stranger {  // nor a parameter the endpoint does not declare
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/login";
  using params = apidecl::params<user, password>;
  using exactly_one_of = apidecl::params<password, key>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

struct broken {  // a placeholder without its parameter
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets/{widget_id}";
  using responses = apidecl::responses<apidecl::on<204>>;
};

}  // namespace check_call_test

using namespace check_call_test;

#define IS_VALID_CALL(...) decltype(apidecl::is_valid_call(__VA_ARGS__))::value

TEST_CASE("a call naming every required parameter is valid", "[core][check_call]") {
  std::string const token = "7ca5dc5c7cce449fb0fff719307e8f5f";
  std::string_view const job = "64bea283eff6475ea6596027a6ba0929";
  STATIC_REQUIRE(IS_VALID_CALL(c24::delete_job, c24::api_token = token, c24::job_id = job));
  STATIC_REQUIRE(IS_VALID_CALL(c24::authorize_job, c24::api_token = "7ca5", c24::job_id = "64be"));
  STATIC_REQUIRE(IS_VALID_CALL(get_widget{}, widget_id_arg = "w1"));
  STATIC_REQUIRE(IS_VALID_CALL(ping{}));
}

TEST_CASE("arguments may come in any order", "[core][check_call]") {
  STATIC_REQUIRE(IS_VALID_CALL(c24::delete_job, c24::job_id = "64be", c24::api_token = "7ca5"));
  STATIC_REQUIRE(IS_VALID_CALL(get_widget{}, verbose_arg = true, page_size_arg = 5, expand_arg = "parts",
                               request_id_arg = "r1", widget_id_arg = "w1"));
  STATIC_REQUIRE(IS_VALID_CALL(create_widget{}, apidecl::body = widget{}, request_id_arg = "r1"));
  STATIC_REQUIRE(IS_VALID_CALL(create_widget{}, request_id_arg = "r1", apidecl::body = widget{}));
}

TEST_CASE("optional and defaulted parameters may be left out", "[core][check_call]") {
  STATIC_REQUIRE(IS_VALID_CALL(get_widget{}, widget_id_arg = "w1", expand_arg = "parts"));
  STATIC_REQUIRE(IS_VALID_CALL(get_widget{}, widget_id_arg = "w1", page_size_arg = 50));
  STATIC_REQUIRE(IS_VALID_CALL(create_widget{}, apidecl::body = widget{}));
}

TEST_CASE("a call that lacks a required parameter is invalid", "[core][check_call]") {
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(c24::delete_job, c24::api_token = "7ca5"));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(c24::delete_job, c24::job_id = "64be"));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(c24::delete_job));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(get_widget{}, expand_arg = "parts"));
}

TEST_CASE("an argument for a parameter the endpoint does not declare is invalid", "[core][check_call]") {
  STATIC_REQUIRE_FALSE(
      IS_VALID_CALL(c24::delete_job, c24::api_token = "7ca5", c24::job_id = "64be", expand_arg = "parts"));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(get_widget{}, widget_id_arg = "w1", c24::job_id = "64be"));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(ping{}, widget_id_arg = "w1"));
}

TEST_CASE("a body given to an endpoint that declares none is invalid", "[core][check_call]") {
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(ping{}, apidecl::body = widget{}));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(get_widget{}, widget_id_arg = "w1", apidecl::body = widget{}));
}

TEST_CASE("a parameter given twice is invalid", "[core][check_call]") {
  STATIC_REQUIRE_FALSE(
      IS_VALID_CALL(c24::delete_job, c24::api_token = "7ca5", c24::job_id = "64be", c24::job_id = "64bf"));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(get_widget{}, widget_id_arg = "w1", expand_arg = "a", expand_arg = "b"));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(create_widget{}, apidecl::body = widget{}, apidecl::body = widget{}));
}

TEST_CASE("giving a fixed parameter is invalid, even with its own value", "[core][check_call]") {
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(c24::delete_job, cielo24_v_arg = "1", c24::api_token = "7ca5", c24::job_id = "64be"));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(get_widget{}, widget_id_arg = "w1", version_arg = "2"));
}

TEST_CASE("a text parameter takes only text", "[core][check_call]") {
  std::string const s = "64be";
  char const* const c_string = "64be";
  std::string_view const view = "64be";
  STATIC_REQUIRE(IS_VALID_CALL(c24::delete_job, c24::api_token = "7ca5", c24::job_id = s));
  STATIC_REQUIRE(IS_VALID_CALL(c24::delete_job, c24::api_token = "7ca5", c24::job_id = c_string));
  STATIC_REQUIRE(IS_VALID_CALL(c24::delete_job, c24::api_token = "7ca5", c24::job_id = view));
  STATIC_REQUIRE(IS_VALID_CALL(c24::delete_job, c24::api_token = "7ca5", c24::job_id = std::string("64be")));

  STATIC_REQUIRE_FALSE(IS_VALID_CALL(c24::delete_job, c24::api_token = "7ca5", c24::job_id = 42));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(c24::delete_job, c24::api_token = "7ca5", c24::job_id = true));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(c24::delete_job, c24::api_token = "7ca5", c24::job_id = 'x'));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(c24::delete_job, c24::api_token = "7ca5", c24::job_id = 4.2));
}

TEST_CASE("an integer parameter takes any integer but bool", "[core][check_call]") {
  long const many = 100;
  STATIC_REQUIRE(IS_VALID_CALL(get_widget{}, widget_id_arg = "w1", page_size_arg = 5));
  STATIC_REQUIRE(IS_VALID_CALL(get_widget{}, widget_id_arg = "w1", page_size_arg = many));
  STATIC_REQUIRE(IS_VALID_CALL(get_widget{}, widget_id_arg = "w1", page_size_arg = std::uint16_t{7}));

  STATIC_REQUIRE_FALSE(IS_VALID_CALL(get_widget{}, widget_id_arg = "w1", page_size_arg = "20"));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(get_widget{}, widget_id_arg = "w1", page_size_arg = std::string("20")));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(get_widget{}, widget_id_arg = "w1", page_size_arg = true));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(get_widget{}, widget_id_arg = "w1", page_size_arg = 2.5));
}

TEST_CASE("a bool parameter takes only bool", "[core][check_call]") {
  bool const yes = true;
  STATIC_REQUIRE(IS_VALID_CALL(get_widget{}, widget_id_arg = "w1", verbose_arg = true));
  STATIC_REQUIRE(IS_VALID_CALL(get_widget{}, widget_id_arg = "w1", verbose_arg = yes));

  STATIC_REQUIRE_FALSE(IS_VALID_CALL(get_widget{}, widget_id_arg = "w1", verbose_arg = 1));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(get_widget{}, widget_id_arg = "w1", verbose_arg = "true"));
}

TEST_CASE("an unnamed argument is invalid", "[core][check_call]") {
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(c24::delete_job, c24::api_token = "7ca5", "64be"));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(c24::delete_job, c24::api_token = "7ca5", std::string_view("64be")));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(create_widget{}, widget{}));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(ping{}, 42));
}

TEST_CASE("an endpoint with a body needs it, of its declared type", "[core][check_call]") {
  widget const w{"gear"};
  STATIC_REQUIRE(IS_VALID_CALL(create_widget{}, apidecl::body = w));
  STATIC_REQUIRE(IS_VALID_CALL(create_widget{}, apidecl::body = fancy_widget{}));  // converts to widget const&

  STATIC_REQUIRE_FALSE(IS_VALID_CALL(create_widget{}));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(create_widget{}, request_id_arg = "r1"));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(create_widget{}, apidecl::body = 42));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(create_widget{}, apidecl::body = "{\"name\":\"gear\"}"));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(create_widget{}, apidecl::body = std::string("gear")));
}

TEST_CASE("a call gives exactly one of the endpoint's alternatives", "[core][check_call]") {
  STATIC_REQUIRE(IS_VALID_CALL(log_in{}, user_arg = "u", password_arg = "p"));
  STATIC_REQUIRE(IS_VALID_CALL(log_in{}, key_arg = "k", user_arg = "u", expand_arg = "all"));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(log_in{}, user_arg = "u"));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(log_in{}, user_arg = "u", expand_arg = "all"));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(log_in{}, user_arg = "u", password_arg = "p", key_arg = "k"));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(log_in{}, key_arg = "k", user_arg = "u", password_arg = "p"));
}

TEST_CASE("alternatives must be optional parameters of the endpoint", "[core][check_call]") {
  STATIC_REQUIRE(apidecl::is_endpoint_v<log_in>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<log_in_requiring_one>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<log_in_with_stranger>);
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(log_in_requiring_one{}, user_arg = "u", key_arg = "k"));
}

TEST_CASE("no call to a malformed endpoint is valid", "[core][check_call]") {
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(broken{}));
  STATIC_REQUIRE_FALSE(IS_VALID_CALL(broken{}, widget_id_arg = "w1"));
}

TEST_CASE("is_valid_call_v ignores references and const on the argument types", "[core][check_call]") {
  using token = decltype(c24::api_token = "7ca5");
  using job = decltype(c24::job_id = "64be");
  STATIC_REQUIRE(apidecl::is_valid_call_v<c24::endpoints::delete_job, token, job>);
  STATIC_REQUIRE(apidecl::is_valid_call_v<c24::endpoints::delete_job, token const&, job&&>);
  STATIC_REQUIRE_FALSE(apidecl::is_valid_call_v<c24::endpoints::delete_job, token const&>);
}
