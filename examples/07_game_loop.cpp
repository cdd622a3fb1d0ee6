// 07 — Calls from a game loop: start them, keep drawing frames, and let each frame's poll()
// complete what has arrived. No thread of the library's own, nothing blocks; the results are the
// same as blocking calls give.
#include "settings.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/fmt/formatters.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/curl_multi.hpp>

#include <fmt/core.h>

#include <chrono>
#include <string>
#include <thread>

namespace c24 = apidecl::cielo24;

int main(int argc, char** argv) {
  examples::settings const s = examples::read_settings(argc, argv);
  apidecl::curl_multi_transport http({s.base_url});
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{s.api_token});

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

  int frames = 0;
  while (api.in_flight() > 0) {
    api.poll();                                                   // completes what has arrived
    std::this_thread::sleep_for(std::chrono::milliseconds(1));   // stands for drawing a frame
    ++frames;
  }
  fmt::print("all calls done after {} frames\n", frames);
  auto const* refused = deleted.get().get_if<400>();
  if (refused) fmt::print("delete refused: {}\n", refused->comment);
  // Three jobs authorized, the one that does not exist refused, and the Complete job not deleted:
  // any other outcome is a surprise.
  return authorized == 3 && unknown_refused && refused ? 0 : 1;
}
