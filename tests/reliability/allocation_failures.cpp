// Memory that runs out at any point of a call: each allocation of a whole call is made to fail in
// turn (Boost.JSON's fail_loop), blocking and polled, and each time the call ends in a result or
// std::bad_alloc and the same client makes the next call as if nothing had happened. Run under
// ASan, LeakSanitizer checks that nothing was lost on the way. The request path that allocates
// nothing is proven so with an allocator that aborts.
#include <catch2/catch.hpp>

#include "../support/allocation_counter.hpp"
#include "../support/boost_without_exceptions.hpp"
#include "../support/ondemand_seed.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/apis/ondemand/ondemand.hpp>
#include <apidecl/auth/openssl_sha256.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/clock/test_clock.hpp>
#include <apidecl/retry/retry.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/transport/mock.hpp>

#include <chrono>
#include <new>
#include <optional>
#include <string>
#include <string_view>

namespace allocation_failures {

namespace c24 = apidecl::cielo24;
namespace od = apidecl::ondemand;
using namespace std::chrono_literals;

constexpr std::string_view token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr std::string_view job = "64bea283eff6475ea6596027a6ba0929";

// A call through `api`, blocking or polled to its end (a frame being 100 ms of the test clock);
// nothing if it never ends. No assertion here: Catch allocates too, and would fail in its place.
template <class Client, class... Args>
auto call(Client& api, bool polled, Args const&... args) -> std::optional<decltype(api.call(args...))> {
  if (!polled) return api.call(args...);
  auto pending = api.start(args...);
  for (int frame = 0; frame < 1000 && !pending.ready(); ++frame) {
    api.poll();
    if (!pending.ready()) api.clock().advance(100ms);
  }
  if (!pending.ready()) return std::nullopt;
  return pending.get();
}

struct fixed_utc_clock {
  apidecl::utc_timestamp now() const { return *apidecl::utc_timestamp::from_unix_time(1400000000); }
};

TEST_CASE("a request that allocates nothing to build and send allocates nothing, whatever the allocator",
          "[reliability][allocation]") {
  // A transport that answers from static text, as an embedded one might.
  struct static_transport {
    apidecl::transport_result send(apidecl::request const&) { return apidecl::response{204, {}, {}}; }
  };
  auto api = apidecl::make_client(static_transport{}, apidecl::boost_json_serializer{}, apidecl::test_clock{},
                                  c24::token_auth{std::string(token)});
  REQUIRE(api.call(c24::authorize_job, c24::job_id = job).get_if<204>() != nullptr);  // the first sizes the buffer
  bool answered = false;
  {
    test_support::allocations_abort const no_heap;
    answered = api.call(c24::authorize_job, c24::job_id = job).get_if<204>() != nullptr;
  }
  CHECK(answered);
}

#if defined(__cpp_exceptions)

// Fails each allocation of `failing_call` in turn, until one runs to its end without coming to the
// failing allocation; after each, `next_call` on the same client must give the documented outcome.
// `script` gives the transport what one call needs, before each call.
template <class Script, class FailingCall, class NextCall>
void fail_each_allocation(Script&& script, FailingCall&& failing_call, NextCall&& next_call) {
  long ended_in_bad_alloc = 0;
  long n = 1;
  for (;; ++n) {
    script();
    bool reached = false;
    {
      test_support::allocation_failure const fail(n);
      try {
        failing_call();
      } catch (std::bad_alloc const&) {
        ++ended_in_bad_alloc;
      }
      reached = fail.reached();
    }
    INFO("allocation " << n << " failed");
    script();
    REQUIRE(next_call());
    if (!reached) break;
  }
  CHECK(n > 1);  // the call allocates, so this loop tried something
  INFO("allocations failed: " << n - 1 << ", calls ended by std::bad_alloc: " << ended_in_bad_alloc);
  SUCCEED();
}

TEST_CASE("a cielo24 call that runs out of memory anywhere ends, and the client goes on", "[reliability][allocation]") {
  bool const polled = GENERATE(false, true);
  INFO((polled ? "polled" : "blocking"));
  apidecl::mock_transport http;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::test_clock{},
                                  c24::token_auth{std::string(token)}, apidecl::fixed_delay{100ms, 3});
  // Each call is refused once before the connection (so that it is sent again), then answered. A
  // call cut short leaves the rest of its script to the next: the script is always refusals and
  // answers in turn, so any call is answered by its second attempt at the latest.
  auto const script = [&] {
    http.fail({apidecl::transport_errc::cannot_connect, false, "refused"});
    http.respond(200, R"({"TaskId": "cc8095fbfecf4647b2e10b622d81c19b"})", "Content-Type: application/json\r\n");
  };
  auto const deleted = [&] {
    auto const r = call(api, polled, c24::delete_job, c24::job_id = job);
    return r && r->get_if<200>() && r->get_if<200>()->task_id == "cc8095fbfecf4647b2e10b622d81c19b";
  };
  fail_each_allocation(script, [&] { (void)call(api, polled, c24::delete_job, c24::job_id = job); }, deleted);
}

TEST_CASE("an onDemand call, signed and in XML, that runs out of memory anywhere ends, and the client goes on",
          "[reliability][allocation]") {
  bool const polled = GENERATE(false, true);
  INFO((polled ? "polled" : "blocking"));
  apidecl::mock_transport http;
  auto lod = apidecl::make_client(
      http, apidecl::pugixml_serializer{}, apidecl::test_clock{}, apidecl::fixed_delay{100ms, 3},
      od::signer<apidecl::openssl_sha256, fixed_utc_clock>({"demo-key-id", "demo-secret-key"}, {}, {}));
  od::quote q;
  REQUIRE(apidecl::pugixml_serializer{}.decode(ondemand_seed::request_example, q));
  auto const script = [&] {
    http.fail({apidecl::transport_errc::cannot_connect, false, "refused"});
    http.respond(202, std::string(ondemand_seed::payment_required), "Content-Type: text/xml\r\n");
  };
  auto const authorized = [&] {
    auto const r = call(lod, polled, od::authorize_quote, od::quote_id = "795", apidecl::body = q);
    return r && r->get_if<202>() && r->get_if<202>()->projects.size() == 1;
  };
  fail_each_allocation(
      script, [&] { (void)call(lod, polled, od::authorize_quote, od::quote_id = "795", apidecl::body = q); },
      authorized);
}

#endif

}  // namespace allocation_failures
