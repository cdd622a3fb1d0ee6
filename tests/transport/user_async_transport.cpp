// A user's own non-blocking HTTP stack plugs in as an AsyncTransport: here a scripted one that
// answers each exchange at the poll after it started, the exemplar of the requirement, checked by
// its trait along with types that miss a part of it, and driven by the client.
#include <catch2/catch.hpp>

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/async_transport.hpp>
#include <apidecl/transport/call_options.hpp>
#include <apidecl/transport/transport.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace c24 = apidecl::cielo24;

namespace user_async_transport_test {

/// Answers each exchange with the next reply of its script, at the first poll after the one that
/// saw it start. A cancelled exchange is answered with `cancelled` at the next poll. Keeps the
/// target of every request started and the id of every exchange cancelled.
class scripted_async_transport {
 public:
  struct reply {
    int status;
    std::string body;
  };

  explicit scripted_async_transport(std::deque<reply> script) : script_(std::move(script)) {}

  apidecl::exchange_id start(apidecl::request const& r, apidecl::exchange_handler on_done) {
    targets.emplace_back(r.target());
    exchanges_.push_back({apidecl::exchange_id{++last_}, std::move(on_done), false, false});
    return exchanges_.back().id;
  }

  std::size_t poll() {
    std::vector<pending> ending;
    auto const ends = [](pending const& p) { return p.cancelled || p.seen; };
    std::copy_if(exchanges_.begin(), exchanges_.end(), std::back_inserter(ending), ends);
    exchanges_.erase(std::remove_if(exchanges_.begin(), exchanges_.end(), ends), exchanges_.end());
    for (pending& p : exchanges_) p.seen = true;
    for (pending& p : ending) {
      if (p.cancelled) {
        p.on_done(apidecl::transport_error{apidecl::transport_errc::cancelled, false, "cancelled"});
        continue;
      }
      answer_ = script_.empty() ? reply{500, {}} : script_.front();  // the response views it
      if (!script_.empty()) script_.pop_front();
      p.on_done(apidecl::response{answer_.status, apidecl::header_list(), answer_.body});
    }
    return ending.size();
  }

  bool cancel(apidecl::exchange_id id) {
    auto const it = std::find_if(exchanges_.begin(), exchanges_.end(), [id](pending const& p) { return p.id == id; });
    if (it == exchanges_.end() || it->cancelled) return false;
    it->cancelled = true;
    cancelled.push_back(id);
    return true;
  }

  std::size_t in_flight() const { return exchanges_.size(); }

  std::vector<std::string> targets;
  std::vector<apidecl::exchange_id> cancelled;

 private:
  struct pending {
    apidecl::exchange_id id;
    apidecl::exchange_handler on_done;
    bool seen;
    bool cancelled;
  };
  std::deque<reply> script_;
  reply answer_;
  std::vector<pending> exchanges_;
  std::uint64_t last_ = 0;
};

struct no_start {
  std::size_t poll();
  bool cancel(apidecl::exchange_id);
  std::size_t in_flight() const;
};
struct start_without_handler {
  apidecl::exchange_id start(apidecl::request const&);
  std::size_t poll();
  bool cancel(apidecl::exchange_id);
  std::size_t in_flight() const;
};
struct start_returns_nothing {
  void start(apidecl::request const&, apidecl::exchange_handler);
  std::size_t poll();
  bool cancel(apidecl::exchange_id);
  std::size_t in_flight() const;
};
struct no_poll {
  apidecl::exchange_id start(apidecl::request const&, apidecl::exchange_handler);
  bool cancel(apidecl::exchange_id);
  std::size_t in_flight() const;
};
struct cancel_by_number {
  apidecl::exchange_id start(apidecl::request const&, apidecl::exchange_handler);
  std::size_t poll();
  bool cancel(std::uint64_t);
  std::size_t in_flight() const;
};
struct in_flight_not_const {
  apidecl::exchange_id start(apidecl::request const&, apidecl::exchange_handler);
  std::size_t poll();
  bool cancel(apidecl::exchange_id);
  std::size_t in_flight();
};

constexpr char const* token = "7ca5dc5c7cce449fb0fff719307e8f5f";
constexpr char const* job = "64bea283eff6475ea6596027a6ba0929";
constexpr char const* gone_job = "0123456789abcdef0123456789abcdef";

std::string authorize_target(std::string const& job_id) {
  return "/api/job/authorize?v=1&api_token=" + std::string(token) + "&job_id=" + job_id;
}

}  // namespace user_async_transport_test

using namespace user_async_transport_test;

TEST_CASE("a user-written scripted transport is an AsyncTransport", "[transport][async]") {
  STATIC_REQUIRE(apidecl::is_async_transport_v<scripted_async_transport>);
  STATIC_REQUIRE(apidecl::is_async_transport_v<scripted_async_transport&>);
  STATIC_REQUIRE_FALSE(apidecl::has_start_with_call_options_v<scripted_async_transport>);
  STATIC_REQUIRE_FALSE(apidecl::is_transport_v<scripted_async_transport>);
}

TEST_CASE("a type that misses a part of the requirement is not an AsyncTransport", "[transport][async]") {
  STATIC_REQUIRE_FALSE(apidecl::is_async_transport_v<int>);
  STATIC_REQUIRE_FALSE(apidecl::is_async_transport_v<no_start>);
  STATIC_REQUIRE_FALSE(apidecl::is_async_transport_v<start_without_handler>);
  STATIC_REQUIRE_FALSE(apidecl::is_async_transport_v<start_returns_nothing>);
  STATIC_REQUIRE_FALSE(apidecl::is_async_transport_v<no_poll>);
  STATIC_REQUIRE_FALSE(apidecl::is_async_transport_v<cancel_by_number>);
  STATIC_REQUIRE_FALSE(apidecl::is_async_transport_v<in_flight_not_const>);
}

TEST_CASE("calls started through the client go out as built and complete at the poll their answers arrive in",
          "[transport][async]") {
  scripted_async_transport http({{204, ""}, {400, R"({"ErrorType": "ITEM_NOT_FOUND", "ErrorComment": "no such job"})"}});
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  auto authorized = api.start(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  auto unknown = api.start(c24::authorize_job, c24::job_id = gone_job, c24::api_token = token);
  CHECK(http.targets == std::vector<std::string>{authorize_target(job), authorize_target(gone_job)});
  CHECK(api.in_flight() == 2);

  CHECK(api.poll() == 0);  // the transport has seen them start, and has no answer yet
  CHECK_FALSE(authorized.ready());
  CHECK(api.poll() == 2);
  REQUIRE(authorized.ready());
  REQUIRE(unknown.ready());
  CHECK(authorized.get().get_if<204>() != nullptr);
  CHECK(authorized.get().attempts() == 1);
  REQUIRE(unknown.get().get_if<400>() != nullptr);
  CHECK(unknown.get().get_if<400>()->type == c24::error_type::item_not_found);
  CHECK(unknown.get().get_if<400>()->comment == "no such job");
  CHECK(api.in_flight() == 0);
  CHECK(http.in_flight() == 0);
}

TEST_CASE("cancelling a call through the client cancels its exchange, and only that one", "[transport][async]") {
  scripted_async_transport http({{204, ""}});
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  auto kept = api.start(c24::authorize_job, c24::api_token = token, c24::job_id = job);
  auto dropped = api.start(c24::authorize_job, c24::api_token = token, c24::job_id = gone_job);
  CHECK(api.cancel(dropped));
  CHECK(http.cancelled == std::vector<apidecl::exchange_id>{apidecl::exchange_id{2}});  // the second started
  CHECK_FALSE(api.cancel(dropped));

  CHECK(api.poll() == 1);  // the cancelled one ends at once
  CHECK(api.poll() == 1);
  CHECK(api.in_flight() == 0);
  REQUIRE(dropped.get().failure_if() != nullptr);
  REQUIRE(dropped.get().failure_if()->transport() != nullptr);
  CHECK(dropped.get().failure_if()->transport()->code == apidecl::transport_errc::cancelled);
  CHECK(kept.get().get_if<204>() != nullptr);  // the one reply went to the call that was kept
  CHECK(http.targets.size() == 2);
}
