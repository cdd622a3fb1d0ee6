// An exchange that fails at each of its steps in turn (connect, write, first byte, in the header
// section, in the body) says so with the right transport_errc and whether the request may have
// reached the server: over real sockets for every shipped transport, and, byte by byte, over a
// Transport of the kind users write on a bare socket with response_reader, through the client,
// whose retries depend on that flag.
#include <catch2/catch.hpp>

#include "../support/boost_without_exceptions.hpp"
#include "../support/raw_servers.hpp"
#include "../support/server_process.hpp"
#include "../support/transport_case_tools.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/clock/test_clock.hpp>
#include <apidecl/core/response_reader.hpp>
#include <apidecl/retry/retry.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/asio.hpp>
#include <apidecl/transport/curl.hpp>
#include <apidecl/transport/curl_multi.hpp>

#include <sys/socket.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace transport_steps {

using namespace std::chrono_literals;
using transport_cases::get_with_token;
using transport_cases::options_for;
using transport_cases::secret;
using test_support::scripted_server;
namespace c24 = apidecl::cielo24;

enum class step { connect, write, first_byte, header_section, body };

constexpr std::string_view head_and_part_of_body =
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"Ta";

// Closes a connection with a reset rather than a FIN: a peer that went away, not one that finished.
void reset(int connection) {
  linger const abort_on_close{1, 0};
  ::setsockopt(connection, SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof abort_on_close);
}

// A session of `server` that ends its exchange at `where`.
scripted_server::then serve_failing_at(step where, scripted_server& server, int connection) {
  if (where == step::write) {
    char some[1024];
    (void)::recv(connection, some, sizeof some, 0);  // a little of the request, then gone
    reset(connection);
    return scripted_server::then::close;
  }
  server.read_request(connection);
  if (where == step::header_section) scripted_server::write_all(connection, head_and_part_of_body.substr(0, 40));
  if (where == step::body) scripted_server::write_all(connection, head_and_part_of_body);
  return scripted_server::then::close;
}

using transports_under_test =
    std::tuple<apidecl::curl_transport, apidecl::curl_multi_transport, apidecl::asio_transport>;

TEMPLATE_LIST_TEST_CASE("each step of an exchange that fails says how, and whether the request may have left",
                        "[reliability][transport]", transports_under_test) {
  auto const [where, code, may_have_reached_server] =
      GENERATE(std::tuple{step::connect, apidecl::transport_errc::cannot_connect, false},
               std::tuple{step::write, apidecl::transport_errc::connection_lost, true},
               std::tuple{step::first_byte, apidecl::transport_errc::connection_lost, true},
               std::tuple{step::header_section, apidecl::transport_errc::connection_lost, true},
               std::tuple{step::body, apidecl::transport_errc::connection_lost, true});
  INFO("step " << static_cast<int>(where));
  step const failing = where;  // a lambda may not capture a structured binding before C++20
  scripted_server server([&](int connection) { return serve_failing_at(failing, server, connection); });
  REQUIRE(server.listening());
  std::uint16_t const closed_port = test_support::free_loopback_port();
  REQUIRE(closed_port != 0);
  TestType http(options_for<TestType>(where == step::connect ? "http://127.0.0.1:" + std::to_string(closed_port)
                                                             : server.url()));
  // A body larger than the socket buffers, so that the write is still going when the server leaves.
  std::string const body(where == step::write ? 16 * 1024 * 1024 : 0, 'x');
  get_with_token const target("/api/job/delete");
  apidecl::request const r(where == step::write ? apidecl::method::post : apidecl::method::get, target.target, {},
                           body);
  transport_cases::check_failure(transport_cases::exchange(http, r), code, may_have_reached_server, "/api/job/delete");
}

TEMPLATE_LIST_TEST_CASE("a request whose kept-alive connection dies unanswered is not sent again by the transport",
                        "[reliability][transport]", transports_under_test) {
  // The server answers the first request, reads the second on the same connection and leaves; it
  // would answer a third on a new connection. Whether to send again is the Retry policy's call.
  scripted_server server([&](int connection) {
    if (server.connections() > 1) return transport_cases::record_and_answer(server, connection);
    server.read_request(connection);
    scripted_server::write_all(connection, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    server.read_request(connection);
    return scripted_server::then::close;
  });
  REQUIRE(server.listening());
  TestType http(options_for<TestType>(server.url()));
  get_with_token const first("/api/quote/1/authorize");
  get_with_token const second("/api/quote/2/authorize");
  REQUIRE(transport_cases::exchange(http, apidecl::request(apidecl::method::post, first.target, {}, "q")));
  transport_cases::check_failure(
      transport_cases::exchange(http, apidecl::request(apidecl::method::post, second.target, {}, "q")),
      apidecl::transport_errc::connection_lost, true, "/api/quote/2/authorize");
  CHECK(server.requests().size() == 2);
}

// A Transport of the kind response_reader is for: the server's bytes come in pieces of a few bytes
// from a stream that, on the attempts listed, fails at connect or while the request is written, or
// ends after `cut` bytes of the response. Other attempts get the whole response.
class stream_transport {
 public:
  struct attempt_fault {
    step where;
    std::size_t cut = 0;  ///< for the steps of reading: the response bytes delivered before the end
  };

  stream_transport(std::string_view response, std::vector<attempt_fault> faults)
      : response_(response), faults_(std::move(faults)) {}

  apidecl::transport_result send(apidecl::request const&) {
    std::size_t const attempt = attempts_++;
    std::string_view stream = response_;
    if (attempt < faults_.size()) {
      attempt_fault const& f = faults_[attempt];
      if (f.where == step::connect)
        return apidecl::transport_error{apidecl::transport_errc::cannot_connect, false, "connection refused"};
      if (f.where == step::write)  // some of the request may have left
        return apidecl::transport_error{apidecl::transport_errc::connection_lost, true, "reset while writing"};
      stream = stream.substr(0, f.cut);
    }
    reader_.reset(apidecl::reader_options{});
    while (reader_.state() == apidecl::read_state::need_more) {
      if (stream.empty()) {
        reader_.finish();
        break;
      }
      std::string_view const piece = stream.substr(0, 7);
      stream.remove_prefix(piece.size());
      reader_.feed(piece);
    }
    return reader_.result();
  }

  int attempts() const noexcept { return static_cast<int>(attempts_); }

 private:
  std::string_view response_;
  std::vector<attempt_fault> faults_;
  std::size_t attempts_ = 0;
  std::array<char, 1024> buffer_{};
  apidecl::response_reader reader_{buffer_};
};

constexpr std::string_view task_body = R"({"TaskId": "cc8095fbfecf4647b2e10b622d81c19b"})";
inline std::string const task_response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                                         std::to_string(task_body.size()) + "\r\n\r\n" + std::string(task_body);
inline std::size_t const header_section_size = task_response.size() - task_body.size();
constexpr std::string_view job = "64bea283eff6475ea6596027a6ba0929";

step step_of_cut(std::size_t cut) {
  return cut == 0 ? step::first_byte : cut < header_section_size ? step::header_section : step::body;
}

TEST_CASE("a response cut at any byte is connection_lost, and only what provably never left is sent again",
          "[reliability][transport]") {
  for (std::size_t cut = 0; cut < task_response.size(); ++cut) {
    INFO("cut after " << cut << " bytes");
    stream_transport lost(task_response, {{step_of_cut(cut), cut}});
    auto api = apidecl::make_client(lost, apidecl::boost_json_serializer{}, apidecl::test_clock{},
                                    c24::token_auth{std::string(secret)}, apidecl::fixed_delay{100ms, 3});
    auto const deleted = api.call(c24::delete_job, c24::job_id = job);
    REQUIRE(deleted.failure_if() != nullptr);
    REQUIRE(deleted.failure_if()->transport() != nullptr);
    CHECK(deleted.failure_if()->transport()->code == apidecl::transport_errc::connection_lost);
    CHECK(deleted.failure_if()->transport()->may_have_reached_server);
    CHECK(deleted.attempts() == 1);  // not idempotent: never sent again after it may have arrived
    CHECK(lost.attempts() == 1);

    stream_transport lost_once(task_response, {{step_of_cut(cut), cut}});
    auto again = apidecl::make_client(lost_once, apidecl::boost_json_serializer{}, apidecl::test_clock{},
                                      c24::token_auth{std::string(secret)}, apidecl::fixed_delay{100ms, 3});
    auto const authorized = again.call(c24::authorize_job, c24::job_id = job);
    CHECK(authorized.attempts() == 2);  // idempotent: sent again, and the whole answer came
    CHECK(authorized.http_status() == 200);
  }
}

TEST_CASE("a request that failed at connect or while written is sent again as far as the flag allows",
          "[reliability][transport]") {
  stream_transport refused(task_response, {{step::connect}, {step::connect}});
  auto api = apidecl::make_client(refused, apidecl::boost_json_serializer{}, apidecl::test_clock{},
                                  c24::token_auth{std::string(secret)}, apidecl::fixed_delay{100ms, 3});
  auto const deleted = api.call(c24::delete_job, c24::job_id = job);
  REQUIRE(deleted.get_if<200>() != nullptr);
  CHECK(deleted.get_if<200>()->task_id == "cc8095fbfecf4647b2e10b622d81c19b");
  CHECK(deleted.attempts() == 3);

  stream_transport reset_while_written(task_response, {{step::write}});
  auto other = apidecl::make_client(reset_while_written, apidecl::boost_json_serializer{}, apidecl::test_clock{},
                                    c24::token_auth{std::string(secret)}, apidecl::fixed_delay{100ms, 3});
  auto const not_again = other.call(c24::delete_job, c24::job_id = job);
  REQUIRE(not_again.failure_if() != nullptr);
  CHECK(not_again.failure_if()->transport()->code == apidecl::transport_errc::connection_lost);
  CHECK(not_again.attempts() == 1);
}

}  // namespace transport_steps
