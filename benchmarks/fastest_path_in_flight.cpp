// 1 000 Delete Job calls in flight at once on one thread, against the emulator answering each
// after 50 ms: through apidecl's client over asio_transport (async_call with a callback), and
// over curl_multi_transport (start, then poll until all have completed). Each side runs in a
// process of its own, this program run again, so that its peak RSS is its own: the time from the
// first call started to the last completed, and the peak resident memory of that process. The
// emulator's address comes from APIDECL_BASE_URL (scripts/with-emulator sets it).
//
//     fastest_path_in_flight            both sides, each in a child process
//     fastest_path_in_flight SIDE       one side in this process (asio or curl_multi)
#include "support/seeds.hpp"

#include <apidecl/apis/cielo24/job_delete.hpp>
#include <apidecl/client/async_call.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/asio.hpp>
#include <apidecl/transport/curl.hpp>
#include <apidecl/transport/curl_multi.hpp>

#include <boost/asio/io_context.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace c24 = apidecl::cielo24;

constexpr int calls = 1000;
constexpr char const* delay_fault = "/_emulator/fault?path=/api/job/delete&kind=delay&ms=50&count=0";

// Every call must wait out the delay, so no connection may be shared: each side opens one per
// call. The job is held In Process, so each call is refused with the same 400 and changes nothing.
template <class Options>
Options options_for(std::string base_url) {
  Options o;
  o.base_url = std::move(base_url);
  o.total_timeout = std::chrono::seconds(60);
  o.max_pooled_connections = calls;
  return o;
}

bool refused(apidecl::result<c24::endpoints::delete_job> const& r) {
  c24::error const* const error = r.get_if<400>();
  return error && error->type == c24::error_type::invalid_query;
}

// The calls through async_call on one io_context, run by this thread. How many were refused as
// they should be.
int through_asio(std::string const& base_url) {
  boost::asio::io_context context(1);
  apidecl::asio_transport http(context, options_for<apidecl::asio_options>(base_url));
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  int answered = 0;
  for (int i = 0; i < calls; ++i)
    api.async_call(c24::delete_job, c24::api_token = seeds::api_token, c24::job_id = seeds::started_job_id,
                   [&answered](apidecl::result<c24::endpoints::delete_job> r) { answered += refused(r); });
  context.run();
  return answered;
}

int through_curl_multi(std::string const& base_url) {
  apidecl::curl_multi_transport http(options_for<apidecl::curl_options>(base_url));
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  std::vector<apidecl::pending_call<c24::endpoints::delete_job>> pending;
  pending.reserve(calls);
  for (int i = 0; i < calls; ++i)
    pending.push_back(
        api.start(c24::delete_job, c24::api_token = seeds::api_token, c24::job_id = seeds::started_job_id));
  while (api.in_flight() > 0) {
    http.poll(std::chrono::milliseconds(100));  // waits for the sockets, then the client completes the calls
    api.poll();
  }
  int answered = 0;
  for (auto const& call : pending) answered += call.ready() && refused(call.get());
  return answered;
}

// One side in this process: prints its wall time; the parent reads its peak RSS.
int run_side(std::string_view side, std::string const& base_url) {
  auto const start = std::chrono::steady_clock::now();
  int const answered = side == "asio" ? through_asio(base_url) : through_curl_multi(base_url);
  std::chrono::duration<double, std::milli> const took = std::chrono::steady_clock::now() - start;
  if (answered != calls) {
    std::fprintf(stderr, "fastest_path_in_flight: %s: %d of %d calls got the 400 they should\n",
                 std::string(side).c_str(), answered, calls);
    return 1;
  }
  std::printf("inflight_1000_wall_ms.%s: %.0f\n", std::string(side).c_str(), took.count());
  std::fflush(stdout);
  return 0;
}

// Runs this program again for `side`; its peak RSS in MB, or a negative number if it failed.
double run_child(char const* self, char const* side) {
  pid_t const child = ::fork();
  if (child == 0) {
    ::execl(self, self, side, static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  rusage usage{};
  if (child < 0 || ::wait4(child, &status, 0, &usage) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return -1;
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports kilobytes
}

bool control(std::string const& base_url, std::string const& target) {
  apidecl::curl_options o;
  o.base_url = base_url;
  apidecl::curl_transport http(o);
  apidecl::transport_result const r = http.send(apidecl::request(apidecl::method::post, target, {}, {}));
  return r && r->status == 204;
}

}  // namespace

int main(int argc, char** argv) {
  char const* const base_url = std::getenv("APIDECL_BASE_URL");
  if (base_url == nullptr) {
    std::fprintf(stderr, "fastest_path_in_flight: set APIDECL_BASE_URL, e.g. with scripts/with-emulator\n");
    return 2;
  }
  if (argc == 2 && (argv[1] == std::string_view("asio") || argv[1] == std::string_view("curl_multi")))
    return run_side(argv[1], base_url);
  if (argc != 1) {
    std::fprintf(stderr, "usage: fastest_path_in_flight [asio|curl_multi]\n");
    return 2;
  }
  if (!control(base_url, delay_fault)) {
    std::fprintf(stderr, "fastest_path_in_flight: the emulator took no delay fault\n");
    return 1;
  }
  int failed = 0;
  for (char const* side : {"asio", "curl_multi"}) {
    double const peak = run_child("/proc/self/exe", side);
    if (peak < 0) ++failed;
    else std::printf("inflight_1000_peak_rss_mb.%s: %.1f\n", side, peak);
  }
  control(base_url, "/_emulator/reset");
  return failed == 0 ? 0 : 1;
}
