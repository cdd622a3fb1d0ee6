// Which descriptors are Endpoints: is_endpoint_v accepts the well-formed ones and, without failing
// to compile, refuses each kind of mistake (the compile_fail tests check the message a user sees).
#include <catch2/catch.hpp>

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/core/check_endpoint.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/param.hpp>

#include <string_view>
#include <type_traits>

// A named namespace rather than an anonymous one: some members below are never read, on purpose,
// and clang warns of unused members only in types with internal linkage.
namespace check_endpoint_test {

// --- parameters -------------------------------------------------------------------------------
struct widget_id : apidecl::path_param<std::string_view, apidecl::hex> {
  static constexpr std::string_view name = "widget_id";
};
struct part_no : apidecl::path_param<int> {
  static constexpr std::string_view name = "part_no";
};
struct expand : apidecl::query<std::string_view, apidecl::optional> {
  static constexpr std::string_view name = "expand";
};
struct page_size : apidecl::query<int, apidecl::defaulted> {
  static constexpr std::string_view name = "page_size";
  static constexpr int default_value = 20;
};
struct format : apidecl::query<std::string_view, apidecl::length<1, 8>, apidecl::defaulted> {
  static constexpr std::string_view name = "format";
  static constexpr std::string_view default_value = "json";
};
struct version : apidecl::query<std::string_view, apidecl::fixed, apidecl::hex> {
  static constexpr std::string_view name = "v";
  static constexpr std::string_view value = "1";
};
struct request_id : apidecl::header<std::string_view, apidecl::optional> {
  static constexpr std::string_view name = "X-Request-Id";
};
struct verbose : apidecl::query<bool, apidecl::optional> {
  static constexpr std::string_view name = "verbose";
};

// Mistakes in parameter declarations.
struct expand_again : apidecl::query<std::string_view, apidecl::optional> {
  static constexpr std::string_view name = "expand";  // same name as `expand`
};
struct widget_id_as_query : apidecl::query<std::string_view> {
  static constexpr std::string_view name = "widget_id";  // same name as the path parameter
};
struct fixed_without_value : apidecl::query<std::string_view, apidecl::fixed> {
  static constexpr std::string_view name = "v";
};
struct fixed_value_not_hex : apidecl::query<std::string_view, apidecl::fixed, apidecl::hex> {
  static constexpr std::string_view name = "v";
  static constexpr std::string_view value = "one";
};
struct defaulted_without_default : apidecl::query<int, apidecl::defaulted> {
  static constexpr std::string_view name = "page_size";
};
struct unnamed_parameter : apidecl::query<std::string_view> {};
struct stray_path_param : apidecl::path_param<std::string_view> {
  static constexpr std::string_view name = "org";
};

struct widget {
  std::string_view name;
};
struct not_found {};

// --- well-formed descriptors ---------------------------------------------------------------------
struct get_widget {  // GET /v2/widgets/{widget_id}?expand=...
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets/{widget_id}";
  using params = apidecl::params<widget_id, expand, page_size, format, version, request_id, verbose>;
  using responses = apidecl::responses<apidecl::on<200, widget, apidecl::json>, apidecl::on<404, not_found, apidecl::json>>;
};

struct get_part {  // two placeholders, one an integer, listed in the other order from the path
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets/{widget_id}/parts/{part_no}";
  using params = apidecl::params<part_no, widget_id>;
  using responses = apidecl::responses<apidecl::on<200, widget, apidecl::json>>;
};

struct create_widget {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/v2/widgets";
  using params = apidecl::params<request_id>;
  using body = apidecl::request_body<widget, apidecl::json>;
  using responses = apidecl::responses<apidecl::on<201, widget, apidecl::json>, apidecl::on<400, not_found, apidecl::json>>;
};

struct ping {  // no params at all, a body-less response, the extreme status codes
  static constexpr apidecl::method method = apidecl::method::head;
  static constexpr std::string_view path = "/";
  using responses = apidecl::responses<apidecl::on<100>, apidecl::on<204>, apidecl::on<599>>;
};

struct no_responses_listed {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/health";
  using responses = apidecl::responses<>;
};

template <apidecl::method M>
struct put_like {
  static constexpr apidecl::method method = M;
  static constexpr std::string_view path = "/v2/widgets/{widget_id}";
  using params = apidecl::params<widget_id>;
  using body = apidecl::request_body<widget, apidecl::json>;
  using responses = apidecl::responses<apidecl::on<200, widget, apidecl::json>>;
};

// --- malformed descriptors: each differs from a good one in one way ---------------------------
struct placeholder_without_param {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets/{widget_id}/parts/{part_no}";
  using params = apidecl::params<widget_id>;
  using responses = apidecl::responses<apidecl::on<200, widget, apidecl::json>>;
};

struct param_without_placeholder {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets/{widget_id}";
  using params = apidecl::params<widget_id, stray_path_param>;
  using responses = apidecl::responses<apidecl::on<200, widget, apidecl::json>>;
};

struct placeholder_for_a_query_param {  // the name exists, but not as a path parameter
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets/{expand}";
  using params = apidecl::params<expand>;
  using responses = apidecl::responses<apidecl::on<200, widget, apidecl::json>>;
};

template <class... Params>
struct with_params {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets/{widget_id}";
  using params = apidecl::params<widget_id, Params...>;
  using responses = apidecl::responses<apidecl::on<200, widget, apidecl::json>>;
};

template <class... On>
struct with_responses {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets";
  using responses = apidecl::responses<On...>;
};

template <apidecl::method M>
struct with_body {
  static constexpr apidecl::method method = M;
  static constexpr std::string_view path = "/v2/widgets";
  using body = apidecl::request_body<widget, apidecl::json>;
  using responses = apidecl::responses<apidecl::on<200, widget, apidecl::json>>;
};

struct body_not_a_request_body {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/v2/widgets";
  using body = widget;
  using responses = apidecl::responses<apidecl::on<200, widget, apidecl::json>>;
};

struct lacks_method {
  static constexpr std::string_view path = "/v2/widgets";
  using responses = apidecl::responses<apidecl::on<200, widget, apidecl::json>>;
};

struct method_of_wrong_type {
  static constexpr int method = 0;
  static constexpr std::string_view path = "/v2/widgets";
  using responses = apidecl::responses<apidecl::on<200, widget, apidecl::json>>;
};

struct lacks_path {
  static constexpr apidecl::method method = apidecl::method::get;
  using responses = apidecl::responses<apidecl::on<200, widget, apidecl::json>>;
};

struct lacks_responses {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets";
};

struct responses_not_a_list {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets";
  using responses = apidecl::on<200, widget, apidecl::json>;
};

struct params_not_a_list {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets";
  using params = expand;
  using responses = apidecl::responses<apidecl::on<200, widget, apidecl::json>>;
};

struct response_not_an_on {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets";
  using responses = apidecl::responses<apidecl::on<200, widget, apidecl::json>, widget>;
};

template <class Path>
struct with_path {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = Path::text;
  using responses = apidecl::responses<apidecl::on<200, widget, apidecl::json>>;
};
struct no_leading_slash { static constexpr std::string_view text = "v2/widgets"; };
struct empty_path { static constexpr std::string_view text = ""; };
struct stray_brace { static constexpr std::string_view text = "/v2/widgets}"; };
struct unclosed_brace { static constexpr std::string_view text = "/v2/widgets/{widget_id"; };
struct empty_placeholder { static constexpr std::string_view text = "/v2/widgets/{}"; };
struct query_in_path { static constexpr std::string_view text = "/v2/widgets?v=1"; };
struct fragment_in_path { static constexpr std::string_view text = "/v2/widgets#top"; };
struct plain_path { static constexpr std::string_view text = "/v2/widgets"; };

}  // namespace check_endpoint_test

using namespace check_endpoint_test;

TEST_CASE("the shipped cielo24 descriptors are Endpoints", "[core][check_endpoint]") {
  STATIC_REQUIRE(apidecl::is_endpoint_v<apidecl::cielo24::endpoints::authorize_job>);
  STATIC_REQUIRE(apidecl::is_endpoint_v<apidecl::cielo24::endpoints::delete_job>);
}

TEST_CASE("a user-declared endpoint with path, optional, defaulted, fixed and header parameters is an Endpoint",
          "[core][check_endpoint]") {
  STATIC_REQUIRE(apidecl::is_endpoint_v<get_widget>);
  STATIC_REQUIRE(apidecl::is_endpoint_v<get_part>);
  STATIC_REQUIRE(apidecl::is_endpoint_v<with_path<plain_path>>);
  STATIC_REQUIRE(apidecl::is_endpoint_v<with_params<>>);
}

TEST_CASE("a POST, PUT or PATCH with a request body is an Endpoint", "[core][check_endpoint]") {
  STATIC_REQUIRE(apidecl::is_endpoint_v<create_widget>);
  STATIC_REQUIRE(apidecl::is_endpoint_v<put_like<apidecl::method::put>>);
  STATIC_REQUIRE(apidecl::is_endpoint_v<put_like<apidecl::method::patch>>);
  STATIC_REQUIRE(apidecl::is_endpoint_v<with_body<apidecl::method::post>>);
}

TEST_CASE("an endpoint without params, or without documented responses, is an Endpoint", "[core][check_endpoint]") {
  STATIC_REQUIRE(apidecl::is_endpoint_v<ping>);
  STATIC_REQUIRE(apidecl::is_endpoint_v<no_responses_listed>);
  STATIC_REQUIRE(std::is_same_v<apidecl::endpoint_params_t<ping>, apidecl::params<>>);
}

TEST_CASE("a placeholder without a path parameter is refused", "[core][check_endpoint]") {
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<placeholder_without_param>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<placeholder_for_a_query_param>);
}

TEST_CASE("a path parameter without a placeholder is refused", "[core][check_endpoint]") {
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<param_without_placeholder>);
}

TEST_CASE("two parameters with the same name are refused", "[core][check_endpoint]") {
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_params<expand, expand_again>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_params<widget_id_as_query>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_params<expand, expand>>);
  STATIC_REQUIRE(apidecl::is_endpoint_v<with_params<expand>>);  // the twin: once is fine
}

TEST_CASE("a status listed twice is refused", "[core][check_endpoint]") {
  using ok = apidecl::on<200, widget, apidecl::json>;
  using ok_again = apidecl::on<200, not_found, apidecl::json>;
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_responses<ok, ok_again>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_responses<ok, apidecl::on<404>, ok>>);
  STATIC_REQUIRE(apidecl::is_endpoint_v<with_responses<ok, apidecl::on<404>>>);
}

TEST_CASE("a status outside 100-599 is refused", "[core][check_endpoint]") {
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_responses<apidecl::on<99>>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_responses<apidecl::on<600>>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_responses<apidecl::on<0>>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_responses<apidecl::on<-200>>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_responses<apidecl::on<200>, apidecl::on<2000>>>);
  STATIC_REQUIRE(apidecl::is_endpoint_v<with_responses<apidecl::on<100>, apidecl::on<599>>>);
}

TEST_CASE("a range of statuses lies within 100-599, first to last, and overlaps no other range",
          "[core][check_endpoint]") {
  using client_errors = apidecl::on_range<400, 499, not_found, apidecl::json>;
  STATIC_REQUIRE(apidecl::is_endpoint_v<with_responses<client_errors, apidecl::on_range<500, 599>>>);
  STATIC_REQUIRE(apidecl::is_endpoint_v<with_responses<apidecl::on_range<404, 404>>>);
  // a single status inside a range is decoded as itself, in either order
  STATIC_REQUIRE(apidecl::is_endpoint_v<with_responses<client_errors, apidecl::on<404>>>);
  STATIC_REQUIRE(apidecl::is_endpoint_v<with_responses<apidecl::on<404>, client_errors>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_responses<apidecl::on_range<499, 400>>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_responses<apidecl::on_range<99, 199>>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_responses<apidecl::on_range<500, 600>>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_responses<client_errors, apidecl::on_range<450, 550>>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_responses<apidecl::on_range<450, 550>, client_errors>>);
  // a range of one status is that status
  STATIC_REQUIRE(apidecl::is_endpoint_v<with_responses<client_errors, apidecl::on_range<499, 499>>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_responses<apidecl::on<499>, apidecl::on_range<499, 499>>>);
}

TEST_CASE("a body on a method that gives it no meaning is refused", "[core][check_endpoint]") {
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_body<apidecl::method::get>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_body<apidecl::method::head>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_body<apidecl::method::delete_>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_body<apidecl::method::options>>);
  STATIC_REQUIRE(apidecl::is_endpoint_v<with_body<apidecl::method::post>>);
}

TEST_CASE("a body that is not a request_body is refused", "[core][check_endpoint]") {
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<body_not_a_request_body>);
}

TEST_CASE("a fixed parameter without its value is refused", "[core][check_endpoint]") {
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_params<fixed_without_value>>);
  STATIC_REQUIRE(apidecl::is_endpoint_v<with_params<version>>);
}

TEST_CASE("a fixed value that violates its own constraint is refused", "[core][check_endpoint]") {
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_params<fixed_value_not_hex>>);
}

TEST_CASE("a defaulted parameter without default_value is refused", "[core][check_endpoint]") {
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_params<defaulted_without_default>>);
  STATIC_REQUIRE(apidecl::is_endpoint_v<with_params<page_size>>);
}

TEST_CASE("a descriptor without method, path or responses is refused", "[core][check_endpoint]") {
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<lacks_method>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<method_of_wrong_type>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<lacks_path>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<lacks_responses>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<responses_not_a_list>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<int>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<widget>);
}

TEST_CASE("params and responses must be lists of parameters and of on<>", "[core][check_endpoint]") {
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<params_not_a_list>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_params<int>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_params<unnamed_parameter>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<response_not_an_on>);
}

TEST_CASE("a malformed path template is refused", "[core][check_endpoint]") {
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_path<no_leading_slash>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_path<empty_path>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_path<stray_brace>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_path<unclosed_brace>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_path<empty_placeholder>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_path<query_in_path>>);
  STATIC_REQUIRE_FALSE(apidecl::is_endpoint_v<with_path<fragment_in_path>>);
}

TEST_CASE("idempotence comes from the method unless the descriptor says otherwise", "[core][check_endpoint]") {
  STATIC_REQUIRE(apidecl::endpoint_is_idempotent_v<get_widget>);
  STATIC_REQUIRE_FALSE(apidecl::endpoint_is_idempotent_v<create_widget>);
  STATIC_REQUIRE(apidecl::endpoint_is_idempotent_v<put_like<apidecl::method::put>>);
  STATIC_REQUIRE_FALSE(apidecl::endpoint_is_idempotent_v<put_like<apidecl::method::patch>>);
  STATIC_REQUIRE(apidecl::endpoint_is_idempotent_v<apidecl::cielo24::endpoints::authorize_job>);
  STATIC_REQUIRE_FALSE(apidecl::endpoint_is_idempotent_v<apidecl::cielo24::endpoints::delete_job>);
}

TEST_CASE("a parameter's options set its presence and constraint in any order", "[core][check_endpoint]") {
  STATIC_REQUIRE(widget_id::presence == apidecl::presence::required);
  STATIC_REQUIRE(widget_id::where == apidecl::location::path);
  STATIC_REQUIRE(expand::presence == apidecl::presence::optional);
  STATIC_REQUIRE(format::presence == apidecl::presence::defaulted);
  STATIC_REQUIRE(std::is_same_v<format::constraint, apidecl::all_of<apidecl::length<1, 8>>>);
  STATIC_REQUIRE(version::presence == apidecl::presence::fixed);
  STATIC_REQUIRE(std::is_same_v<version::constraint, apidecl::all_of<apidecl::hex>>);
  STATIC_REQUIRE(request_id::where == apidecl::location::header);
  STATIC_REQUIRE(apidecl::endpoint_has_body_v<create_widget>);
  STATIC_REQUIRE_FALSE(apidecl::endpoint_has_body_v<get_widget>);
}
