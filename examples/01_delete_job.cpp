// 01 — Delete a cielo24 job and handle every outcome the API documents.
// A scripted mock transport plays the server here, so the example runs anywhere without credentials.
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/fmt/formatters.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

#include <fmt/core.h>

namespace c24 = apidecl::cielo24;

int main() {
  apidecl::mock_transport http;  // answers as the sandbox would: first a success, then an error
  http.respond(200, R"({ "TaskId" : "cc8095fbfecf4647b2e10b622d81c19b" })")
      .respond(400, R"({"ErrorType": "ITEM_NOT_FOUND", "ErrorComment": "Job not found"})");
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});

  for (int i = 0; i < 2; ++i) {
    auto r = api.call(c24::delete_job, c24::api_token = "7ca5dc5c7cce449fb0fff719307e8f5f",
                      c24::job_id = "64bea283eff6475ea6596027a6ba0929");
    r.visit(apidecl::overload{
        [](c24::task const& t) { fmt::print("deleted, task {}\n", t.task_id); },
        [](c24::error const& e) { fmt::print("refused: {} ({})\n", e.type.text(), e.comment); },
        [](apidecl::unexpected_status const& s) { fmt::print("{}\n", s); },
        [](apidecl::failure const& f) { fmt::print("failed: {}\n", f); }});
  }
}
