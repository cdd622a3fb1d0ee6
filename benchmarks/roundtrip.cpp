// Delete Job over loopback HTTP through apidecl's client and curl_transport, next to a plain
// libcurl keep-alive loop that builds, sends and reads the same request by hand, in alternating
// rounds against the same server: calls per second, and this process's CPU time per call. The
// server is another process, so the CPU time is the client's own and depends less than the rate
// on what else the machine runs. The job is one the server holds In Process, so every call is
// refused with the same 400 and changes nothing: each round sees the same server. The server's
// address comes from APIDECL_BASE_URL (scripts/with-emulator sets it).
#include "handwritten/json_bodies.hpp"
#include "handwritten/requests.hpp"
#include "support/libcurl_side.hpp"
#include "support/seeds.hpp"

#include <apidecl/apis/cielo24/job_delete.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/curl.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace c24 = apidecl::cielo24;

constexpr int calls_per_round = 1000;
constexpr int rounds = 15;

// One side: makes one call, true if it was refused as expected.
class library_side {
 public:
  explicit library_side(std::string base_url)
      : http_({std::move(base_url)}), api_(apidecl::make_client(http_, apidecl::boost_json_serializer{})) {}

  bool call() {
    auto const r = api_.call(c24::delete_job, c24::api_token = seeds::api_token, c24::job_id = seeds::started_job_id);
    c24::error const* const refused = r.get_if<400>();
    return refused && refused->type == c24::error_type::invalid_query;
  }

 private:
  apidecl::curl_transport http_;
  decltype(apidecl::make_client(http_, apidecl::boost_json_serializer{})) api_;
};

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// CPU time this process has used so far, in seconds.
struct cpu_time {
  double user = 0;
  double system = 0;
};
cpu_time cpu_so_far() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto const seconds = [](timeval t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return {seconds(usage.ru_utime), seconds(usage.ru_stime)};
}

// One round of `calls_per_round` calls of one side: how long it took, and the CPU time it used.
struct round_cost {
  double seconds = 0;
  cpu_time cpu;
  bool ok = true;  // every call got the 400 it should
};

template <class Side>
round_cost one_round(Side& side) {
  cpu_time const cpu_before = cpu_so_far();
  auto const start = std::chrono::steady_clock::now();
  round_cost cost;
  for (int i = 0; i < calls_per_round && cost.ok; ++i) cost.ok = side.call();
  std::chrono::duration<double> const took = std::chrono::steady_clock::now() - start;
  cpu_time const cpu_after = cpu_so_far();
  cost.seconds = took.count();
  cost.cpu = {cpu_after.user - cpu_before.user, cpu_after.system - cpu_before.system};
  return cost;
}

// All the rounds of one side: the rate of each, and their CPU time added up, which over 15 000
// calls gives the CPU time of one call to well under a microsecond.
struct side_costs {
  std::vector<double> rates;
  cpu_time cpu;

  void add(round_cost const& round) {
    rates.push_back(calls_per_round / round.seconds);
    cpu.user += round.cpu.user;
    cpu.system += round.cpu.system;
  }
  double microseconds_per_call(double seconds) const {
    return seconds * 1e6 / static_cast<double>(rates.size() * calls_per_round);
  }
  double cpu_microseconds_per_call() const { return microseconds_per_call(cpu.user + cpu.system); }

  void print(char const* side) const {
    std::printf("roundtrip_requests_per_second.%s: %.0f\n", side, median(rates));
    std::printf("roundtrip_cpu_us.%s.user: %.2f\n", side, microseconds_per_call(cpu.user));
    std::printf("roundtrip_cpu_us.%s.system: %.2f\n", side, microseconds_per_call(cpu.system));
    std::printf("roundtrip_cpu_us.%s: %.2f\n", side, cpu_microseconds_per_call());
  }
};

}  // namespace

int main() {
  char const* const base_url = std::getenv("APIDECL_BASE_URL");
  if (base_url == nullptr) {
    std::fprintf(stderr, "roundtrip: set APIDECL_BASE_URL, e.g. with scripts/with-emulator\n");
    return 2;
  }
  library_side library(base_url);
  libcurl_side libcurl(base_url, seeds::started_job_id, [](long status, std::string const& body) {
    handwritten::error refused;
    return status == 400 && handwritten::read_error(body, refused) && refused.type == "INVALID_QUERY";
  });
  one_round(library);  // connects and warms up both sides
  one_round(libcurl);

  side_costs library_costs, libcurl_costs;
  std::vector<double> ratios;
  for (int round = 0; round < rounds; ++round) {
    bool const library_first = round % 2 == 0;  // neither side always runs on a server just warmed by the other
    round_cost const first = library_first ? one_round(library) : one_round(libcurl);
    round_cost const second = library_first ? one_round(libcurl) : one_round(library);
    round_cost const& library_round = library_first ? first : second;
    round_cost const& libcurl_round = library_first ? second : first;
    if (!library_round.ok || !libcurl_round.ok) {
      std::fprintf(stderr, "roundtrip: a call did not get the 400 it should\n");
      return 1;
    }
    library_costs.add(library_round);
    libcurl_costs.add(libcurl_round);
    ratios.push_back(libcurl_round.seconds / library_round.seconds);  // the calls per second, apidecl's over libcurl's
  }
  library_costs.print("apidecl");
  libcurl_costs.print("libcurl");
  std::printf("roundtrip_cpu_ratio: %.2f\n",
              library_costs.cpu_microseconds_per_call() / libcurl_costs.cpu_microseconds_per_call());
  std::printf("roundtrip_ratio: %.2f\n", median(ratios));
}
