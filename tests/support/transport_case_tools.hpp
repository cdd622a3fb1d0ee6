// What the shared transport cases (transport_cases.hpp, async_transport_cases.hpp) use, and the
// tests of one transport with them: the test site, options for any transport type, a request that
// carries a token, and checks of what a server received or an error says.
#ifndef APIDECL_TESTS_SUPPORT_TRANSPORT_CASE_TOOLS_HPP
#define APIDECL_TESTS_SUPPORT_TRANSPORT_CASE_TOOLS_HPP

#include <catch2/catch.hpp>

#include "raw_servers.hpp"
#include "transport_exchange.hpp"
#include "transport_test_site.hpp"

#include <apidecl/core/failure.hpp>
#include <apidecl/core/request.hpp>

#include <chrono>
#include <cstddef>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

namespace transport_cases {

using test_support::exchange;
using test_support::received;
using test_support::transport_test_site;

inline constexpr std::string_view secret = "7ca5dc5c7cce449fb0fff719307e8f5f";

inline transport_test_site const& site() {
  transport_test_site const& s = transport_test_site::instance();
  INFO(s.failure());
  REQUIRE(s.ready());
  return s;
}

/// The options `Transport` is made from.
template <class Transport>
using options_of = std::decay_t<decltype(std::declval<Transport const&>().options())>;

template <class Transport>
options_of<Transport> options_for(std::string base_url) {
  options_of<Transport> o;
  o.base_url = std::move(base_url);
  return o;
}

/// A GET of `path` that carries a token in its query, as cielo24's requests do.
struct get_with_token {
  std::string target;
  explicit get_with_token(std::string_view path)
      : target(std::string(path) + "?v=1&api_token=" + std::string(secret)) {}
  operator apidecl::request() const { return apidecl::request(apidecl::method::get, target, {}, {}); }
};

/// No error detail shows the query (where the token is); the path is kept.
inline void check_redacted(apidecl::transport_error const& e, std::string_view path) {
  std::string_view const detail = e.detail;
  INFO("detail: " << detail);
  CHECK(detail.find(secret) == std::string_view::npos);
  CHECK(detail.find("api_token") == std::string_view::npos);
  CHECK(detail.find(std::string(path) + "?***") != std::string_view::npos);
}

/// `r` failed with `code`, saying whether the request may have reached the server, in a detail
/// that names `path` and hides its query.
inline void check_failure(received const& r, apidecl::transport_errc code, bool may_have_reached_server,
                          std::string_view path) {
  REQUIRE_FALSE(r);
  INFO("detail: " << r.error->detail.view());
  CHECK(r.error->code == code);
  CHECK(r.error->may_have_reached_server == may_have_reached_server);
  check_redacted(*r.error, path);
}

/// The connection id and the request count on it that nginx reports for /connection.
inline std::pair<long, long> connection_and_count(received const& r) {
  std::istringstream in(r.body);
  long connection = 0, count = 0;
  in >> connection >> count;
  return {connection, count};
}

/// A scripted server's session: records one request and answers it with no content, then closes
/// the connection, as it says it will.
inline test_support::scripted_server::then record_and_answer(test_support::scripted_server& server, int connection) {
  server.read_request(connection);
  server.write_all(connection, "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
  return test_support::scripted_server::then::close;
}

/// The target of the request line a loopback server read, or "" if it is not one.
inline std::string_view target_of(std::string_view request) {
  std::size_t const space = request.find(' ');
  std::size_t const end = request.find(" HTTP/1.1\r\n");
  if (space == std::string_view::npos || end == std::string_view::npos || end < space) return {};
  return request.substr(space + 1, end - space - 1);
}

/// A GET of nginx's /connection, which answers with `connection_and_count`.
inline apidecl::request const connection_request(apidecl::method::get, "/connection", {}, {});

/// The connection nginx says served the request.
inline long connection_of(received const& r) { return connection_and_count(r).first; }

/// A game's loop: polls once a frame until `done` or a minute passes (a hang, not a slow machine).
/// Returns whether `done`.
template <class AsyncTransport, class Done>
bool poll_until(AsyncTransport& http, Done done) {
  auto const cap = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (!done() && std::chrono::steady_clock::now() < cap) {
    http.poll();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));  // the rest of the frame
  }
  return done();
}

}  // namespace transport_cases

#endif
