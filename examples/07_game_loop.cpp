// 07 — Calls from a game loop: start them, keep drawing frames, and let each frame's poll()
// complete what has arrived. No thread of the library's own, nothing blocks; the results are the
// same as blocking calls give. A metrics observer counts every call into a plain struct that the
// loop reads each frame, as a debug overlay would: what completed during the frame.
#include "settings.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/fmt/formatters.hpp>
#include <apidecl/observers/metrics.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/curl_multi.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>

namespace c24 = apidecl::cielo24;

int main(int argc, char** argv) {
  examples::settings const s = examples::read_settings(argc, argv);
  apidecl::curl_multi_transport http({s.base_url});
  apidecl::call_metrics metrics;  // no heap: counted in place, read whenever the game likes
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{s.api_token},
                                  apidecl::metrics_observer(metrics));

  int authorized = 0;
  bool unknown_refused = false;
  auto const report = [&](std::string job) {
    return [&authorized, &unknown_refused, job](apidecl::result<c24::endpoints::authorize_job> const& r) {
      r.visit(apidecl::overload{
          [&](apidecl::no_content) {
            fmt::print("job {}: authorized\n", job);
            ++authorized;
          },
          [&](c24::error const& e) {
            fmt::print("job {}: refused: {}\n", job, e.type.text());
            unknown_refused = e.type == c24::error_type::item_not_found;
          },
          [&](apidecl::unexpected_status const& u) { fmt::print("job {}: {}\n", job, u); },
          [&](apidecl::failure const& f) { fmt::print("job {}: failed: {}\n", job, f); }});
    };
  };
  // Four calls in flight at once, each with its own handler.
  for (std::string job : {s.job_id, std::string("11111111111111111111111111111111"),
                          std::string("22222222222222222222222222222222"), std::string("ffffffffffffffffffffffffffffffff")})
    api.start(c24::authorize_job, c24::job_id = job).then(report(job));

  // Or keep the handle and look at it when convenient.
  auto deleted = api.start(c24::delete_job, c24::job_id = "33333333333333333333333333333333");

  // Per-frame metrics: the calls completed so far, and so those completed during this frame.
  auto const completed = [&metrics] {
    std::uint64_t calls = 0;
    for (apidecl::endpoint_metrics const& m : metrics) calls += m.calls;
    return calls;
  };
  int frames = 0;
  int busy_frames = 0;  // frames during which a call completed
  std::uint64_t most_in_a_frame = 0;
  while (api.in_flight() > 0) {
    std::uint64_t const before = completed();
    api.poll();                                                   // completes what has arrived
    std::uint64_t const this_frame = completed() - before;
    busy_frames += this_frame > 0;
    most_in_a_frame = std::max(most_in_a_frame, this_frame);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));   // stands for drawing a frame
    ++frames;
  }
  fmt::print("all calls done after {} frames\n", frames);
  fmt::print("calls completed during {} of them, at most {} in one\n", busy_frames, most_in_a_frame);
  for (apidecl::endpoint_metrics const& m : metrics) {
    fmt::print("{} {}: calls {}, attempts {}\n", apidecl::method_name(m.endpoint->method), m.endpoint->path_template,
               m.calls, m.attempts);
    for (std::size_t i = 0; i < m.outcome_kinds; ++i)
      fmt::print("  {} {}: {}\n", apidecl::outcome_name(m.outcomes[i].outcome), m.outcomes[i].status, m.outcomes[i].calls);
  }
  auto const* refused = deleted.get().get_if<400>();
  if (refused) fmt::print("delete refused: {}\n", refused->comment);
  // Three jobs authorized, the one that does not exist refused, and the Complete job not deleted:
  // any other outcome is a surprise.
  return authorized == 3 && unknown_refused && refused ? 0 : 1;
}
