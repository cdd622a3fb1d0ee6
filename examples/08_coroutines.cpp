// 08 — A service written as C++20 coroutines, all on one io_context and one thread: it gives up on
// a slow call once its deadline passes (`call || timer`), which cancels the call, so that the call
// ends as a `transport_errc::cancelled` failure; then it authorizes three cielo24 jobs at once
// (a parallel group) and reads their results in the order it asked. Every call is logged, counted
// and traced by the ready observers (docs/observers.md), composed with `|`: a log line per attempt
// sent and ended, its api_token shown as ***; the counts in Prometheus's text format at the end; an
// OpenTelemetry-style span per attempt, printed here by a Tracer of a few lines (the page shows
// the same few lines over OpenTelemetry's C++ API). The emulator is told to hold its next answer
// to an authorization for 10 s, so this one runs against the emulator only.
#if !defined(__cpp_impl_coroutine) || !defined(__cpp_exceptions)
#include <cstdio>

// Asio's awaitable needs C++20 coroutines, and exceptions on. The CMake and Meson builds compile
// this file as C++20, and leave it out when exceptions are off.
int main() { std::puts("08_coroutines needs C++20 coroutines, with exceptions on: nothing to show"); }
#else
#include "settings.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/async_call.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/fmt/formatters.hpp>
#include <apidecl/fmt/logging.hpp>
#include <apidecl/observers/metrics.hpp>
#include <apidecl/observers/prometheus.hpp>
#include <apidecl/observers/tracing.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/asio.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <fmt/core.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

namespace c24 = apidecl::cielo24;
namespace asio = boost::asio;
using namespace asio::experimental::awaitable_operators;
using namespace std::chrono_literals;

using authorize_result = apidecl::result<c24::endpoints::authorize_job>;

// A Tracer (apidecl/observers/tracer.hpp) that prints each span on one line when it ends.
struct print_spans {
  struct span {
    std::string line;
    void set_attribute(std::string_view key, std::string_view value) { line += fmt::format(" {}={}", key, value); }
    void set_attribute(std::string_view key, std::int64_t value) { line += fmt::format(" {}={}", key, value); }
    void set_error(std::string_view) { line += " (failed)"; }
    void end() { fmt::print("{}\n", line); }
  };
  span start_span(std::string_view name, std::chrono::milliseconds) { return {fmt::format("span {}:", name)}; }
};

// Says how an authorization went; true if the job is authorized.
bool report(std::string_view job, authorize_result const& r) {
  fmt::print("job {}: ", job);
  r.visit(apidecl::overload{[](apidecl::no_content) { fmt::print("authorized\n"); },
                            [](c24::error const& e) { fmt::print("refused: {}\n", e.type.text()); },
                            [](apidecl::unexpected_status const& u) { fmt::print("{}\n", u); },
                            [](apidecl::failure const& f) { fmt::print("failed: {}\n", f); }});
  return r.get_if<204>() != nullptr;
}

// An authorization as a coroutine of its own that leaves its result in `out`: `||` gives back the
// value of the operand that ends first only (it cancels the other and waits for it to end), and the
// call is the one expected to lose.
template <class Client>
asio::awaitable<void> authorize(Client& api, std::string job, std::optional<authorize_result>& out) {
  out = co_await api.async_call(c24::authorize_job, c24::job_id = job, asio::use_awaitable);
}

template <class Client>
asio::awaitable<bool> service(Client& api, examples::settings const& s) {
  // A deadline: whichever of the call and the timer ends first, the other is cancelled.
  std::string const slow_job = "33333333333333333333333333333333";
  std::optional<authorize_result> slow;
  asio::steady_timer deadline(co_await asio::this_coro::executor, 200ms);
  auto const first = co_await (authorize(api, slow_job, slow) || deadline.async_wait(asio::use_awaitable));
  fmt::print("{} first\n", first.index() == 1 ? "the deadline passed" : "the answer came");
  report(slow_job, *slow);
  apidecl::failure const* gave_up = slow->failure_if();
  bool const cancelled = first.index() == 1 && gave_up && gave_up->transport() &&
                         gave_up->transport()->code == apidecl::transport_errc::cancelled;

  // Three calls in flight at once; the group ends when all have, its results in the order given.
  std::string const jobs[] = {s.job_id, "11111111111111111111111111111111", "22222222222222222222222222222222"};
  auto const [order, a, b, c] =
      co_await asio::experimental::make_parallel_group(
          api.async_call(c24::authorize_job, c24::job_id = jobs[0], asio::deferred),
          api.async_call(c24::authorize_job, c24::job_id = jobs[1], asio::deferred),
          api.async_call(c24::authorize_job, c24::job_id = jobs[2], asio::deferred))
          .async_wait(asio::experimental::wait_for_all(), asio::use_awaitable);
  int authorized = report(jobs[0], a);
  authorized += report(jobs[1], b);
  authorized += report(jobs[2], c);
  co_return cancelled && authorized == 3;
}

int main(int argc, char** argv) {
  examples::settings const s = examples::read_settings(argc, argv);
  asio::io_context context;
  apidecl::asio_transport http(context, {s.base_url});
  std::string_view host = s.base_url;  // "http://127.0.0.1:PORT": the spans' server.address
  host.remove_prefix(host.find("://") + 3);
  host = host.substr(0, host.find_first_of(":/"));
  apidecl::call_metrics metrics;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{s.api_token},
                                  apidecl::fmt_logging_observer(stdout, {apidecl::log_level::attempts}) |
                                      apidecl::metrics_observer(metrics) |
                                      apidecl::tracing_observer(print_spans{}, {host}));

  // The emulator's fault switch (tests/emulator/README.md), sent by a blocking transport of its
  // own: the emulator's next answer to an authorization waits 10 s.
  apidecl::asio_transport control({s.base_url});
  apidecl::transport_result const switched = control.send(apidecl::request(
      apidecl::method::post, "/_emulator/fault?path=/api/job/authorize&kind=delay&ms=10000", {}, {}));
  if (!switched || switched->status != 204) {
    fmt::print(stderr, "no fault switch at {}: this example runs against the emulator (bash scripts/demo)\n", s.base_url);
    return 1;
  }

  bool expected = false;
  asio::co_spawn(context, service(api, s), [&](std::exception_ptr e, bool ok) { expected = !e && ok; });
  context.run();

  // What the metrics counted, as a Prometheus server would scrape it: the counters here, the
  // histograms' lines (whose buckets depend on the machine's speed) left out.
  apidecl::write_prometheus(metrics, [](std::string_view line) {
    if (line.find("_duration_seconds") == std::string_view::npos) fmt::print("{}\n", line);
  });
  apidecl::endpoint_metrics const* authorize = metrics.find(apidecl::method::get, "/api/job/authorize");
  expected = expected && authorize && authorize->calls == 4 && authorize->attempt_duration.count == 4;
  return expected ? 0 : 1;  // any other outcome is a surprise
}
#endif
