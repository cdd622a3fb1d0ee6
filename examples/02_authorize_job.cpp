// 02 — Authorize a cielo24 job: success carries no body (204), and an expired token is an error
// whose type is an enum. A scripted mock transport plays the server.
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/fmt/formatters.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

#include <fmt/core.h>

namespace c24 = apidecl::cielo24;

int main() {
  apidecl::mock_transport http;
  http.respond(204).respond(400, R"({"ErrorType": "BAD_API_TOKEN", "ErrorComment": "Session expired"})");
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});

  for (int i = 0; i < 2; ++i) {
    auto r = api.call(c24::authorize_job, c24::job_id = "64bea283eff6475ea6596027a6ba0929",
                      c24::api_token = "7ca5dc5c7cce449fb0fff719307e8f5f");  // any order
    r.visit(apidecl::overload{
        [](apidecl::no_content) { fmt::print("authorized\n"); },
        [](c24::error const& e) {
          if (e.type == c24::error_type::bad_api_token) fmt::print("log in again: {}\n", e.comment);
          else fmt::print("refused: {}\n", e.type.text());
        },
        [](apidecl::unexpected_status const& s) { fmt::print("{}\n", s); },
        [](apidecl::failure const& f) { fmt::print("failed: {}\n", f); }});
  }
  fmt::print("sent: {}\n", http.requests().front().request_line());
}
