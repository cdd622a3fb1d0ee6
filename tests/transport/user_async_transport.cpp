// A user's own non-blocking HTTP stack plugs in as an AsyncTransport: here a scripted one that
// answers each exchange at the poll after it started, the exemplar of the requirement, checked by
// its trait along with types that miss a part of it.
#include <catch2/catch.hpp>

#include "../support/transport_exchange.hpp"

#include <apidecl/core/request.hpp>
#include <apidecl/core/response.hpp>
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

namespace user_async_transport_test {

/// Answers each exchange with the next status of its script, at the first poll after the one
/// that saw it start; the body echoes the request's target. A cancelled exchange is answered
/// with `cancelled` at the next poll.
class scripted_async_transport {
 public:
  explicit scripted_async_transport(std::deque<int> statuses) : statuses_(std::move(statuses)) {}

  apidecl::exchange_id start(apidecl::request const& r, apidecl::exchange_handler on_done) {
    exchanges_.push_back({apidecl::exchange_id{++last_}, std::string(r.target()), std::move(on_done), false, false});
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
      int const status = statuses_.empty() ? 500 : statuses_.front();
      if (!statuses_.empty()) statuses_.pop_front();
      p.on_done(apidecl::response{status, apidecl::header_list(), p.target});
    }
    return ending.size();
  }

  bool cancel(apidecl::exchange_id id) {
    auto const it = std::find_if(exchanges_.begin(), exchanges_.end(), [id](pending const& p) { return p.id == id; });
    if (it == exchanges_.end() || it->cancelled) return false;
    it->cancelled = true;
    return true;
  }

  std::size_t in_flight() const { return exchanges_.size(); }

 private:
  struct pending {
    apidecl::exchange_id id;
    std::string target;
    apidecl::exchange_handler on_done;
    bool seen;
    bool cancelled;
  };
  std::deque<int> statuses_;
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

/// Generic code over the requirement: starts `targets` and polls until all have ended.
template <class AsyncTransport>
std::vector<std::string> fetch_all(AsyncTransport& transport, std::vector<std::string> const& targets) {
  apidecl::detail::diagnose_async_transport<AsyncTransport>();
  std::vector<std::string> bodies(targets.size());
  for (std::size_t i = 0; i < targets.size(); ++i)
    transport.start(apidecl::request(apidecl::method::get, targets[i], {}, {}),
                    [&bodies, i](apidecl::transport_result const& r) { bodies[i] = r ? std::string(r->body) : "failed"; });
  while (transport.in_flight() > 0) transport.poll();
  return bodies;
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

TEST_CASE("generic code drives a user's AsyncTransport through the valid expressions", "[transport][async]") {
  scripted_async_transport t({200, 404});
  CHECK(fetch_all(t, {"/a?x=1", "/b"}) == std::vector<std::string>{"/a?x=1", "/b"});
  CHECK(t.in_flight() == 0);
}

TEST_CASE("a user's AsyncTransport answers at a later poll, and cancel ends an exchange", "[transport][async]") {
  scripted_async_transport t({201});
  std::vector<int> statuses;
  std::vector<apidecl::transport_errc> errors;
  auto const record = [&](apidecl::transport_result const& r) {
    if (r) statuses.push_back(r->status);
    else errors.push_back(r.error().code);
  };
  t.start(apidecl::request(apidecl::method::post, "/kept", {}, "{}"), record);
  apidecl::exchange_id const dropped = t.start(apidecl::request(apidecl::method::get, "/dropped", {}, {}), record);
  CHECK(t.in_flight() == 2);
  CHECK(t.cancel(dropped));
  CHECK_FALSE(t.cancel(dropped));
  CHECK(t.poll() == 1);  // the cancelled one
  CHECK(errors == std::vector<apidecl::transport_errc>{apidecl::transport_errc::cancelled});
  CHECK(t.poll() == 1);
  CHECK(statuses == std::vector<int>{201});
  CHECK(t.in_flight() == 0);
}

TEST_CASE("the tests' exchange helper runs a user's AsyncTransport too", "[transport][async]") {
  scripted_async_transport t({202});
  test_support::received const r = test_support::exchange(t, apidecl::request(apidecl::method::get, "/x", {}, {}));
  REQUIRE(r);
  CHECK(r.status == 202);
  CHECK(r.body == "/x");
}
