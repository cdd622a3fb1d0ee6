// 02 — Authorize cielo24 jobs: success carries no body (204), also for a job past the Authorizing
// state; an unknown job or a bad token is an error whose type is an enum.
#include "settings.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/fmt/formatters.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/curl.hpp>

#include <fmt/core.h>

#include <string>

namespace c24 = apidecl::cielo24;

int main(int argc, char** argv) {
  examples::settings const s = examples::read_settings(argc, argv);
  apidecl::curl_transport http({s.base_url});
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});

  auto const authorize = [&](std::string const& job) {
    auto r = api.call(c24::authorize_job, c24::job_id = job, c24::api_token = s.api_token);  // any order
    fmt::print("job {}: ", job);
    r.visit(apidecl::overload{
        [](apidecl::no_content) { fmt::print("authorized\n"); },
        [](c24::error const& e) {
          if (e.type == c24::error_type::bad_api_token) fmt::print("log in again: {}\n", e.comment);
          else fmt::print("refused: {} ({})\n", e.type.text(), e.comment);
        },
        [](apidecl::unexpected_status const& u) { fmt::print("{}\n", u); },
        [](apidecl::failure const& f) { fmt::print("failed: {}\n", f); }});
    return r;
  };
  bool const authorized = authorize(s.job_id).get_if<204>() != nullptr;
  bool const again = authorize(s.job_id).get_if<204>() != nullptr;  // Pending by now: 204 all the same
  auto const unknown = authorize("0123456789abcdef0123456789abcdef");
  bool const refused = unknown.get_if<400>() && unknown.get_if<400>()->type == c24::error_type::item_not_found;
  return authorized && again && refused ? 0 : 1;  // any other outcome is a surprise
}
