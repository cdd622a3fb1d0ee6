// The non-blocking path: client::start over an AsyncTransport (the mock's async face), completed
// by client::poll from the caller's loop, with the same results as a blocking call.
#include <catch2/catch.hpp>

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

#include <string>
#include <vector>

namespace c24 = apidecl::cielo24;

namespace {
constexpr char const* token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr char const* job = "64bea283eff6475ea6596027a6ba0929";
constexpr char const* json = "Content-Type: application/json\r\n";
}  // namespace

TEST_CASE("a started call completes in a later poll, with the blocking call's result", "[client][non-blocking]") {
  apidecl::mock_transport http;
  http.respond(200, R"({"TaskId": "cc8095fbfecf4647b2e10b622d81c19b"})", json);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  auto pending = api.start(c24::delete_job, c24::api_token = token, c24::job_id = job);
  CHECK_FALSE(pending.ready());
  CHECK(api.in_flight() == 1);
  REQUIRE(http.requests().size() == 1);  // sent at start
  CHECK(http.requests()[0].target == std::string("/api/job/delete?v=1&api_token=") + token + "&job_id=" + job);
  CHECK(api.poll() == 1);
  REQUIRE(pending.ready());
  CHECK(api.in_flight() == 0);
  REQUIRE(pending.get().get_if<200>() != nullptr);
  CHECK(pending.get().get_if<200>()->task_id == "cc8095fbfecf4647b2e10b622d81c19b");
  CHECK(pending.get().attempts() == 1);
}

TEST_CASE("many calls in flight at once complete independently, handlers called from poll", "[client][non-blocking]") {
  apidecl::mock_transport http;
  for (int i = 0; i < 20; ++i) {
    if (i % 2 == 0) http.respond(204);
    else http.respond(400, R"({"ErrorType": "ITEM_NOT_FOUND", "ErrorComment": "no such job"})", json);
  }
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  std::vector<std::string> outcomes;
  for (int i = 0; i < 20; ++i)
    api.start(c24::authorize_job, c24::api_token = token, c24::job_id = job).then([&](auto const& r) {
      outcomes.push_back(r.visit(apidecl::overload{
          [](apidecl::no_content) { return std::string("authorized"); },
          [](c24::error const& e) { return std::string(e.type.text()); },
          [](apidecl::unexpected_status const&) { return std::string("unexpected"); },
          [](apidecl::failure const& f) { return f.message(); }}));
    });
  CHECK(api.in_flight() == 20);
  CHECK(outcomes.empty());  // nothing is called back from start
  CHECK(api.poll() == 20);
  REQUIRE(outcomes.size() == 20);
  for (int i = 0; i < 20; ++i)
    CHECK(outcomes[static_cast<std::size_t>(i)] == (i % 2 == 0 ? "authorized" : "ITEM_NOT_FOUND"));  // decoded, in order
  CHECK(api.in_flight() == 0);
  CHECK(api.poll() == 0);
}

TEST_CASE("a call that cannot be built is ready at once and sends nothing", "[client][non-blocking]") {
  apidecl::mock_transport http;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  auto pending = api.start(c24::delete_job, c24::api_token = token, c24::job_id = "not hex");
  REQUIRE(pending.ready());
  REQUIRE(pending.get().failure_if() != nullptr);
  CHECK(pending.get().failure_if()->validation()->parameter == "job_id");
  CHECK(pending.get().attempts() == 0);
  CHECK(api.in_flight() == 0);
  CHECK(http.requests().empty());
  bool called = false;
  pending.then([&](auto const&) { called = true; });  // already complete: called now
  CHECK(called);
}

TEST_CASE("a transport failure and an undecodable body complete as failures", "[client][non-blocking]") {
  apidecl::mock_transport http;
  http.fail({apidecl::transport_errc::connection_lost, true, "reset by peer"}).respond(200, "{\"TaskId\": ", json);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  auto lost = api.start(c24::delete_job, c24::api_token = token, c24::job_id = job);
  auto garbled = api.start(c24::delete_job, c24::api_token = token, c24::job_id = job);
  CHECK(api.poll() == 2);
  REQUIRE(lost.get().failure_if() != nullptr);
  CHECK(lost.get().failure_if()->transport()->code == apidecl::transport_errc::connection_lost);
  REQUIRE(garbled.get().failure_if() != nullptr);
  REQUIRE(garbled.get().failure_if()->decode() != nullptr);
  CHECK(garbled.get().failure_if()->decode()->body == "{\"TaskId\": ");
}

TEST_CASE("a call cancelled in flight completes as cancelled", "[client][non-blocking]") {
  apidecl::mock_transport http;
  http.respond(204);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  auto kept = api.start(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  auto dropped = api.start(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  CHECK(api.cancel(dropped));
  CHECK_FALSE(api.cancel(dropped));
  CHECK(api.poll() == 2);
  CHECK(kept.get().get_if<204>() != nullptr);
  CHECK(http.pending() == 0);  // the one reply went to the call that was kept
  REQUIRE(dropped.get().failure_if() != nullptr);
  CHECK(dropped.get().failure_if()->transport()->code == apidecl::transport_errc::cancelled);
  CHECK_FALSE(api.cancel(kept));
}

TEST_CASE("a handler may start the next call", "[client][non-blocking]") {
  apidecl::mock_transport http;
  http.respond(204).respond(200, R"({"TaskId": "cc8095fbfecf4647b2e10b622d81c19b"})", json);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  std::string task;
  api.start(c24::authorize_job, c24::api_token = token, c24::job_id = job).then([&](auto const&) {
    api.start(c24::delete_job, c24::api_token = token, c24::job_id = job).then([&](auto const& r) {
      if (auto const* t = r.template get_if<200>()) task = t->task_id;
    });
  });
  while (api.in_flight() > 0) api.poll();
  CHECK(task == "cc8095fbfecf4647b2e10b622d81c19b");
  CHECK(http.requests().size() == 2);
}
