// The blocking curl transport: what it guarantees by type and by default, and cielo24's Delete
// Job called through the whole client over it, against nginx. What both curl transports do alike
// is in curl_transports.cpp.
#include <catch2/catch.hpp>

#include "../support/transport_test_site.hpp"

#include <apidecl/apis/cielo24/job_delete.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/curl.hpp>

#include <string>
#include <type_traits>
#include <utility>

namespace c24 = apidecl::cielo24;
using test_support::transport_test_site;

namespace curl_test {

apidecl::curl_options nginx_options() {
  transport_test_site const& site = transport_test_site::instance();
  INFO(site.failure());
  REQUIRE(site.ready());
  apidecl::curl_options o;
  o.base_url = site.http_url();
  return o;
}

}  // namespace curl_test

using namespace curl_test;

TEST_CASE("curl_transport is a Transport that takes per-call options, movable and not copyable",
          "[transport][curl]") {
  STATIC_REQUIRE(apidecl::is_transport_v<apidecl::curl_transport>);
  STATIC_REQUIRE(apidecl::has_send_with_call_options_v<apidecl::curl_transport>);
  STATIC_REQUIRE(std::is_nothrow_move_constructible_v<apidecl::curl_transport>);
  STATIC_REQUIRE(std::is_nothrow_move_assignable_v<apidecl::curl_transport>);
  STATIC_REQUIRE_FALSE(std::is_copy_constructible_v<apidecl::curl_transport>);
  STATIC_REQUIRE_FALSE(std::is_copy_assignable_v<apidecl::curl_transport>);
}

TEST_CASE("the default options are the safe ones", "[transport][curl]") {
  apidecl::curl_options const o;
  CHECK_FALSE(o.insecure_skip_tls_verification);
  CHECK(o.ca_file.empty());
  CHECK(o.max_redirects == 0);
  CHECK(o.max_response_body == 8u * 1024 * 1024);
  CHECK(o.connect_timeout > std::chrono::milliseconds(0));
  CHECK(o.total_timeout > std::chrono::milliseconds(0));
  CHECK_FALSE(o.proxy.has_value());  // unset: curl follows the environment
}

TEST_CASE("cielo24's Delete Job through the client over curl_transport decodes nginx's answer",
          "[transport][curl]") {
  apidecl::curl_transport http(nginx_options());
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});

  auto const deleted =
      api.call(c24::delete_job, c24::api_token = test_support::seed_api_token, c24::job_id = test_support::seed_job_id);
  REQUIRE(deleted.get_if<200>() != nullptr);
  CHECK(deleted.get_if<200>()->task_id == test_support::seed_task_id);

  auto const missing = api.call(c24::delete_job, c24::api_token = test_support::seed_api_token,
                                c24::job_id = "00000000000000000000000000000000");
  REQUIRE(missing.get_if<400>() != nullptr);
  CHECK(missing.get_if<400>()->type == c24::error_type::item_not_found);
  CHECK(missing.get_if<400>()->comment == "Job not found");
}

TEST_CASE("a client may own its curl_transport", "[transport][curl]") {
  auto api = apidecl::make_client(apidecl::curl_transport(nginx_options()), apidecl::boost_json_serializer{});
  auto const r =
      api.call(c24::delete_job, c24::api_token = test_support::seed_api_token, c24::job_id = test_support::seed_job_id);
  CHECK(r.get_if<200>() != nullptr);
}

TEST_CASE("a moved curl_transport keeps working, with its options", "[transport][curl]") {
  apidecl::curl_transport first(nginx_options());
  apidecl::request const r(apidecl::method::get, "/new", {}, {});
  REQUIRE(first.send(r));

  apidecl::curl_transport second(std::move(first));
  CHECK(second.options().base_url == transport_test_site::instance().http_url());
  apidecl::transport_result const moved = second.send(r);
  REQUIRE(moved);
  CHECK(moved->body == "new");

  apidecl::curl_transport third(apidecl::curl_options{});
  third = std::move(second);
  apidecl::transport_result const assigned = third.send(r);
  REQUIRE(assigned);
  CHECK(assigned->body == "new");
}

TEST_CASE("a HEAD request comes back with headers and no body", "[transport][curl]") {
  apidecl::curl_transport http(nginx_options());
  apidecl::transport_result const r = http.send(apidecl::request(apidecl::method::head, "/new", {}, {}));
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body.empty());
  CHECK(r->headers.find("Content-Length") == std::optional<std::string_view>("3"));
}

TEST_CASE("a base URL curl cannot use fails before anything is sent", "[transport][curl]") {
  apidecl::curl_options o;
  o.base_url = "ftp://127.0.0.1";
  apidecl::curl_transport http(o);
  apidecl::transport_result const r = http.send(apidecl::request(apidecl::method::get, "/file?secret=1", {}, {}));
  REQUIRE_FALSE(r);
  CHECK_FALSE(r.error().may_have_reached_server);
  CHECK(r.error().detail.view().find("secret") == std::string_view::npos);
}
