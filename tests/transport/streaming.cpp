// Streamed bodies over real sockets, through the whole client and both curl transports (blocking,
// and started then polled): an upload's bytes as the server reads them, a download's as the sink
// gets them, a server that closes mid-download, failing sources and sinks, and the error status
// decoded while a sink was given. asio_transport does not stream, and says so.
#include <catch2/catch.hpp>

#include "../support/boost_without_exceptions.hpp"
#include "../support/raw_servers.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/retry/retry.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/text.hpp>
#include <apidecl/stream/generated_source.hpp>
#include <apidecl/transport/asio.hpp>
#include <apidecl/transport/curl.hpp>
#include <apidecl/transport/curl_multi.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace c24 = apidecl::cielo24;
using test_support::scripted_server;

namespace transport_streaming_test {
constexpr char const* token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr char const* job = "64bea283eff6475ea6596027a6ba0929";
std::string const task_json = R"({"TaskId":"9d4a4cfd40ee4d73b5d53a3a1d42fdb3"})";

bool generated(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size(); ++i)
    if (bytes[i] != apidecl::generated_source::byte_at(i)) return false;
  return true;
}

std::string generated_bytes(std::size_t n) {
  std::string bytes(n, '\0');
  for (std::size_t i = 0; i < n; ++i) bytes[i] = apidecl::generated_source::byte_at(i);
  return bytes;
}

// A sink that checks each byte against a generated_source's as it comes, keeping nothing.
struct checking_sink {
  std::uint64_t taken = 0;
  std::uint64_t wrong = 0;
  int begun = 0;
  int chunks = 0;
  std::uint64_t fail_after = UINT64_MAX;
  apidecl::sink_status begin(int, apidecl::header_list) noexcept {
    ++begun;
    return std::nullopt;
  }
  apidecl::sink_status write(std::string_view chunk) noexcept {
    if (taken + chunk.size() > fail_after) return apidecl::stream_failure{"no room left", 28};
    for (char c : chunk) wrong += c != apidecl::generated_source::byte_at(taken++) ? 1 : 0;
    ++chunks;
    return std::nullopt;
  }
};

// Call options that send the body of the statuses a sink takes to `sink`.
apidecl::call_options into(checking_sink& sink) {
  apidecl::call_options options;
  options.response_into = apidecl::stream_to(sink);
  return options;
}

std::string answer(int status, std::string_view type, std::string_view body) {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: " + std::string(type) +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + std::string(body);
}

// Calls through `api`: blocking over curl_transport, started and polled over curl_multi_transport.
template <class Client, class Call>
auto run(Client& api, Call&& call) {
  if constexpr (std::is_same_v<typename Client::transport_type, apidecl::curl_transport>) {
    return call([&](auto const&... args) { return api.call(args...); });
  } else {
    auto pending = call([&](auto const&... args) { return api.start(args...); });
    auto const cap = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    while (!pending.ready() && std::chrono::steady_clock::now() < cap) {
      api.transport().poll(std::chrono::milliseconds(20));
      api.poll();
    }
    REQUIRE(pending.ready());
    return pending.get();
  }
}

template <class Transport, class... Policies>
auto client_for(scripted_server const& server, Policies... policies) {
  apidecl::curl_options o;
  o.base_url = server.url();
  o.max_response_body = 64 * 1024;  // a streamed body is not held, so not bounded by this
  return apidecl::make_client(Transport(o), apidecl::boost_json_serializer{}, apidecl::text_serializer{},
                              apidecl::octet_serializer{}, policies...);
}
}  // namespace transport_streaming_test

using namespace transport_streaming_test;

#define CURL_TRANSPORTS apidecl::curl_transport, apidecl::curl_multi_transport

TEMPLATE_TEST_CASE("a streamed upload reaches the server byte for byte", "[transport][stream]", CURL_TRANSPORTS) {
  STATIC_REQUIRE(apidecl::transport_streams_bodies_v<TestType>);
  constexpr std::size_t size = 3 * 1024 * 1024 + 17;
  std::string body;
  scripted_server server([&](int connection) {
    std::string const request = server.read_request(connection);
    std::size_t const head = request.find("\r\n\r\n");
    if (head != std::string::npos) body = request.substr(head + 4);
    scripted_server::write_all(connection, answer(200, "application/json", task_json));
    return scripted_server::then::close;
  });
  REQUIRE(server.listening());
  auto api = client_for<TestType>(server);
  apidecl::generated_source media(size);
  auto const r = run(api, [&](auto&& call) {
    return call(c24::add_media_file, c24::api_token = token, c24::job_id = job, apidecl::body = apidecl::stream_from(media));
  });
  REQUIRE(r.template get_if<200>() != nullptr);
  REQUIRE(body.size() == size);
  CHECK(generated(body));
  std::string const head = server.requests().at(0).substr(0, server.requests().at(0).find("\r\n\r\n"));
  CHECK(head.find("POST /api/job/add_media?v=1&api_token=") == 0);
  std::size_t const length = head.find("\r\nContent-Length: 3145745");
  CHECK(length != std::string::npos);
  CHECK(head.find("Content-Length", length + 3) == std::string::npos);  // one, the size of the source
  CHECK(head.find("Expect") == std::string::npos);
  CHECK(head.find("Transfer-Encoding") == std::string::npos);
}

TEMPLATE_TEST_CASE("a download larger than max_response_body goes to the sink byte for byte", "[transport][stream]",
                   CURL_TRANSPORTS) {
  constexpr std::size_t size = 2 * 1024 * 1024 + 5;
  scripted_server server([&](int connection) {
    return server.answer_once(connection, answer(200, "application/octet-stream", generated_bytes(size)));
  });
  REQUIRE(server.listening());
  auto api = client_for<TestType>(server);
  checking_sink sink;
  apidecl::call_options const options = into(sink);
  auto const r = run(api, [&](auto&& call) {
    return call(options, c24::download_media, c24::api_token = token, c24::job_id = job,
                c24::media_type = c24::media_file_format::mp4);
  });
  REQUIRE(r.template get_if<200>() != nullptr);
  CHECK(r.template get_if<200>()->empty());
  CHECK(sink.taken == size);
  CHECK(sink.wrong == 0);
  CHECK(sink.begun == 1);
  CHECK(sink.chunks > 1);
}

TEMPLATE_TEST_CASE("the error status is decoded while a sink was given, and the sink never begins",
                   "[transport][stream]", CURL_TRANSPORTS) {
  scripted_server server([&](int connection) {
    return server.answer_once(
        connection, answer(400, "application/json", R"({"ErrorType":"ITEM_NOT_FOUND","ErrorComment":"no such job"})"));
  });
  REQUIRE(server.listening());
  auto api = client_for<TestType>(server);
  checking_sink sink;
  apidecl::call_options const options = into(sink);
  auto const r = run(api, [&](auto&& call) {
    return call(options, c24::get_caption, c24::api_token = token, c24::job_id = job,
                c24::caption_format = c24::caption_file_format::srt);
  });
  REQUIRE(r.template get_if<400>() != nullptr);
  CHECK(r.template get_if<400>()->comment == "no such job");
  CHECK(sink.begun == 0);
  CHECK(sink.taken == 0);
}

TEMPLATE_TEST_CASE("a server that closes mid-download ends the call as connection_lost, the bytes before kept",
                   "[transport][stream]", CURL_TRANSPORTS) {
  std::string const whole = generated_bytes(100000);
  scripted_server server([&](int connection) {
    server.read_request(connection);
    std::string const cut = answer(200, "text/plain", whole);
    scripted_server::write_all(connection, std::string_view(cut).substr(0, cut.size() - 60000));
    return scripted_server::then::close;
  });
  REQUIRE(server.listening());
  auto api = client_for<TestType>(server);
  checking_sink sink;
  apidecl::call_options const options = into(sink);
  auto const r = run(api, [&](auto&& call) { return call(options, c24::get_transcript, c24::api_token = token, c24::job_id = job); });
  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->transport() != nullptr);
  CHECK(r.failure_if()->transport()->code == apidecl::transport_errc::connection_lost);
  CHECK(sink.begun == 1);
  CHECK(sink.taken == 40000);
  CHECK(sink.wrong == 0);
}

TEMPLATE_TEST_CASE("a source that fails mid-upload, or a sink mid-download, ends the call as body_stream_failed",
                   "[transport][stream]", CURL_TRANSPORTS) {
  scripted_server server([&](int connection) {
    std::string const request = server.read_request(connection);  // empty when the upload stopped
    if (!request.empty())
      scripted_server::write_all(connection, answer(200, "text/plain", generated_bytes(300000)));
    return scripted_server::then::close;
  });
  REQUIRE(server.listening());
  auto api = client_for<TestType>(server);
  SECTION("the source") {
    struct failing_source {
      apidecl::generated_source inner{1000000};
      std::uint64_t size() const noexcept { return inner.size(); }
      apidecl::source_read read(char* buffer, std::size_t capacity) noexcept {
        if (inner.position() >= 200000) return apidecl::stream_failure{"the camera was unplugged"};
        return inner.read(buffer, capacity);
      }
    } media;
    auto const r = run(api, [&](auto&& call) {
      return call(c24::add_media_file, c24::api_token = token, c24::job_id = job, apidecl::body = apidecl::stream_from(media));
    });
    REQUIRE(r.failure_if() != nullptr);
    REQUIRE(r.failure_if()->transport() != nullptr);
    CHECK(r.failure_if()->transport()->code == apidecl::transport_errc::body_stream_failed);
    CHECK(r.failure_if()->may_have_reached_server());
    CHECK(std::string_view(r.failure_if()->transport()->detail).find("body source: the camera was unplugged") !=
          std::string_view::npos);
  }
  SECTION("the sink") {
    checking_sink sink;
    sink.fail_after = 100000;
    apidecl::call_options options;
    options.response_into = apidecl::stream_to(sink);
    auto const r = run(api, [&](auto&& call) { return call(options, c24::get_transcript, c24::api_token = token, c24::job_id = job); });
    REQUIRE(r.failure_if() != nullptr);
    REQUIRE(r.failure_if()->transport() != nullptr);
    CHECK(r.failure_if()->transport()->code == apidecl::transport_errc::body_stream_failed);
    CHECK(std::string_view(r.failure_if()->transport()->detail).find("body sink: no room left (errno 28)") !=
          std::string_view::npos);
    CHECK(sink.taken <= 100000);
    CHECK(sink.wrong == 0);
  }
}

TEMPLATE_TEST_CASE("a streamed upload retried after a 503 is sent again whole, its source rewound",
                   "[transport][stream][retry]", CURL_TRANSPORTS) {
  constexpr std::size_t size = 700001;
  std::vector<std::string> bodies;
  scripted_server server([&](int connection) {
    std::string const request = server.read_request(connection);
    std::size_t const head = request.find("\r\n\r\n");
    if (head != std::string::npos) bodies.push_back(request.substr(head + 4));
    scripted_server::write_all(connection, bodies.size() == 1 ? answer(503, "text/plain", "busy")
                                                              : answer(200, "application/json", task_json));
    return scripted_server::then::close;
  });
  REQUIRE(server.listening());
  auto api = client_for<TestType>(server, apidecl::fixed_delay{std::chrono::milliseconds(1), 3} |
                                              apidecl::retry_non_idempotent());
  apidecl::generated_source media(size);
  auto const r = run(api, [&](auto&& call) {
    return call(c24::add_media_file, c24::api_token = token, c24::job_id = job, apidecl::body = apidecl::stream_from(media));
  });
  REQUIRE(r.template get_if<200>() != nullptr);
  CHECK(r.attempts() == 2);
  REQUIRE(bodies.size() == 2);
  for (std::string const& body : bodies) {
    REQUIRE(body.size() == size);
    CHECK(generated(body));
  }
}

TEMPLATE_TEST_CASE("a status that is not the sink's is still bounded by max_response_body", "[transport][stream]",
                   CURL_TRANSPORTS) {
  scripted_server server([&](int connection) {
    return server.answer_once(connection, answer(400, "application/json", std::string(100000, ' ')));
  });
  REQUIRE(server.listening());
  auto api = client_for<TestType>(server);
  checking_sink sink;
  apidecl::call_options const options = into(sink);
  auto const r = run(api, [&](auto&& call) { return call(options, c24::get_transcript, c24::api_token = token, c24::job_id = job); });
  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->transport() != nullptr);
  CHECK(r.failure_if()->transport()->code == apidecl::transport_errc::response_too_large);
  CHECK(sink.begun == 0);
}

TEST_CASE("asio_transport does not stream: a sink fails the call before anything is sent", "[transport][stream]") {
  STATIC_REQUIRE_FALSE(apidecl::transport_streams_bodies_v<apidecl::asio_transport>);
  scripted_server server([&](int connection) {
    server.read_request(connection);
    return scripted_server::then::close;
  });
  REQUIRE(server.listening());
  boost::asio::io_context io;
  apidecl::asio_options o;
  o.base_url = server.url();
  apidecl::asio_transport http(io, o);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::text_serializer{});
  checking_sink sink;
  apidecl::call_options const options = into(sink);
  auto const r = api.call(options, c24::get_transcript, c24::api_token = token, c24::job_id = job);
  REQUIRE(r.failure_if() != nullptr);
  REQUIRE(r.failure_if()->transport() != nullptr);
  CHECK(r.failure_if()->transport()->code == apidecl::transport_errc::body_stream_failed);
  CHECK(server.connections() == 0);
}
