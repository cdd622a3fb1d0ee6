// asio_transport: the cases every shipped transport passes (../support/transport_cases.hpp), run
// through each of its three ways of calling, and those of every AsyncTransport
// (../support/async_transport_cases.hpp); then what is its own: async_exchange from an io_context
// the caller runs, through its handler's associated executor, its pool of connections, and
// exchanges that allocate nothing once warmed up, streamed bodies included.
#include <catch2/catch.hpp>

#include "../support/allocation_counter.hpp"
#include "../support/boost_without_exceptions.hpp"

#include "../support/raw_servers.hpp"
#include "../support/transport_exchange.hpp"
#include "../support/transport_test_site.hpp"
#include "../support/waiting.hpp"

#include <apidecl/stream/generated_source.hpp>
#include <apidecl/transport/asio.hpp>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/throw_exception.hpp>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <array>
#include <functional>
#include <memory>
#include <new>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace asio_test {

using test_support::received;
using test_support::transport_test_site;

using test_support::allocation_counter;

/// asio_transport through `send` only: the blocking path.
class through_send {
 public:
  explicit through_send(apidecl::asio_options o) : http_(std::move(o)) {}
  apidecl::transport_result send(apidecl::request const& r) { return http_.send(r); }
  apidecl::transport_result send(apidecl::request const& r, apidecl::call_options const& c) { return http_.send(r, c); }
  apidecl::asio_options const& options() const noexcept { return http_.options(); }

 private:
  apidecl::asio_transport http_;
};

/// asio_transport through `start` and `poll` only, as a game loop drives it.
class through_poll {
 public:
  explicit through_poll(apidecl::asio_options o) : http_(std::move(o)) {}
  apidecl::exchange_id start(apidecl::request const& r, apidecl::exchange_handler h) {
    return http_.start(r, std::move(h));
  }
  apidecl::exchange_id start(apidecl::request const& r, apidecl::call_options const& c, apidecl::exchange_handler h) {
    return http_.start(r, c, std::move(h));
  }
  std::size_t poll() { return http_.poll(); }
  std::size_t poll(std::chrono::milliseconds wait) { return http_.poll(wait); }
  bool cancel(apidecl::exchange_id id) { return http_.cancel(id); }
  std::size_t in_flight() const noexcept { return http_.in_flight(); }
  apidecl::asio_options const& options() const noexcept { return http_.options(); }

 private:
  apidecl::asio_transport http_;
};

/// asio_transport on an io_context of the test's, through `async_exchange`, the io_context run
/// until it has nothing left to do: as an Asio program uses it.
class through_run_loop {
 public:
  explicit through_run_loop(apidecl::asio_options o) : http_(context_, std::move(o)) {}
  apidecl::transport_result send(apidecl::request const& r) { return send(r, apidecl::call_options{}); }
  apidecl::transport_result send(apidecl::request const& r, apidecl::call_options const& c) {
    bool called = false;
    http_.async_exchange(r, c, [this, &called](apidecl::transport_result const& result) {
      last_ = test_support::copy_of(result);
      called = true;
    });
    context_.restart();
    context_.run();  // returns once the exchange has ended: idle connections are no work
    if (!called) return apidecl::transport_error{apidecl::transport_errc::other, true, "the handler was not called"};
    if (last_.error) return *last_.error;
    return last_.response();
  }
  apidecl::asio_options const& options() const noexcept { return http_.options(); }

 private:
  boost::asio::io_context context_;  // first: it outlives the transport
  apidecl::asio_transport http_;
  received last_;
};

}  // namespace asio_test

using transports_under_test = std::tuple<asio_test::through_send, asio_test::through_poll, asio_test::through_run_loop>;
#include "../support/transport_cases.hpp"  // NOLINT: after the list it runs over
using async_transports_under_test = std::tuple<apidecl::asio_transport>;
#include "../support/async_transport_cases.hpp"  // NOLINT: after the list it runs over

namespace asio_test {

using namespace transport_cases;

apidecl::asio_options options_for_url(std::string url) { return options_for<apidecl::asio_transport>(std::move(url)); }
apidecl::asio_options nginx_options() { return options_for_url(site().http_url()); }

// A session that answers one request, keeping the connection as HTTP/1.1 allows, then closes
// its side and waits until the client's kernel has acknowledged the close (the server's socket
// past FIN_WAIT1): from then on, the client's socket has the end of the stream, which is what the
// transport must notice before reusing the connection. Sets `closed` then.
test_support::scripted_server::then answer_then_close_idle(test_support::scripted_server& server, int connection,
                                                           std::atomic<bool>& closed) {
  server.read_request(connection);
  server.write_all(connection, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
  ::shutdown(connection, SHUT_WR);
  auto const cap = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  for (;;) {
    tcp_info info{};
    socklen_t size = sizeof info;
    if (::getsockopt(connection, IPPROTO_TCP, TCP_INFO, &info, &size) != 0) break;
    if (info.tcpi_state != TCP_FIN_WAIT1 || std::chrono::steady_clock::now() > cap) break;  // acknowledged
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  closed = true;
  return test_support::scripted_server::then::close;
}

/// What `count_allocations` saw.
struct exchanges_counted {
  long allocations = 0;
  bool answered = false;
};

/// Runs `exchange` (which returns whether it was answered) a few times to warm up, then twenty
/// times counting the allocations of this thread.
template <class Exchange>
exchanges_counted count_allocations(Exchange exchange) {
  for (int i = 0; i < 3; ++i)
    if (!exchange()) return {};
  exchanges_counted counted{0, true};
  allocation_counter counter;
  for (int i = 0; i < 20; ++i) counted.answered = exchange() && counted.answered;
  counted.allocations = counter.stop();
  return counted;
}

}  // namespace asio_test

using namespace asio_test;

TEST_CASE("asio_transport is a Transport and an AsyncTransport that take per-call options, movable and not copyable",
          "[transport][asio]") {
  STATIC_REQUIRE(apidecl::is_transport_v<apidecl::asio_transport>);
  STATIC_REQUIRE(apidecl::has_send_with_call_options_v<apidecl::asio_transport>);
  STATIC_REQUIRE(apidecl::is_async_transport_v<apidecl::asio_transport>);
  STATIC_REQUIRE(apidecl::has_start_with_call_options_v<apidecl::asio_transport>);
  STATIC_REQUIRE(std::is_nothrow_move_constructible_v<apidecl::asio_transport>);
  STATIC_REQUIRE(std::is_nothrow_move_assignable_v<apidecl::asio_transport>);
  STATIC_REQUIRE_FALSE(std::is_copy_constructible_v<apidecl::asio_transport>);
}

// async_exchange, on an io_context the caller runs.

TEST_CASE("async_exchange calls its handler from the io_context's run loop, never from inside the call",
          "[transport][asio]") {
  boost::asio::io_context context;
  apidecl::asio_transport http(context, nginx_options());
  CHECK(&http.context() == &context);
  CHECK(http.get_executor() == context.get_executor());

  std::vector<received> answers;
  bool ran_in_loop = true;
  auto const keep = [&](apidecl::transport_result const& r) {
    ran_in_loop = ran_in_loop && context.get_executor().running_in_this_thread();
    answers.push_back(test_support::copy_of(r));
  };
  http.async_exchange(connection_request, keep);
  apidecl::asio_transport broken(context, options_for_url("ftp://example.invalid"));
  std::array<char, 200> large{};  // a handler too large to be kept in place
  broken.async_exchange(connection_request, [keep, large](apidecl::transport_result const& r) {
    if (large.size() == 200) keep(r);
  });  // fails at once, and still reports from the loop
  CHECK(answers.empty());
  CHECK(http.in_flight() == 1);

  context.run();
  CHECK(ran_in_loop);
  REQUIRE(answers.size() == 2);
  CHECK(answers[0].error);  // the malformed base URL, reported first
  CHECK(answers[0].error->code == apidecl::transport_errc::other);
  CHECK_FALSE(answers[0].error->may_have_reached_server);
  REQUIRE(answers[1]);
  CHECK(answers[1].status == 200);
  CHECK(http.in_flight() == 0);
}

TEST_CASE("async_exchange takes a move-only handler, and can be cancelled",
          "[transport][asio]") {
  test_support::scripted_server server([&](int connection) { return server.record_then_hold(connection); });
  REQUIRE(server.listening());
  boost::asio::io_context context;
  apidecl::asio_transport http(context, options_for_url(server.url()));
  std::optional<received> answer;
  auto owned = std::make_unique<int>(7);
  apidecl::exchange_id const id =
      http.async_exchange(apidecl::request(apidecl::method::get, "/held", {}, {}),
                          [&answer, owned = std::move(owned)](apidecl::transport_result const& r) {
                            if (*owned == 7) answer = test_support::copy_of(r);
                          });
  auto const cap = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (server.requests().empty() && std::chrono::steady_clock::now() < cap)
    context.run_one_for(std::chrono::milliseconds(50));
  REQUIRE(server.requests().size() == 1);
  CHECK(http.cancel(id));
  CHECK_FALSE(answer);  // not from inside cancel
  context.restart();
  context.run();
  REQUIRE(answer);
  REQUIRE_FALSE(*answer);
  CHECK(answer->error->code == apidecl::transport_errc::cancelled);
  CHECK(answer->error->may_have_reached_server);
}

TEST_CASE("async_exchange calls its handler through the handler's associated executor", "[transport][asio]") {
  boost::asio::io_context context;
  apidecl::asio_transport http(context, nginx_options());
  SECTION("a second io_context runs the handler; until then the exchange is lent to it") {
    boost::asio::io_context other;
    std::optional<received> answer;
    bool ran_on_other = false;
    http.async_exchange(connection_request, boost::asio::bind_executor(other, [&](apidecl::transport_result const& r) {
                          ran_on_other = other.get_executor().running_in_this_thread();
                          answer = test_support::copy_of(r);  // the views are still valid here
                        }));
    context.run();
    CHECK_FALSE(answer);  // the transport's run loop did not call it
    other.run();          // had work to wait for: it did not return at once
    REQUIRE(answer);
    CHECK(ran_on_other);
    REQUIRE(*answer);
    CHECK(answer->status == 200);
    context.restart();
    context.run();  // gives the exchange back, for the next one to reuse
    REQUIRE(test_support::copy_of(http.send(connection_request)));
  }
  SECTION("a strand of the transport's io_context runs the handler inside the strand") {
    auto strand = boost::asio::make_strand(context);
    bool in_strand = false;
    bool answered = false;
    http.async_exchange(connection_request, boost::asio::bind_executor(strand, [&](apidecl::transport_result const& r) {
                          in_strand = strand.running_in_this_thread();
                          answered = r.has_value() && r->status == 200;
                        }));
    context.run();
    CHECK(answered);
    CHECK(in_strand);
  }
}

TEST_CASE("send from inside a handler the io_context runs is refused, not a deadlock", "[transport][asio]") {
  boost::asio::io_context context;
  apidecl::asio_transport http(context, nginx_options());
  std::optional<received> nested;
  http.async_exchange(connection_request, [&](apidecl::transport_result const&) {
    nested = test_support::copy_of(http.send(connection_request));
  });
  context.run();
  REQUIRE(nested);
  REQUIRE_FALSE(*nested);
  CHECK(nested->error->code == apidecl::transport_errc::other);
  CHECK_FALSE(nested->error->may_have_reached_server);
}

TEST_CASE("send and poll on a caller's io_context leave it able to run the caller's own work", "[transport][asio]") {
  boost::asio::io_context context;
  apidecl::asio_transport http(context, nginx_options());
  REQUIRE(test_support::copy_of(http.send(connection_request)));
  http.poll();
  bool ran = false;
  boost::asio::post(context, [&] { ran = true; });
  context.run();  // returned at once, running nothing, while a stopped io_context was left behind
  CHECK(ran);
}

// The pool.

TEST_CASE("a connection the server closed while it was idle is not reused: the next request goes on a new one",
          "[transport][asio]") {
  std::atomic<bool> closed{false};
  test_support::scripted_server server(
      [&](int connection) { return answer_then_close_idle(server, connection, closed); });
  REQUIRE(server.listening());
  apidecl::asio_transport http(options_for_url(server.url()));
  REQUIRE(http.send(connection_request));
  REQUIRE(test_support::eventually([&] { return closed.load(); }));

  apidecl::transport_result const again = http.send(connection_request);
  INFO((again ? std::string() : std::string(again.error().detail)));
  REQUIRE(again);
  CHECK(again->body == "ok");
  CHECK(server.connections() == 2);
}

TEST_CASE("idle connections are kept up to idle_timeout, and not at all with max_pooled_connections 0",
          "[transport][asio]") {
  SECTION("without an idle_timeout, the connection is reused") {
    apidecl::asio_options o = nginx_options();
    o.idle_timeout = std::chrono::milliseconds(0);  // no limit: however slow the machine, it is reused
    apidecl::asio_transport http(o);
    received const first = test_support::copy_of(http.send(connection_request));
    received const second = test_support::copy_of(http.send(connection_request));
    REQUIRE(first);
    REQUIRE(second);
    CHECK(connection_of(second) == connection_of(first));
  }
  SECTION("past idle_timeout, a new connection is opened") {
    apidecl::asio_options o = nginx_options();
    o.idle_timeout = std::chrono::milliseconds(1);
    apidecl::asio_transport http(o);
    received const first = test_support::copy_of(http.send(connection_request));
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // the steady clock has passed idle_timeout
    received const second = test_support::copy_of(http.send(connection_request));
    REQUIRE(first);
    REQUIRE(second);
    CHECK(connection_of(second) != connection_of(first));
  }
  SECTION("with max_pooled_connections 0, every exchange has a connection of its own") {
    apidecl::asio_options o = nginx_options();
    o.max_pooled_connections = 0;
    apidecl::asio_transport http(o);
    received const first = test_support::copy_of(http.send(connection_request));
    received const second = test_support::copy_of(http.send(connection_request));
    REQUIRE(first);
    REQUIRE(second);
    CHECK(connection_of(second) != connection_of(first));
  }
}

TEST_CASE("a connection is not reused after an HTTP/1.0 answer, Connection: close, or bytes past the response",
          "[transport][asio]") {
  std::string_view const answers[] = {
      "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok",
      "HTTP/1.1 200 OK\r\nConnection: keep-alive, close\r\nContent-Length: 2\r\n\r\nok",
      "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\n",
  };
  for (std::string_view answer : answers) {
    INFO(answer);
    // Each connection serves one request; a transport that wrote a second on it would wait forever,
    // so the call's timeout ends that wait as a failure.
    test_support::scripted_server server([&](int connection) {
      server.read_request(connection);
      server.write_all(connection, answer);
      return test_support::scripted_server::then::hold;
    });
    REQUIRE(server.listening());
    apidecl::asio_transport http(options_for_url(server.url()));
    REQUIRE(http.send(connection_request));
    apidecl::call_options call;
    call.total_timeout = std::chrono::seconds(30);
    apidecl::transport_result const second = http.send(connection_request, call);
    INFO((second ? std::string() : std::string(second.error().detail)));
    CHECK(second);
    CHECK(server.connections() == 2);
  }
}

TEST_CASE("responses larger than the buffers, chunked with extensions and trailers, arrive whole",
          "[transport][asio]") {
  std::string const big_field(40 * 1024, 'h');
  std::string const body(100 * 1024, 'b');
  std::string chunked;
  for (std::size_t at = 0; at < body.size(); at += 7000) {
    std::size_t const n = std::min<std::size_t>(7000, body.size() - at);
    std::ostringstream size;
    size << std::hex << n;
    chunked += size.str() + ";ext=1\r\n" + body.substr(at, n) + "\r\n";
  }
  chunked += "0\r\nX-Trailer: t\r\n\r\n";
  test_support::scripted_server server([&](int connection) {
    for (int i = 0; i < 2; ++i) {
      server.read_request(connection);
      server.write_all(connection, "HTTP/1.1 200 OK\r\nX-Big: " + big_field + "\r\nContent-Length: " +
                                       std::to_string(body.size()) + "\r\n\r\n" + body);
      server.read_request(connection);
      server.write_all(connection, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked);
    }
    return test_support::scripted_server::then::close;
  });
  REQUIRE(server.listening());
  apidecl::asio_transport http(options_for_url(server.url()));
  for (int i = 0; i < 2; ++i) {  // the second time, into buffers that have grown
    received const sized = test_support::copy_of(http.send(connection_request));
    INFO((sized.error ? std::string(sized.error->detail) : std::string()));
    REQUIRE(sized);
    CHECK(sized.header("X-Big") == std::optional<std::string_view>(big_field));
    CHECK(sized.body == body);
    received const dechunked = test_support::copy_of(http.send(connection_request));
    REQUIRE(dechunked);
    CHECK(dechunked.body == body);
  }
  CHECK(server.connections() == 1);
}

TEST_CASE("a malformed base URL or an unreadable CA file fails every exchange, which never left",
          "[transport][asio]") {
  for (std::string url : {"", "ftp://example.org", "http://", "http://host:0", "http://host:99999",
                          "http://user@host", "http://[::1"}) {
    INFO(url);
    apidecl::asio_transport http(options_for_url(url));
    apidecl::transport_result const r = http.send(connection_request);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == apidecl::transport_errc::other);
    CHECK_FALSE(r.error().may_have_reached_server);
  }
  apidecl::asio_options o = options_for_url(site().https_url());
  o.ca_file = "/nonexistent/ca.pem";
  apidecl::asio_transport https(o);
  apidecl::transport_result const r = https.send(connection_request);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == apidecl::transport_errc::tls_error);
  CHECK_FALSE(r.error().may_have_reached_server);
}

// Allocation.

TEST_CASE("once warmed up, an exchange over a kept connection allocates nothing", "[transport][asio]") {
  SECTION("the count sees an allocation") {  // else a zero below would prove nothing
    allocation_counter counter;
    auto const text = std::make_unique<std::string>(100, 'x');
    CHECK(counter.stop() > 0);
  }
  SECTION("send") {
    apidecl::asio_transport http(nginx_options());
    exchanges_counted const counted = count_allocations([&] { return http.send(connection_request).has_value(); });
    CHECK(counted.answered);
    CHECK(counted.allocations == 0);
  }
  SECTION("send over TLS") {
    apidecl::asio_options o = options_for_url(site().https_url());
    o.ca_file = site().ca_file();
    apidecl::asio_transport https(o);
    exchanges_counted const counted = count_allocations([&] { return https.send(connection_request).has_value(); });
    CHECK(counted.answered);
    CHECK(counted.allocations == 0);
  }
  SECTION("a streamed upload and a streamed download, started and polled") {
    apidecl::asio_transport http(nginx_options());
    apidecl::generated_source media(200000);
    apidecl::request const upload = apidecl::request(apidecl::method::post, "/connection", "Content-Length: 200000\r\n", {})
                                        .with_body_source(apidecl::stream_from(media));
    struct counting_sink {
      std::uint64_t bytes = 0;
      apidecl::sink_status begin(int, apidecl::header_list) noexcept { return std::nullopt; }
      apidecl::sink_status write(std::string_view chunk) noexcept {
        bytes += chunk.size();
        return std::nullopt;
      }
    } sink;
    apidecl::call_options options;
    options.response_into = apidecl::stream_to(sink).for_statuses([](int status) noexcept { return status == 200; });
    bool answered = false;
    apidecl::exchange_handler const note = [&answered](apidecl::transport_result const& r) {
      answered = r.has_value() && r->status == 200 && r->body.empty() && r->streamed > 0;
    };
    exchanges_counted const counted = count_allocations([&] {
      answered = false;
      media.rewind();
      http.start(upload, options, std::ref(note));
      while (http.in_flight() > 0) http.poll(std::chrono::milliseconds(50));
      return answered && media.position() == media.size();
    });
    CHECK(counted.answered);
    CHECK(counted.allocations == 0);
    CHECK(sink.bytes > 0);
  }
  SECTION("start and poll") {
    apidecl::asio_transport http(nginx_options());
    bool answered = false;
    apidecl::exchange_handler const note = [&answered](apidecl::transport_result const& r) {
      answered = r.has_value();
    };
    exchanges_counted const counted = count_allocations([&] {
      answered = false;
      http.start(connection_request, std::ref(note));  // a reference_wrapper is stored in place
      while (http.in_flight() > 0) http.poll(std::chrono::milliseconds(50));
      return answered;
    });
    CHECK(counted.answered);
    CHECK(counted.allocations == 0);
  }
}
