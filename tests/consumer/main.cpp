// Built by each consumer project here, to check that apidecl can be used from outside: a cielo24
// call through the client, the JSON serializer (its compiled library linked) and the mock transport.
#include <apidecl/apidecl.hpp>
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/serializer/boost_json.hpp>

namespace c24 = apidecl::cielo24;

int main() {
  apidecl::mock_transport http;
  http.respond(200, R"({"TaskId": "cc8095fbfecf4647b2e10b622d81c19b"})");
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  auto r = api.call(c24::delete_job, c24::api_token = "7ca5dc5c7cce449fb0fff719307e8f5f",
                    c24::job_id = "64bea283eff6475ea6596027a6ba0929");
  auto const* task = r.get_if<200>();
  return task != nullptr && task->task_id == "cc8095fbfecf4647b2e10b622d81c19b" ? 0 : 1;
}
