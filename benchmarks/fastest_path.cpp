// Delete Job round trips over one kept-alive loopback connection, five clients side by side in one
// run against an nginx this program starts (a generated configuration on a free port, serving the
// seed's 200 body): a raw-socket loop that sends fixed bytes and reads the response (the floor),
// cpp-httplib, a plain libcurl loop with what curl_transport asks of curl, and apidecl's client
// over curl_transport and over asio_transport. Every side but the floor builds its request and
// decodes the JSON body (hand-written with Boost.JSON where apidecl is not used). Per side: this
// process's CPU time per request (getrusage, user + system; nginx is another process) and
// requests per second, each the median of rounds that take the sides in turn, and heap
// allocations per request. Then the ratios the goals are set on (README.md in this folder).
//
//     fastest_path [--rounds N] [--requests N] [--side NAME]
//
// `--side` runs that side alone, without warm-up rounds of the others, for a profiler.
#include "../tests/support/nginx.hpp"
#include "handwritten/json_bodies.hpp"
#include "handwritten/requests.hpp"
#include "support/allocation_count.hpp"
#include "support/libcurl_side.hpp"
#include "support/seeds.hpp"

#include <apidecl/apis/cielo24/job_delete.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/asio.hpp>
#include <apidecl/transport/curl.hpp>

#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

namespace c24 = apidecl::cielo24;

constexpr std::string_view expected_task_id = "00000000000000000000000000000001";

// nginx answers Delete Job as the service does, on a connection it keeps for as long as the run
// lasts, and writes no access log, which would cost it more than the answer.
constexpr std::string_view nginx_site = R"(
  server {
    listen 127.0.0.1:@PORT0@;
    access_log off;
    keepalive_requests 100000000;
    keepalive_timeout 600s;
    location = /api/job/delete {
      default_type application/json;
      return 200 '{"TaskId":"00000000000000000000000000000001"}';
    }
  }
)";

/// The floor: the request's bytes written once, and each response read until its Content-Length
/// is in, with nothing parsed but that.
class raw_socket_side {
 public:
  explicit raw_socket_side(std::uint16_t port) : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return;
    int const on = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    // What apidecl sends: the target, Host and its User-Agent.
    request_ = "GET /api/job/delete?v=1&api_token=" + std::string(seeds::api_token) +
               "&job_id=" + std::string(seeds::job_id) + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
               "\r\nUser-Agent: apidecl\r\n\r\n";
  }
  raw_socket_side(raw_socket_side const&) = delete;
  raw_socket_side& operator=(raw_socket_side const&) = delete;
  ~raw_socket_side() { ::close(fd_); }

  bool call() {
    if (::send(fd_, request_.data(), request_.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request_.size()))
      return false;
    std::size_t have = 0, body_at = 0, end = 0;
    while (end == 0 || have < end) {
      ssize_t const n = ::recv(fd_, buffer_.data() + have, buffer_.size() - have, 0);
      if (n <= 0) return false;
      have += static_cast<std::size_t>(n);
      std::string_view const head(buffer_.data(), have);
      if (end != 0 || (body_at = head.find("\r\n\r\n")) == std::string_view::npos) continue;
      body_at += 4;
      constexpr std::string_view length_field = "\r\nContent-Length: ";
      std::size_t const length = head.find(length_field);
      if (length == std::string_view::npos || length > body_at) return false;
      end = body_at + std::strtoul(buffer_.data() + length + length_field.size(), nullptr, 10);
      if (end > buffer_.size()) return false;
    }
    return std::string_view(buffer_.data() + body_at, end - body_at).find(expected_task_id) != std::string_view::npos;
  }

 private:
  int fd_;
  std::string request_;
  std::array<char, 4096> buffer_;
};

/// Whether `body` holds the task, read as careful hand-written code reads it.
bool task_in(std::string_view body) {
  handwritten::task task;
  return handwritten::read_task(body, task) && task.task_id == expected_task_id;
}

/// cpp-httplib's client, with the target built by hand.
class httplib_side {
 public:
  explicit httplib_side(std::uint16_t port) : client_("127.0.0.1", port) { client_.set_keep_alive(true); }

  bool call() {
    std::array<char, 512> target;
    auto const request =
        handwritten::job_request("delete", seeds::api_token, seeds::job_id, target.data(), target.size());
    if (!request) return false;
    httplib::Result const answer = client_.Get(std::string(request->target));
    return answer && answer->status == 200 && task_in(answer->body);
  }

 private:
  httplib::Client client_;
};

/// apidecl's client over `Transport`: the request built, sent, and the 200 decoded to the task.
template <class Transport>
class apidecl_side {
 public:
  explicit apidecl_side(std::string base_url)
      : http_(options_for(std::move(base_url))), api_(apidecl::make_client(http_, apidecl::boost_json_serializer{})) {}

  bool call() {
    auto const r = api_.call(c24::delete_job, c24::api_token = seeds::api_token, c24::job_id = seeds::job_id);
    c24::task const* const deleted = r.template get_if<200>();
    return deleted && deleted->task_id == expected_task_id;
  }

 private:
  static auto options_for(std::string base_url) {
    std::decay_t<decltype(std::declval<Transport&>().options())> o;  // curl_options or asio_options
    o.base_url = std::move(base_url);
    return o;
  }

  Transport http_;
  decltype(apidecl::make_client(http_, apidecl::boost_json_serializer{})) api_;
};

// Heap allocations per request of asio_transport alone, warmed up: the request sent as built,
// the response left undecoded. -1 if an exchange failed.
double transport_allocations(std::string base_url, int requests) {
  apidecl::asio_options o;
  o.base_url = std::move(base_url);
  apidecl::asio_transport http(o);
  std::array<char, 512> target;
  auto const built = handwritten::job_request("delete", seeds::api_token, seeds::job_id, target.data(), target.size());
  if (!built) return -1;
  apidecl::request const r(apidecl::method::get, built->target, {}, {});
  for (int i = 0; i < 100; ++i)
    if (!http.send(r)) return -1;
  std::size_t const before = allocation_count::so_far();
  for (int i = 0; i < requests; ++i)
    if (!http.send(r)) return -1;
  return static_cast<double>(allocation_count::so_far() - before) / requests;
}

// CPU time this process has used so far, user and system, in seconds. Not split: the kernel
// splits it between the two by sampling at each tick, too coarse for a few microseconds.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto const seconds = [](timeval t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

/// One client, and what its rounds measured.
struct side {
  char const* name;
  std::function<bool()> call;
  std::vector<double> cpu_us;  // per request, one per round
  std::vector<double> rates;   // requests per second, one per round
  double allocations = 0;      // per request, in the last round

  // `requests` calls; false if one was not answered as it should be.
  bool round(int requests) {
    std::size_t const allocated_before = allocation_count::so_far();
    double const cpu_before = cpu_seconds();
    auto const start = std::chrono::steady_clock::now();
    for (int i = 0; i < requests; ++i)
      if (!call()) return false;
    std::chrono::duration<double> const took = std::chrono::steady_clock::now() - start;
    cpu_us.push_back((cpu_seconds() - cpu_before) * 1e6 / requests);
    rates.push_back(requests / took.count());
    allocations = static_cast<double>(allocation_count::so_far() - allocated_before) / requests;
    return true;
  }
};

struct settings {
  int rounds = 5;
  int requests = 20000;
  std::string only;  // one side's name, or all
};

bool read_settings(int argc, char** argv, settings& s) {
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view const option = argv[i];
    if (option == "--rounds") s.rounds = std::atoi(argv[i + 1]);
    else if (option == "--requests") s.requests = std::atoi(argv[i + 1]);
    else if (option == "--side") s.only = argv[i + 1];
    else return false;
  }
  return argc % 2 == 1 && s.rounds > 0 && s.requests > 0;
}

}  // namespace

int main(int argc, char** argv) {
  settings s;
  if (!read_settings(argc, argv, s)) {
    std::fprintf(stderr, "usage: fastest_path [--rounds N] [--requests N] [--side NAME]\n");
    return 2;
  }
  if (std::string_view const missed = allocation_count::uncounted(); !missed.empty()) {
    std::fprintf(stderr, "fastest_path: %.*s is not counted\n", static_cast<int>(missed.size()), missed.data());
    return 1;
  }
  if (test_support::nginx::binary().empty()) {
    // Said on stdout, in words that `run` does not take for a figure.
    std::printf("nginx is not installed (scripts/install-deps installs it): the fastest path is skipped\n");
    return 0;
  }
  test_support::nginx server;
  if (!server.start(nginx_site)) {
    std::fprintf(stderr, "fastest_path: %s\n", server.failure().c_str());
    return 1;
  }
  std::uint16_t const port = server.port();
  std::string const base_url = "http://127.0.0.1:" + std::to_string(port);

  raw_socket_side raw(port);
  httplib_side httplib(port);
  libcurl_side libcurl(base_url, seeds::job_id,
                       [](long status, std::string const& body) { return status == 200 && task_in(body); });
  apidecl_side<apidecl::curl_transport> over_curl(base_url);
  apidecl_side<apidecl::asio_transport> over_asio(base_url);
  std::vector<side> sides;
  auto const add = [&](char const* name, auto& client) {
    if (s.only.empty() || s.only == name) sides.push_back({name, [&client] { return client.call(); }, {}, {}, 0});
  };
  add("raw_socket", raw);
  add("httplib", httplib);
  add("libcurl", libcurl);
  add("apidecl_curl", over_curl);
  add("apidecl_asio", over_asio);
  if (sides.empty()) {
    std::fprintf(stderr, "fastest_path: no side is named %s\n", s.only.c_str());
    return 2;
  }

  // A first round of each connects and warms up; then each round takes the sides in a turned
  // order, so that none always follows the same one.
  for (side& each : sides) {
    if (!each.round(std::max(1, s.requests / 10))) {
      std::fprintf(stderr, "fastest_path: %s got no task back\n", each.name);
      return 1;
    }
    each.cpu_us.clear();
    each.rates.clear();
  }
  for (int round = 0; round < s.rounds; ++round)
    for (std::size_t i = 0; i < sides.size(); ++i) {
      side& each = sides[(i + static_cast<std::size_t>(round)) % sides.size()];
      if (!each.round(s.requests)) {
        std::fprintf(stderr, "fastest_path: %s got no task back\n", each.name);
        return 1;
      }
    }

  for (side const& each : sides) {
    std::printf("fastest_path_cpu_us.%s: %.2f\n", each.name, median(each.cpu_us));
    std::printf("fastest_path_requests_per_second.%s: %.0f\n", each.name, median(each.rates));
    std::printf("fastest_path_allocations_per_request.%s: %.2f\n", each.name, each.allocations);
  }
  if (sides.size() < 5) return 0;
  auto const cpu = [&](std::size_t i) { return median(sides[i].cpu_us); };
  auto const rate = [&](std::size_t i) { return median(sides[i].rates); };
  std::printf("asio_allocations_per_request: %.2f\n", sides[4].allocations);
  std::printf("asio_transport_allocations_per_request: %.2f\n", transport_allocations(base_url, 1000));
  std::printf("asio_floor_ratio: %.2f\n", cpu(4) / cpu(0));
  std::printf("asio_vs_httplib: %.2f\n", rate(4) / rate(1));
  std::printf("curl_vs_libcurl: %.2f\n", rate(3) / rate(2));
}
