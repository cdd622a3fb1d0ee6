// 01 — Delete a cielo24 job and handle every outcome the API documents. The second time, the job
// is gone and the API says so with a 400 error body.
#include "settings.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/fmt/formatters.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/curl.hpp>

#include <fmt/core.h>

namespace c24 = apidecl::cielo24;

int main(int argc, char** argv) {
  examples::settings const s = examples::read_settings(argc, argv);
  apidecl::curl_transport http({s.base_url});
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, c24::token_auth{s.api_token});

  auto const report = apidecl::overload{
      [](c24::task const& t) { fmt::print("deleted, task {}\n", t.task_id); },
      [](c24::error const& e) { fmt::print("refused: {} ({})\n", e.type.text(), e.comment); },
      [](apidecl::unexpected_status const& u) { fmt::print("{}\n", u); },
      [](apidecl::failure const& f) { fmt::print("failed: {}\n", f); }};
  auto const deleted = api.call(c24::delete_job, c24::job_id = s.job_id);
  deleted.visit(report);
  auto const again = api.call(c24::delete_job, c24::job_id = s.job_id);
  again.visit(report);

  // Deleted, then gone: any other outcome is a surprise, and the exit status says so.
  bool const gone = again.get_if<400>() && again.get_if<400>()->type == c24::error_type::item_not_found;
  return deleted.get_if<200>() && gone ? 0 : 1;
}
