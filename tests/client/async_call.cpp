// client::async_call over asio_transport and the emulator: the same call engine completing Asio
// tokens (a callback, use_future, deferred, use_awaitable), with retries on a timer and
// per-operation cancellation.
#include <catch2/catch.hpp>

#include "../support/boost_without_exceptions.hpp"
#include "../support/emulator.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/async_call.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/limit/rate_limiter.hpp>
#include <apidecl/retry/retry.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/asio.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#if defined(__cpp_impl_coroutine)
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_awaitable.hpp>
#endif

#include <chrono>
#include <future>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace c24 = apidecl::cielo24;
namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {
constexpr char const* token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr char const* job = "64bea283eff6475ea6596027a6ba0929";

apidecl::asio_options options_for(test_support::emulator& emulator) {
  apidecl::asio_options o;
  o.base_url = emulator.base_url();
  o.total_timeout = 20s;
  return o;
}

template <class Transport, class... Policies>
auto cielo24_client(Transport& http, Policies... policies) {
  return apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{token}, policies...);
}

using authorize_result = apidecl::result<c24::endpoints::authorize_job>;
}  // namespace

TEST_CASE("async_call completes a callback from the run loop, never from inside the call", "[client][async_call]") {
  auto& emulator = test_support::fresh_emulator();
  asio::io_context context;
  apidecl::asio_transport http(context, options_for(emulator));
  auto api = cielo24_client(http);
  std::optional<authorize_result> got;
  api.async_call(c24::authorize_job, c24::job_id = job, [&](authorize_result r) { got = std::move(r); });
  CHECK_FALSE(got.has_value());
  context.run();
  REQUIRE(got.has_value());
  CHECK(got->get_if<204>() != nullptr);
  CHECK(got->attempts() == 1);
  CHECK(emulator.count().requests == 1);
}

TEST_CASE("a call that cannot be built completes with its validation failure, posted", "[client][async_call]") {
  auto& emulator = test_support::fresh_emulator();
  asio::io_context context;
  apidecl::asio_transport http(context, options_for(emulator));
  auto api = cielo24_client(http);
  std::optional<authorize_result> got;
  api.async_call(c24::authorize_job, c24::job_id = "not hex", [&](authorize_result r) { got = std::move(r); });
  CHECK_FALSE(got.has_value());
  context.run();
  REQUIRE(got.has_value());
  REQUIRE(got->failure_if() != nullptr);
  CHECK(got->failure_if()->validation() != nullptr);
  CHECK(got->attempts() == 0);
  CHECK(emulator.count().requests == 0);
}

TEST_CASE("async_call with use_future, the io_context run by another thread", "[client][async_call]") {
  auto& emulator = test_support::fresh_emulator();
  asio::io_context context;
  apidecl::asio_transport http(context, options_for(emulator));
  auto api = cielo24_client(http);
  std::future<authorize_result> result = api.async_call(c24::authorize_job, c24::job_id = job, asio::use_future);
  std::thread runner([&] { context.run(); });
  authorize_result const r = result.get();
  runner.join();
  CHECK(r.http_status() == 204);
}

TEST_CASE("a deferred call builds its request at once: its arguments may be gone when it runs", "[client][async_call]") {
  auto& emulator = test_support::fresh_emulator();
  asio::io_context context;
  apidecl::asio_transport http(context, options_for(emulator));
  auto api = cielo24_client(http);
  auto deferred = [&] {
    std::string const id = job;  // destroyed before the operation is launched
    return api.async_call(c24::authorize_job, c24::job_id = id, asio::deferred);
  }();
  CHECK(emulator.count().requests == 0);
  std::optional<authorize_result> got;
  std::move(deferred)([&](authorize_result r) { got = std::move(r); });
  context.run();
  REQUIRE(got.has_value());
  CHECK(got->http_status() == 204);
}

TEST_CASE("a retry waits on an Asio timer and is authenticated anew", "[client][async_call]") {
  auto& emulator = test_support::fresh_emulator();
  REQUIRE(emulator.fault("path=/api/job/authorize&kind=status&status=503"));
  asio::io_context context;
  apidecl::asio_transport http(context, options_for(emulator));
  auto api = cielo24_client(http, apidecl::fixed_delay{20ms, 3});
  std::optional<authorize_result> got;
  api.async_call(c24::authorize_job, c24::job_id = job, [&](authorize_result r) { got = std::move(r); });
  context.run();
  REQUIRE(got.has_value());
  CHECK(got->http_status() == 204);
  CHECK(got->attempts() == 2);
  CHECK(emulator.count().requests == 2);
}

TEST_CASE("cancelling a call waiting to retry ends it at once as cancelled", "[client][async_call]") {
  auto& emulator = test_support::fresh_emulator();
  REQUIRE(emulator.fault("path=/api/job/authorize&kind=status&status=503"));
  asio::io_context context;
  apidecl::asio_transport http(context, options_for(emulator));
  auto api = cielo24_client(http, apidecl::fixed_delay{1h, 3});  // a wait nobody would sit through
  asio::cancellation_signal stop;
  std::optional<authorize_result> got;
  api.async_call(c24::authorize_job, c24::job_id = job,
                 asio::bind_cancellation_slot(stop.slot(), [&](authorize_result r) { got = std::move(r); }));
  // Until the 503 is in: then no exchange is in flight and the call waits on its timer.
  for (auto const cap = std::chrono::steady_clock::now() + 20s; std::chrono::steady_clock::now() < cap;) {
    context.run_one_for(100ms);
    if (emulator.count().requests == 1 && http.in_flight() == 0) break;
  }
  REQUIRE(http.in_flight() == 0);
  CHECK_FALSE(got.has_value());
  stop.emit(asio::cancellation_type::terminal);
  context.run();
  REQUIRE(got.has_value());
  REQUIRE(got->failure_if() != nullptr);
  REQUIRE(got->failure_if()->transport() != nullptr);
  CHECK(got->failure_if()->transport()->code == apidecl::transport_errc::cancelled);
  CHECK(got->attempts() == 1);
  CHECK(emulator.count().requests == 1);
}

TEST_CASE("cancelling a call with its exchange in flight ends it as cancelled, never retried", "[client][async_call]") {
  auto& emulator = test_support::fresh_emulator();
  REQUIRE(emulator.fault("path=/api/job/authorize&kind=delay&ms=30000"));
  asio::io_context context;
  apidecl::asio_transport http(context, options_for(emulator));
  auto api = cielo24_client(http, apidecl::fixed_delay{10ms, 3});
  asio::cancellation_signal stop;
  std::optional<authorize_result> got;
  api.async_call(c24::authorize_job, c24::job_id = job,
                 asio::bind_cancellation_slot(stop.slot(), [&](authorize_result r) { got = std::move(r); }));
  for (auto const cap = std::chrono::steady_clock::now() + 20s;
       emulator.count().requests < 1 && std::chrono::steady_clock::now() < cap;)
    context.run_one_for(100ms);
  REQUIRE(emulator.count().requests == 1);
  stop.emit(asio::cancellation_type::terminal);
  context.run_for(20s);
  REQUIRE(got.has_value());
  REQUIRE(got->failure_if() != nullptr);
  REQUIRE(got->failure_if()->transport() != nullptr);
  CHECK(got->failure_if()->transport()->code == apidecl::transport_errc::cancelled);
  CHECK(got->attempts() == 1);
}

#if defined(__cpp_impl_coroutine)
TEST_CASE("C++20: co_await async_call with use_awaitable", "[client][async_call]") {
  auto& emulator = test_support::fresh_emulator();
  asio::io_context context;
  apidecl::asio_transport http(context, options_for(emulator));
  auto api = cielo24_client(http);
  int status = 0;
  asio::co_spawn(
      context,
      [&]() -> asio::awaitable<void> {
        authorize_result const r = co_await api.async_call(c24::authorize_job, c24::job_id = job, asio::use_awaitable);
        status = r.http_status();
      },
      asio::detached);
  context.run();
  CHECK(status == 204);
}
#endif

TEST_CASE("async_call logs a Session in again when refused, with a call of its own", "[client][async_call][session]") {
  auto& emulator = test_support::fresh_emulator();
  asio::io_context context;
  apidecl::asio_transport http(context, options_for(emulator));
  // The emulator refuses this stale token: the client logs in with the emulator's account and
  // sends the call again with the new token.
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{},
                                  c24::password_session("api_user", "api_password", "00000000000000000000000000000001"));
  std::optional<authorize_result> got;
  api.async_call(c24::authorize_job, c24::job_id = job, [&](authorize_result r) { got = std::move(r); });
  context.run();
  REQUIRE(got.has_value());
  CHECK(got->http_status() == 204);
  CHECK(emulator.count().requests == 3);  // the call, the login, the call again
}

TEST_CASE("async_call ends with the login's refusal when the Session's credentials are wrong",
          "[client][async_call][session]") {
  auto& emulator = test_support::fresh_emulator();
  asio::io_context context;
  apidecl::asio_transport http(context, options_for(emulator));
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{},
                                  c24::password_session("api_user", "not the password", "00000000000000000000000000000001"));
  std::optional<authorize_result> got;
  api.async_call(c24::authorize_job, c24::job_id = job, [&](authorize_result r) { got = std::move(r); });
  context.run();
  REQUIRE(got.has_value());
  REQUIRE(got->failure_if() != nullptr);
  CHECK(got->failure_if()->message() == "cannot authenticate the request: the login failed: cielo24 refused the credentials");
  CHECK(got->attempts() == 1);
  CHECK(emulator.count().requests == 2);  // the call and the login, not the call again
}

TEST_CASE("async_call waits for a Limiter's slot on an Asio timer", "[client][async_call][limit]") {
  auto& emulator = test_support::fresh_emulator();
  asio::io_context context;
  apidecl::asio_transport http(context, options_for(emulator));
  auto api = cielo24_client(http, apidecl::rate_limiter(apidecl::rate{1, 30ms}));
  std::vector<authorize_result> got;
  for (int i = 0; i < 3; ++i)
    api.async_call(c24::authorize_job, c24::job_id = job, [&](authorize_result r) { got.push_back(std::move(r)); });
  CHECK(emulator.count().requests <= 1);
  context.run();
  REQUIRE(got.size() == 3);
  for (authorize_result const& r : got) CHECK(r.http_status() == 204);
  CHECK(emulator.count().requests == 3);
}
